// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Phone.DeviceTests.Host.Checks;
using Xunit;

namespace Phone.DeviceTests.Host
{
    /// <summary>
    /// The binding's native methods come first in method_lookup, so no method index can move
    /// without the native checksum changing (<see cref="NativeOrderGuard"/>). The MDP sorts
    /// types with the build machine's current culture; the guard must hold under ordinal
    /// comparison and under every culture a build machine might run with.
    /// </summary>
    public class NativesFirstTests
    {
        private const string Binding = "Phone.Crypto.Abi.NativeCrypto";

        /// <summary>Comparers the MDP's OrderBy(FullName) might effectively use.</summary>
        public static IEnumerable<object[]> Comparers() => new[]
        {
            "ordinal", "invariant", "en-US", "de-DE", "fr-FR", "da-DK", "nb-NO", "sv-SE", "fi-FI", "cs-CZ", "hu-HU",
            "lt-LT", "et-EE", "pl-PL", "tr-TR", "es-ES", "ja-JP", "zh-CN", "ko-KR", "ru-RU",
        }.Select(c => new object[] { c });

        private static IComparer<string> Comparer(string name) => name switch
        {
            "ordinal" => StringComparer.Ordinal,
            "invariant" => StringComparer.InvariantCulture,
            _ => StringComparer.Create(CultureInfo.GetCultureInfo(name), false),
        };

        [Theory]
        [MemberData(nameof(Comparers))]
        public void BindingIsTheFirstTypeWithMethods(string comparer)
        {
            var model = InteropStubTests.Model();
            var order = MdpModel.OrderTypes(model.Types[0].Module, Comparer(comparer));
            var lookup = MdpModel.LookupFor(model.SafeName, order);
            Assert.Equal(Binding, order.First(t => t.HasMethods).FullName);
            // ApiVersion at index 0 can never move: CryptoCore.SelfTest's version check always
            // reaches pc_api_version, whatever else changed (docs/device.md).
            Assert.True(lookup[0].IsNative && lookup[0].Method.Name == "ApiVersion", lookup[0].ToString());
            var errors = NativeOrderGuard.Check(lookup);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }

        [Fact]
        public void CultureRowsReallyCompareByCulture()
        {
            // Without ICU (invariant globalization mode) every culture row above would
            // silently be an ordinal comparison.
            Assert.True(StringComparer.InvariantCulture.Compare("a", "B") < 0);
            Assert.True(StringComparer.Ordinal.Compare("a", "B") > 0);
        }

        [Fact]
        public void BindingHasNoMethodBodies()
        {
            // A body would let the MDP's dependency walk emit the types it uses ahead of it.
            var binding = InteropStubTests.Model().Types.Single(t => t.FullName == Binding);
            Assert.All(binding.Methods, m => Assert.True(MdpModel.IsNative(m), m.FullName));
        }

        // ---- the guard can fail -------------------------------------------------------

        [Fact]
        public void WrapperOrderedAheadOfTheNativesIsCaught()
        {
            var model = InteropStubTests.Model();
            var order = model.Types.OrderBy(t => t.FullName == "Phone.Crypto.ContactRecord" ? 0 : 1).ToList();
            var errors = NativeOrderGuard.Check(MdpModel.LookupFor(model.SafeName, order));
            Assert.Single(errors);
            Assert.StartsWith("Phone.Crypto.ContactRecord (", errors[0], StringComparison.Ordinal);
            Assert.Contains("precedes the first native method " + Binding + "::ApiVersion", errors[0], StringComparison.Ordinal);
        }

