// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Phone.DeviceTests.Host
{
    /// <summary>
    /// The device build's source list: FindINTEROP-Phone.Crypto.cmake names exactly the C files
    /// of native/src (so a new core file cannot be silently missing on the device), and the
    /// module configures against this repository (with a stand-in Monocypher directory).
    /// </summary>
    public class FindInteropModuleTests
    {
        private const string Module = "native/nanoframework/FindINTEROP-Phone.Crypto.cmake";

        internal static string[] ListedCoreSources(string text)
        {
            var block = Regex.Match(text, @"set\(PHONE_CORE_SOURCES(?<body>[^)]*)\)");
            return block.Groups["body"].Value.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        }

        [Fact]
        public void ModuleListsExactlyTheCoreSources()
        {
            var listed = ListedCoreSources(File.ReadAllText(Repo.Path(Module))).OrderBy(s => s, StringComparer.Ordinal);
            var actual = Directory.GetFiles(Repo.Path("native/src"), "*.c").Select(Path.GetFileName).OrderBy(s => s, StringComparer.Ordinal);
            Assert.Equal(actual, listed);
        }

        [Fact]
        public void AMissingCoreFileIsCaught()
        {
            var text = File.ReadAllText(Repo.Path(Module)).Replace("    transport.c\n", string.Empty);
            var actual = Directory.GetFiles(Repo.Path("native/src"), "*.c").Select(Path.GetFileName);
            Assert.NotEqual(actual.OrderBy(s => s), ListedCoreSources(text).OrderBy(s => s));
        }

        [Fact]
        public void ModuleConfiguresAgainstTheRepository()
        {
            var work = Path.Combine(Path.GetTempPath(), "phone-findinterop-" + Guid.NewGuid().ToString("N"));
            var mono = Path.Combine(work, "monocypher");
            Directory.CreateDirectory(Path.Combine(mono, "src"));
            File.WriteAllText(Path.Combine(mono, "src", "monocypher.c"), "/* stand-in */\n");
            File.WriteAllText(Path.Combine(mono, "src", "monocypher.h"), "/* stand-in */\n");
            Directory.CreateDirectory(Path.Combine(mono, "src", "optional"));
            File.WriteAllText(Path.Combine(mono, "src", "optional", "monocypher-ed25519.c"), "/* stand-in */\n");
            var src = Path.Combine(work, "src");
            Directory.CreateDirectory(src);
            File.WriteAllText(Path.Combine(src, "CMakeLists.txt"),
                "cmake_minimum_required(VERSION 3.21)\nproject(probe NONE)\n"
                + "set(CMAKE_MODULE_PATH \"" + Repo.Path("native/nanoframework") + "\")\n"
                + "find_package(INTEROP-Phone.Crypto REQUIRED QUIET)\n"
                + "file(WRITE \"${CMAKE_BINARY_DIR}/sources.txt\" \"${Phone.Crypto_SOURCES}\")\n");
            try
            {
                var psi = new ProcessStartInfo("cmake", $"-S \"{src}\" -B \"{Path.Combine(work, "build")}\" -DPHONE_REPO_DIR=\"{Repo.Root}\" -DMONOCYPHER_SOURCE=\"{mono}\"")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var p = Process.Start(psi);
                var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, output);
                var sources = File.ReadAllText(Path.Combine(work, "build", "sources.txt")).Split(';').Select(Path.GetFileName).ToList();
                var expected = Directory.GetFiles(Repo.Path("native/src"), "*.c").Select(Path.GetFileName)
                    .Concat(new[] { "Phone_Crypto.cpp", "Phone_Crypto_Phone_Crypto_Abi_NativeCrypto_mshl.cpp", "Phone_Crypto_Phone_Crypto_Abi_NativeCrypto.cpp",
                                    "platform_esp32.c", "storage_nvs.c", "backend_monocypher.c", "monocypher.c", "monocypher-ed25519.c",
                                    // ML-KEM-768: PQClean (fetched by native/pqclean/fetch-pqclean.sh) and our glue
                                    "cbd.c", "indcpa.c", "kem.c", "ntt.c", "poly.c", "polyvec.c", "reduce.c",
                                    "symmetric-shake.c", "verify.c", "pq_glue.c", "pq_fips202.c" });
                Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), sources.OrderBy(s => s, StringComparer.Ordinal));
            }
            finally
            {
                Directory.Delete(work, true);
            }
        }
    }
}
