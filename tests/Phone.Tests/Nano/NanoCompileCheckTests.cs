// SPDX-License-Identifier: MIT
using System.IO;
using System.Linq;
using Xunit;

namespace Phone.Tests.Nano
{
    /// <summary>
    /// The nano compile check (tests/nano: the firmware, the device tests and the package-free
    /// board code built against nanoFramework's mscorlib) really rejects what the device cannot
    /// run, and what it builds contains no generics.
    /// </summary>
    public class NanoCompileCheckTests
    {
        [Theory]
        [InlineData("Phone.Crypto.Nano", "Phone.Crypto.dll")]
        [InlineData("Phone.Firmware.Nano", "Phone.Firmware.dll")]
        [InlineData("Phone.DeviceTests.Nano", "NFUnitTest.dll")]
        [InlineData("Phone.Boards.Nano", "Phone.Boards.Checked.dll")]
        public void Nano_builds_contain_no_generic_constructs(string project, string assembly)
        {
            string bin = Path.Combine(NanoBuild.RepoRoot, "tests", "nano", project, "bin");
            string path = Directory.GetFiles(bin, assembly, SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
            Assert.True(path != null, project + " was not built (dotnet build Phone.sln builds it)");
            Assert.Empty(NanoMetadata.FindGenerics(path));
        }

        [Fact]
        public void A_generic_collection_in_the_firmware_fails_the_nano_build()
        {
            using var build = new NanoBuild();
            Assert.True(build.BuildFirmwareWith("namespace Phone.Firmware { internal class Probe { }  }"),
                "control build without the generic failed:\n" + build.Output);

            bool built = build.BuildFirmwareWith(
                "namespace Phone.Firmware { internal class Probe { System.Collections.Generic.List<int> _x; } }");

            Assert.False(built, "the nano build accepted System.Collections.Generic.List<int>");
            Assert.Contains("CS0234", build.Output); // 'Generic' does not exist in 'System.Collections'
        }

        [Fact]
        public void A_generic_delegate_that_nano_mscorlib_declares_is_caught_in_the_metadata()
        {
            using var build = new NanoBuild();
            Assert.True(build.BuildFirmwareWith(
                    "namespace Phone.Firmware { internal class Probe { System.Action<int> _a = x => { }; } }"),
                "mscorlib 1.17 declares Action<T>, so this compiles:\n" + build.Output);

            Assert.NotEmpty(NanoMetadata.FindGenerics(build.FirmwareAssembly));
        }
    }
}