        [Fact]
        public void ThePreviousLayoutIsCaughtAndWasBlindToShifts()
        {
            // NativeCrypto back in namespace Phone.Crypto, as before the move.
            var old = Mutated(m => Type(m, Binding).Namespace = "Phone.Crypto");
            var errors = NativeOrderGuard.Check(old.Lookup);
            var named = errors.Select(e => e.Substring(0, e.IndexOf(' '))).ToList();
            Assert.Equal(new[]
            {
                "Phone.Crypto.Concealment", "Phone.Crypto.ContactListEntry", "Phone.Crypto.ContactPage",
                "Phone.Crypto.ContactRecord", "Phone.Crypto.CookieMacs", "Phone.Crypto.CryptoCore",
                "Phone.Crypto.CryptoException",
                "Phone.Crypto.CryptoStatus",
                "Phone.Crypto.Handshake", "Phone.Crypto.KeyPool", "Phone.Crypto.KeyStore", "Phone.Crypto.LittleEndian",
            }, named);

            // What the guard protects against: one more wrapper method moves every native
            // method and the checksum does not notice...
            var oldPlusOne = Mutated(m =>
            {
                Type(m, Binding).Namespace = "Phone.Crypto";
                AddEmptyMethod(m, "Phone.Crypto.ContactRecord");
            });
            Assert.Equal(old.PredictedChecksum, oldPlusOne.PredictedChecksum);
            Assert.Equal(NativeIndexes(old).Select(i => i + 1), NativeIndexes(oldPlusOne));

            // ...while with the binding first the natives stay put and the checksum changes.
            var now = InteropStubTests.Model();
            var nowPlusOne = Mutated(m => AddEmptyMethod(m, "Phone.Crypto.ContactRecord"));
            Assert.Equal(NativeIndexes(now), NativeIndexes(nowPlusOne));
            Assert.NotEqual(now.PredictedChecksum, nowPlusOne.PredictedChecksum);
            Assert.Empty(NativeOrderGuard.Check(nowPlusOne.Lookup));
        }

        [Fact]
        public void MethodBodyInTheBindingPullsAWrapperAheadAndIsCaught()
        {
            // static void Helper() { KeyStore.Open(null); }: the dependency walk emits KeyStore
            // (the return type of a called method) before the binding.
            var model = Mutated(m =>
            {
                var open = Type(m, "Phone.Crypto.KeyStore").Methods.Single(x => x.Name == "Open");
                var helper = new MethodDefinition("Helper", MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, m.TypeSystem.Void);
                var il = helper.Body.GetILProcessor();
                il.Emit(OpCodes.Ldnull);
                il.Emit(OpCodes.Call, open);
                il.Emit(OpCodes.Pop);
                il.Emit(OpCodes.Ret);
                Type(m, Binding).Methods.Add(helper);
            });
            Assert.Equal("Phone.Crypto.KeyStore", model.Types.First(t => t.HasMethods).FullName);
            var errors = NativeOrderGuard.Check(model.Lookup);
            Assert.Contains(errors, e => e.StartsWith("Phone.Crypto.KeyStore (", StringComparison.Ordinal) && e.Contains("precedes"));
        }

        [Fact]
        public void CompilerHelperTypeSortingFirstIsCaught()
        {
            // What a string switch makes the compiler emit: <PrivateImplementationDetails>
            // with ComputeStringHash; '<' sorts before letters (ordinal and culture).
            var model = Mutated(m =>
            {
                var helper = new TypeDefinition(string.Empty, "<PrivateImplementationDetails>",
                    TypeAttributes.NotPublic | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit, m.TypeSystem.Object);
                var hash = new MethodDefinition("ComputeStringHash", MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, m.TypeSystem.UInt32);
                hash.Parameters.Add(new ParameterDefinition(m.TypeSystem.String));
                var il = hash.Body.GetILProcessor();
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Ret);
                helper.Methods.Add(hash);
                m.Types.Add(helper);
            });
            var errors = NativeOrderGuard.Check(model.Lookup);
            Assert.Contains(errors, e => e.StartsWith("<PrivateImplementationDetails> (1 method(s) at method_lookup[0])", StringComparison.Ordinal));
            Assert.NotEmpty(NativeOrderGuard.Check(MdpModel.LookupFor(model.SafeName, MdpModel.OrderTypes(model.Types[0].Module, StringComparer.Ordinal))));
        }

