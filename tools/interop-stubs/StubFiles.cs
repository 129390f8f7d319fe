// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Phone.DeviceTests.Host.Checks
{
    /// <summary>
    /// The generated ("DO NOT EDIT") interop files of an assembly, as the MetadataProcessor would
    /// write them with the model's predicted checksum: file name (in native/nanoframework) to
    /// content. scripts/regen-stubs.sh writes them; the hand-written user stub is not among them.
    /// </summary>
    public static class StubFiles
    {
        /// <summary>Types the MDP writes a class header and marshalling file for.</summary>
        public static IEnumerable<TypeDefinition> NativeTypes(MdpModel model) =>
            model.Types.Where(t => MdpModel.IncludeInStub(t) && t.Methods.Any(MdpModel.IsNative));

        public static IReadOnlyDictionary<string, string> Render(MdpModel model)
        {
            var files = new SortedDictionary<string, string>
            {
                [model.SafeName + ".h"] = InteropLayoutWriter.AssemblyHeader(model),
                [model.SafeName + ".cpp"] = InteropLayoutWriter.AssemblyLookupPredicted(model),
            };
            foreach (var type in NativeTypes(model))
            {
                var stem = model.SafeName + "_" + MdpModel.ClassName(type);
                files[stem + ".h"] = InteropLayoutWriter.ClassHeader(model, type);
                files[stem + "_mshl.cpp"] = InteropLayoutWriter.Marshalling(model, type);
            }

            return files;
        }
    }
}
