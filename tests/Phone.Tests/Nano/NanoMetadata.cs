// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Phone.Tests.Nano
{
    /// <summary>
    /// Finds generic constructs in a compiled assembly. nanoFramework's mscorlib 1.17 still
    /// declares Action&lt;T&gt;, Func&lt;&gt; and EventHandler&lt;T&gt;, so code using them compiles in the
    /// nano check yet fails on the device's 1.x runtime; the metadata shows it.
    /// </summary>
    internal static class NanoMetadata
    {
        private const byte GenericInstance = 0x15; // ELEMENT_TYPE_GENERICINST

        internal static List<string> FindGenerics(string assemblyPath)
        {
            var found = new List<string>();
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();

            foreach (TypeDefinitionHandle t in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(t);
                if (type.GetGenericParameters().Count > 0)
                {
                    found.Add("generic type " + md.GetString(type.Name));
                }
            }

            if (md.GetTableRowCount(TableIndex.GenericParam) > 0)
            {
                found.Add(md.GetTableRowCount(TableIndex.GenericParam) + " generic parameter(s)");
            }

            if (md.GetTableRowCount(TableIndex.MethodSpec) > 0)
            {
                found.Add(md.GetTableRowCount(TableIndex.MethodSpec) + " generic method instantiation(s)");
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                TypeSpecification spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
                BlobReader blob = md.GetBlobReader(spec.Signature);
                if (blob.Length > 0 && blob.ReadByte() == GenericInstance)
                {
                    found.Add("generic type instantiation (TypeSpec " + row + ")");
                }
            }

            return found;
        }
    }
}