        [Fact]
        public void InterfaceBetweenNativeTypesIsCaughtAndWasBlindToShifts()
        {
            // Abi.NativeCrypto (natives), Abi.Other (interface: not in the stubs, skipped by the
            // checksum), Abi.Zed (another native): Other's methods sit unseen before Zed's native.
            Action<ModuleDefinition> layout = m =>
            {
                var other = new TypeDefinition("Phone.Crypto.Abi", "Other", TypeAttributes.Interface | TypeAttributes.Abstract | TypeAttributes.NotPublic);
                other.Methods.Add(new MethodDefinition("M1", MethodAttributes.Public | MethodAttributes.Abstract | MethodAttributes.Virtual
                                                               | MethodAttributes.NewSlot | MethodAttributes.HideBySig, m.TypeSystem.Void));
                m.Types.Add(other);
                var zed = new TypeDefinition("Phone.Crypto.Abi", "Zed",
                    TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit, m.TypeSystem.Object);
                zed.Methods.Add(new MethodDefinition("Poke", MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, m.TypeSystem.Int32)
                {
                    ImplAttributes = MethodImplAttributes.InternalCall,
                });
                m.Types.Add(zed);
            };
            var model = Mutated(layout);
            var errors = NativeOrderGuard.Check(model.Lookup);
            Assert.Single(errors);
            // Other's method sits right after the binding's natives (as many as NativeCrypto has).
            int natives = InteropStubTests.Model().Lookup.Count(e => e.IsNative);
            Assert.StartsWith("Phone.Crypto.Abi.Other (1 method(s) at method_lookup[" + natives + "])", errors[0], StringComparison.Ordinal);
            Assert.Contains("not in the stubs", errors[0], StringComparison.Ordinal);

            var plusOne = Mutated(m =>
            {
                layout(m);
                Type(m, "Phone.Crypto.Abi.Other").Methods.Add(new MethodDefinition("M2", MethodAttributes.Public | MethodAttributes.Abstract
                    | MethodAttributes.Virtual | MethodAttributes.NewSlot | MethodAttributes.HideBySig, m.TypeSystem.Void));
            });
            Assert.Equal(model.PredictedChecksum, plusOne.PredictedChecksum);
            Assert.Equal(NativeIndexes(model).Last() + 1, NativeIndexes(plusOne).Last());
        }

        [Fact]
        public void NoNativeMethodAtAllIsCaught()
        {
            var model = InteropStubTests.Model();
            var noBinding = model.Types.Where(t => t.FullName != Binding);
            Assert.Equal(new[] { "method_lookup has no native method" }, NativeOrderGuard.Check(MdpModel.LookupFor(model.SafeName, noBinding)));
        }

        // ---- helpers -----------------------------------------------------------------

        private static List<int> NativeIndexes(MdpModel model) => model.Lookup.Where(e => e.IsNative).Select(e => e.Index).ToList();

        private static TypeDefinition Type(ModuleDefinition module, string fullName) =>
            module.Types.Single(t => t.FullName == fullName);

        private static void AddEmptyMethod(ModuleDefinition module, string typeName)
        {
            var extra = new MethodDefinition("Extra", MethodAttributes.Private | MethodAttributes.HideBySig, module.TypeSystem.Void);
            extra.Body.GetILProcessor().Emit(OpCodes.Ret);
            Type(module, typeName).Methods.Add(extra);
        }

        /// <summary>
        /// The MDP model of the device build of Phone.Crypto after an edit made with Cecil. The
        /// edited assembly is written and read back, so new methods get real RVAs (a method
        /// with a body is not mistaken for a native one).
        /// </summary>
        private static MdpModel Mutated(Action<ModuleDefinition> edit)
        {
            var dir = Path.GetDirectoryName(Repo.NanoCryptoAssembly);
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(dir);
            var work = Path.Combine(Path.GetTempPath(), "phone-natives-first-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                var path = Path.Combine(work, "Phone.Crypto.dll");
                using (var assembly = AssemblyDefinition.ReadAssembly(Repo.NanoCryptoAssembly,
                           new ReaderParameters { AssemblyResolver = resolver, ReadingMode = ReadingMode.Immediate }))
                {
                    edit(assembly.MainModule);
                    assembly.Write(path);
                }

                return MdpModel.Load(path, dir);
            }
            finally
            {
                Directory.Delete(work, true);
            }
        }
    }
}
