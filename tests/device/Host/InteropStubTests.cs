// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Phone.DeviceTests.Host.Checks;
using Xunit;
using Xunit.Abstractions;

namespace Phone.DeviceTests.Host
{
    /// <summary>
    /// Check 1: the interop layer in native/nanoframework matches the device build of
    /// Phone.Crypto (every extern by mangled name, signature and method_lookup position; the
    /// header, marshalling, assembly record and the C function each stub calls).
    /// </summary>
    public class InteropStubTests
    {
        private const string Dir = "native/nanoframework";
        private readonly ITestOutputHelper _output;

        public InteropStubTests(ITestOutputHelper output)
        {
            _output = output;
        }

        internal static MdpModel Model() =>
            MdpModel.Load(Repo.NanoCryptoAssembly, Path.GetDirectoryName(Repo.NanoCryptoAssembly));

        internal static InteropStubCheck.Files ReadFiles(MdpModel model)
        {
            var files = new InteropStubCheck.Files
            {
                AssemblyHeader = File.ReadAllText(Repo.Path($"{Dir}/{model.SafeName}.h")),
                AssemblyLookup = File.ReadAllText(Repo.Path($"{Dir}/{model.SafeName}.cpp")),
            };
            foreach (var type in NativeTypes(model))
            {
                var cls = MdpModel.ClassName(type);
                var stem = Repo.Path($"{Dir}/{model.SafeName}_{cls}");
                files.ClassHeaders[cls] = ReadIfExists(stem + ".h");
                files.Marshalling[cls] = ReadIfExists(stem + "_mshl.cpp");
                files.UserStubs[cls] = ReadIfExists(stem + ".cpp");
            }

            return files;
        }

        /// <summary>Managed name -> DllImport EntryPoint of the host build, per class.</summary>
        internal static Dictionary<string, Dictionary<string, string>> HostEntryPoints()
        {
            var host = AssemblyDefinition.ReadAssembly(typeof(Phone.Crypto.CryptoCore).Assembly.Location);
            var map = new Dictionary<string, Dictionary<string, string>>();
            foreach (var type in host.MainModule.GetTypes())
            {
                foreach (var m in type.Methods.Where(m => m.HasPInvokeInfo))
                {
                    var cls = MdpModel.ClassName(type);
                    if (!map.TryGetValue(cls, out var entries))
                    {
                        map[cls] = entries = new Dictionary<string, string>();
                    }

                    entries[m.Name] = m.PInvokeInfo.EntryPoint ?? m.Name;
                }
            }

            return map;
        }

        private static IEnumerable<TypeDefinition> NativeTypes(MdpModel model) => StubFiles.NativeTypes(model);

        private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

        [Fact]
        public void StubsMatchTheBindingAssembly()
        {
            var model = Model();
            _output.WriteLine("MDP type order: " + string.Join(", ", model.Types.Select(t => t.FullName)));
            _output.WriteLine("predicted native checksum: 0x" + model.PredictedChecksum.ToString("X8"));
            foreach (var e in model.Lookup)
            {
                _output.WriteLine(e.ToString());
            }

            var errors = InteropStubCheck.Check(model, ReadFiles(model), HostEntryPoints());
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }

        [Fact]
        public void EveryExternIsNativeAndEveryNativeIsAnExtern()
        {
            var model = Model();
            var natives = model.Lookup.Where(e => e.IsNative).Select(e => e.Method.Name).ToList();
            var hostExterns = HostEntryPoints()["Phone_Crypto_Abi_NativeCrypto"].Keys.ToList();
            Assert.Equal(hostExterns.OrderBy(n => n), natives.OrderBy(n => n));
            Assert.All(model.Lookup.Where(e => e.IsNative), e => Assert.Equal("NativeCrypto", e.Type.Name));
        }

        [Fact]
        public void ChecksumIsThePredictionOrAMarkedPlaceholder()
        {
            var model = Model();
            var cpp = File.ReadAllText(Repo.Path($"{Dir}/{model.SafeName}.cpp"));
            var match = InteropStubCheck.NativeAssemblyVersionMatch(cpp, model.SafeName);
            Assert.True(match.Success, "nf-interpreter's AddNativeAssemblyVersion regex does not match the assembly record");
            Assert.Equal(model.NativeVersion.ToString(), string.Join(".", match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value));
            var crc = Convert.ToUInt32(match.Groups[1].Value, 16);
            if (crc == 0)
            {
                Assert.Contains(InteropLayoutWriter.ChecksumPlaceholderMarker, cpp);
            }
            else
            {
                // a value typed in by hand, taken from a real MDP run or predicted (with its
                // note) must all equal the model: a difference means the model is wrong
                Assert.Equal(model.PredictedChecksum.ToString("X8"), crc.ToString("X8"));
            }
        }

        [Fact]
        public void NativeVersionFollowsTheCApiVersion()
        {
            // AssemblyNativeVersion 1.0.0.N <-> PC_API_VERSION N (docs/device.md, "When the binding changes")
            var model = Model();
            var header = File.ReadAllText(Repo.Path("native/include/phone_crypto_api.h"));
            var api = System.Text.RegularExpressions.Regex.Match(header, @"#define\s+PC_API_VERSION\s+(\d+)");
            Assert.True(api.Success);
            Assert.Equal(new Version(1, 0, 0, int.Parse(api.Groups[1].Value)), model.NativeVersion);
        }

        // ---- the check can fail ------------------------------------------------------

