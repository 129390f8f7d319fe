// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.DeviceTests.Host.Checks;

namespace Phone.Tools.RegenStubs
{
    /// <summary>
    /// Writes the generated interop files (StubFiles) for the NANOFRAMEWORK build of an
    /// assembly. Run through scripts/regen-stubs.sh after the binding changed.
    /// Usage: RegenStubs &lt;Phone.Crypto.dll&gt; &lt;output dir&gt;
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 2 || !File.Exists(args[0]) || !Directory.Exists(args[1]))
            {
                Console.Error.WriteLine("usage: RegenStubs <Phone.Crypto.dll (nanoFramework build)> <native/nanoframework>");
                return 2;
            }

            var model = MdpModel.Load(args[0], Path.GetDirectoryName(Path.GetFullPath(args[0])));
            foreach (var file in StubFiles.Render(model))
            {
                File.WriteAllText(Path.Combine(args[1], file.Key), file.Value);
                Console.WriteLine("wrote " + Path.Combine(args[1], file.Key));
            }

            Console.WriteLine("predicted native checksum 0x" + model.PredictedChecksum.ToString("X8"));
            return 0;
        }
    }
}
