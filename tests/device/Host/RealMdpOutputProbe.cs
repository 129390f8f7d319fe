// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.DeviceTests.Host.Checks;
using Xunit;
using Xunit.Abstractions;

namespace Phone.DeviceTests.Host
{
    /// <summary>
    /// Manual verification of the MDP model against a real MetadataProcessor output: reported
    /// as skipped unless PHONE_MDP_SAMPLE and PHONE_MDP_SAMPLE_ASSEMBLY are set. PHONE_MDP_SAMPLE names a
    /// directory holding the assembly compiled against nanoFramework's mscorlib (A.dll plus
    /// mscorlib.dll) and the MDP-generated A.h/A.cpp: the model's method_lookup, header and
    /// predicted checksum must equal the generated ones. docs/device.md records the run made
    /// with the Samples repository's Interop sample (NF.AwesomeLib).
    /// </summary>
    public class RealMdpOutputProbe
    {
        private readonly ITestOutputHelper _output;

        public RealMdpOutputProbe(ITestOutputHelper output)
        {
            _output = output;
        }

        [MdpSampleFact]
        public void ModelReproducesARealMdpRun()
        {
            var dir = Environment.GetEnvironmentVariable(MdpSampleFactAttribute.DirVariable);
            var name = Environment.GetEnvironmentVariable(MdpSampleFactAttribute.AssemblyVariable);
            var model = MdpModel.Load(Path.Combine(dir, name + ".dll"), dir);
            var files = new InteropStubCheck.Files
            {
                AssemblyHeader = File.ReadAllText(Path.Combine(dir, model.SafeName + ".h")),
                AssemblyLookup = File.ReadAllText(Path.Combine(dir, model.SafeName + ".cpp")),
            };
            var errors = InteropStubCheck.Check(model, files, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.Dictionary<string, string>>());
            foreach (var e in errors)
            {
                _output.WriteLine(e);
            }

            _output.WriteLine("predicted checksum 0x" + model.PredictedChecksum.ToString("X8"));
            Assert.DoesNotContain(errors, e => e.StartsWith("method_lookup", StringComparison.Ordinal) || e.Contains("checksum")
                                               || e.Contains("header") || e.Contains("fields") || e.Contains("declarations"));
        }
    }
}