        [Fact]
        public void SwappedLookupEntriesAreCaught()
        {
            var model = Model();
            var files = ReadFiles(model);
            var a = model.Lookup.First(e => e.IsNative).Handler;
            var b = model.Lookup.Last(e => e.IsNative).Handler;
            files.AssemblyLookup = files.AssemblyLookup.Replace(a + ",", "@@,").Replace(b + ",", a + ",").Replace("@@,", b + ",");
            var errors = InteropStubCheck.Check(model, files, HostEntryPoints());
            Assert.Contains(errors, e => e.StartsWith("method_lookup[", StringComparison.Ordinal));
        }

        [Fact]
        public void MissingNullEntryIsCaught()
        {
            var model = Model();
            var files = ReadFiles(model);
            int at = files.AssemblyLookup.IndexOf("    NULL,\n", StringComparison.Ordinal);
            Assert.True(at >= 0);
            files.AssemblyLookup = files.AssemblyLookup.Remove(at, "    NULL,\n".Length);
            Assert.Contains(InteropStubCheck.Check(model, files, HostEntryPoints()), e => e.Contains("entries"));
        }

        [Fact]
        public void WrongSignatureInTheUserStubIsCaught()
        {
            var model = Model();
            var files = ReadFiles(model);
            var cls = files.UserStubs.Keys.Single();
            // SessionSeal's buffer becomes an int: the mangled name still matches, the signature not
            var text = files.UserStubs[cls];
            int at = text.IndexOf("NativeCrypto::SessionSeal(", StringComparison.Ordinal);
            Assert.True(at >= 0);
            int arr = text.IndexOf("CLR_RT_TypedArray_UINT8", at, StringComparison.Ordinal);
            files.UserStubs[cls] = text.Remove(arr, "CLR_RT_TypedArray_UINT8".Length).Insert(arr, "signed int");
            Assert.Contains(InteropStubCheck.Check(model, files, HostEntryPoints()), e => e.Contains("SessionSeal") && e.Contains("parameters"));
        }

        [Fact]
        public void StubCallingTheWrongCFunctionIsCaught()
        {
            var model = Model();
            var files = ReadFiles(model);
            var cls = files.UserStubs.Keys.Single();
            files.UserStubs[cls] = files.UserStubs[cls].Replace("pc_session_seal(", "pc_session_open(");
            Assert.Contains(InteropStubCheck.Check(model, files, HostEntryPoints()), e => e.Contains("does not call pc_session_seal"));
        }

        [Fact]
        public void WrongMarshallingIndexIsCaught()
        {
            var model = Model();
            var files = ReadFiles(model);
            var cls = files.Marshalling.Keys.Single();
            files.Marshalling[cls] = files.Marshalling[cls].Replace("Interop_Marshal_INT32( stack, 1, param1 )", "Interop_Marshal_INT32( stack, 2, param1 )");
            Assert.Contains(InteropStubCheck.Check(model, files, HostEntryPoints()), e => e.Contains("marshalling"));
        }

        [Fact]
        public void WrongVersionOrNameIsCaught()
        {
            var model = Model();
            var files = ReadFiles(model);
            var v = model.NativeVersion;
            string current = "{ " + v.Major + ", " + v.Minor + ", " + v.Build + ", " + v.Revision + " }";
            Assert.Contains(current, files.AssemblyLookup);
            files.AssemblyLookup = files.AssemblyLookup.Replace("\"Phone.Crypto\"", "\"Phone.Crypt0\"")
                .Replace(current, "{ " + v.Major + ", " + v.Minor + ", " + v.Build + ", " + (v.Revision + 1) + " }");
            var errors = InteropStubCheck.Check(model, files, HostEntryPoints());
            Assert.Contains(errors, e => e.Contains("assembly name"));
            Assert.Contains(errors, e => e.Contains("native version"));
        }

        [Fact]
        public void ChecksumOtherThanThePredictionIsCaught()
        {
            var model = InteropStubTests.Model();
            var files = ReadFiles(model);
            var record = InteropStubCheck.NativeAssemblyVersionMatch(files.AssemblyLookup, model.SafeName);
            Assert.True(record.Success);
            var other = (model.PredictedChecksum ^ 0x00010000u).ToString("X8");
            files.AssemblyLookup = files.AssemblyLookup.Replace("0x" + record.Groups[1].Value + ",", "0x" + other + ",");
            Assert.Contains(InteropStubCheck.Check(model, files, HostEntryPoints()), e => e.Contains("checksum 0x" + other));
        }

        [Fact]
        public void AnExternAddedToTheAssemblyIsCaught()
        {
            // a reordered/extended binding: move the last extern to the front of the class
            var model = Model();
            var files = ReadFiles(model);
            var reordered = model.Lookup.Where(e => e.IsNative).Select(e => e.Handler).ToList();
            var first = reordered[0];
            files.AssemblyHeader = files.AssemblyHeader.Replace("NANOCLR_NATIVE_DECLARE(" + first.Split("::")[1] + ");", string.Empty);
            Assert.Contains(InteropStubCheck.Check(model, files, HostEntryPoints()), e => e.Contains("native declarations"));
        }

        /// <summary>
        /// The committed generated files are exactly what scripts/regen-stubs.sh writes from the
        /// current binding (so the script is the one way to produce them).
        /// </summary>
        [Fact]
        public void GeneratedFilesAreWhatRegenStubsWrites()
        {
            var stale = StubFiles.Render(Model())
                .Where(f => ReadIfExists(Repo.Path($"{Dir}/{f.Key}")) != f.Value)
                .Select(f => f.Key).ToList();
            Assert.True(stale.Count == 0, "differs from scripts/regen-stubs.sh's output: " + string.Join(", ", stale));
        }
    }
}
