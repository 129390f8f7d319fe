// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Mono.Cecil;

namespace Phone.DeviceTests.Host.Checks
{
    /// <summary>
    /// Compares the interop layer in native/nanoframework (texts) with what the MDP would
    /// generate for the compiled binding assembly (<see cref="MdpModel"/>): every extern by
    /// mangled name, C++ signature and position in method_lookup, the header's declarations
    /// and field indexes, the marshalling, the assembly record (name, version, checksum) and,
    /// for each user stub, the C function it calls (the host's DllImport entry point).
    /// Whitespace and comments do not matter, so a real MDP run's output passes too.
    /// </summary>
    public static class InteropStubCheck
    {
        /// <summary>The texts of the interop layer.</summary>
        public sealed class Files
        {
            /// <summary>A.h</summary>
            public string AssemblyHeader { get; set; }

            /// <summary>A.cpp</summary>
            public string AssemblyLookup { get; set; }

            /// <summary>A_C.h per class name (C = MdpModel.ClassName).</summary>
            public Dictionary<string, string> ClassHeaders { get; } = new Dictionary<string, string>();

            /// <summary>A_C_mshl.cpp per class name.</summary>
            public Dictionary<string, string> Marshalling { get; } = new Dictionary<string, string>();

            /// <summary>A_C.cpp per class name.</summary>
            public Dictionary<string, string> UserStubs { get; } = new Dictionary<string, string>();
        }

        /// <summary>Returns every mismatch found (empty when the layer matches the assembly).</summary>
        /// <param name="model">The MDP model of the device build of the binding assembly.</param>
        /// <param name="files">The interop layer's texts.</param>
        /// <param name="entryPoints">Managed method name to C function (the host build's DllImport EntryPoint), per class name.</param>
        public static List<string> Check(MdpModel model, Files files, Dictionary<string, Dictionary<string, string>> entryPoints)
        {
            var errors = new List<string>();
            if (model.ExcludedPresent)
            {
                errors.Add("the assembly has types the MDP excludes; the model does not cover Minimize() for them");
            }

            if (model.OrderAmbiguities.Count > 0)
            {
                errors.Add("type order differs between culture and ordinal comparison (" + string.Join(", ", model.OrderAmbiguities)
                           + "): confirm the order with a real MDP run");
            }

            if (model.NativeVersion == null)
            {
                errors.Add("no [assembly: AssemblyNativeVersion] in the device build (the MDP refuses to generate stubs)");
            }

            CheckLookup(model, Strip(files.AssemblyLookup), errors);
            CheckHeader(model, Strip(files.AssemblyHeader), errors);

            foreach (var type in model.Types.Where(t => MdpModel.IncludeInStub(t) && t.Methods.Any(MdpModel.IsNative)))
            {
                var cls = MdpModel.ClassName(type);
                var natives = MdpModel.OrderedMethods(type).Where(MdpModel.IsNative).ToList();
                if (!files.ClassHeaders.TryGetValue(cls, out var h) || !files.Marshalling.TryGetValue(cls, out var mshl)
                    || !files.UserStubs.TryGetValue(cls, out var user))
                {
                    errors.Add($"missing stub files for class {cls}");
                    continue;
                }

                CheckClassHeader(type, natives, Strip(h), errors);
                CheckMarshalling(model, type, natives, Strip(mshl), errors);
                entryPoints.TryGetValue(cls, out var map);
                CheckUserStub(type, natives, Strip(user), map, errors);
            }

            return errors;
        }

        /// <summary>The CMake regex of nf-interpreter's AddNativeAssemblyVersion (FindNF_NativeAssemblies.cmake).</summary>
        public static Match NativeAssemblyVersionMatch(string cppText, string safeName)
        {
            var pattern = "[ \t\r\n]+CLR_RT_NativeAssemblyData[ \t\r\n]+g_CLR_AssemblyNative_" + safeName
                          + "[ \t\r\n]*=[^{]+{[^0]+0x([0-9A-Za-z]+)[^{]+{[ \t\r\n]*([0-9]+)[ \t\r\n]*,[ \t\r\n]*([0-9]+)[ \t\r\n]*,[ \t\r\n]*([0-9]+)[ \t\r\n]*,[ \t\r\n]*([0-9]+)";
            return Regex.Match(cppText, pattern);
        }

        private static void CheckLookup(MdpModel model, string text, List<string> errors)
        {
            var table = Regex.Match(text, @"method_lookup\s*\[\s*\]\s*=\s*\{(?<body>[^}]*)\}\s*;");
            if (!table.Success)
            {
                errors.Add("method_lookup[] not found in the assembly .cpp");
                return;
            }

            var entries = table.Groups["body"].Value.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
            if (entries.Count != model.Lookup.Count)
            {
                errors.Add($"method_lookup has {entries.Count} entries, the assembly has {model.Lookup.Count} methods");
            }

            for (int i = 0; i < Math.Min(entries.Count, model.Lookup.Count); i++)
            {
                var expected = model.Lookup[i].Handler ?? "NULL";
                var actual = entries[i] == "nullptr" ? "NULL" : entries[i];
                if (actual != expected)
                {
                    errors.Add($"method_lookup[{i}] is '{entries[i]}', expected '{expected}' ({model.Lookup[i]})");
                }
            }

            var record = Regex.Match(text, @"CLR_RT_NativeAssemblyData\s+g_CLR_AssemblyNative_(?<sym>\w+)\s*=\s*\{\s*""(?<name>[^""]*)""\s*,\s*(?<crc>0x[0-9A-Fa-f]+)\s*,\s*method_lookup\s*,\s*\{\s*(?<a>\d+)\s*,\s*(?<b>\d+)\s*,\s*(?<c>\d+)\s*,\s*(?<d>\d+)\s*\}\s*\}\s*;");
            if (!record.Success)
            {
                errors.Add("g_CLR_AssemblyNative_* record not found in the assembly .cpp");
                return;
            }

            if (record.Groups["sym"].Value != model.SafeName)
            {
                errors.Add($"symbol g_CLR_AssemblyNative_{record.Groups["sym"].Value}, expected g_CLR_AssemblyNative_{model.SafeName}");
            }

            if (record.Groups["name"].Value != model.AssemblyName)
            {
                errors.Add($"assembly name \"{record.Groups["name"].Value}\", expected \"{model.AssemblyName}\"");
            }

            if (model.NativeVersion != null)
            {
                var v = new Version(int.Parse(record.Groups["a"].Value, CultureInfo.InvariantCulture),
                    int.Parse(record.Groups["b"].Value, CultureInfo.InvariantCulture),
                    int.Parse(record.Groups["c"].Value, CultureInfo.InvariantCulture),
                    int.Parse(record.Groups["d"].Value, CultureInfo.InvariantCulture));
                if (v != model.NativeVersion)
                {
                    errors.Add($"native version {v} in the stub, AssemblyNativeVersion is {model.NativeVersion}");
                }
            }

            uint crc = uint.Parse(record.Groups["crc"].Value.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (crc == 0)
            {
                // Strip() removed comments, so the marker is looked for in the raw text by the caller.
            }
            else if (crc != model.PredictedChecksum)
            {
                errors.Add($"checksum 0x{crc:X8} differs from the model's prediction 0x{model.PredictedChecksum:X8}: "
                           + "either the value did not come from an MDP run of this assembly, or the ordering model is wrong "
                           + "(docs/device.md, \"The native checksum\")");
            }
        }

        private static void CheckHeader(MdpModel model, string text, List<string> errors)
        {
            var structs = Regex.Matches(text, @"struct\s+(?<name>Library_\w+)\s*\{(?<body>[^}]*)\}\s*;");
            var actual = structs.Cast<Match>().Select(m => m.Groups["name"].Value).ToList();
            var expected = model.HeaderClasses.Select(c => c.Name).ToList();
            if (!actual.SequenceEqual(expected))
            {
                errors.Add("assembly header structs [" + string.Join(", ", actual) + "], expected [" + string.Join(", ", expected) + "]");
            }

            foreach (Match s in structs)
            {
                var cls = model.HeaderClasses.FirstOrDefault(c => c.Name == s.Groups["name"].Value);
                if (cls == null)
                {
                    continue;
                }

                var body = s.Groups["body"].Value;
                var statics = Regex.Matches(body, @"FIELD_STATIC__(\w+)\s*=\s*(\d+)").Cast<Match>()
                    .Select(m => m.Groups[1].Value + "=" + m.Groups[2].Value).ToList();
                var instance = Regex.Matches(body, @"FIELD__(\w+)\s*=\s*(\d+)").Cast<Match>()
                    .Select(m => m.Groups[1].Value + "=" + m.Groups[2].Value).ToList();
                var methods = Regex.Matches(body, @"NANOCLR_NATIVE_DECLARE\s*\(\s*(\w+)\s*\)").Cast<Match>()
                    .Select(m => m.Groups[1].Value).ToList();
                Compare(cls.Name + " static fields", statics, cls.StaticFields.Select(f => f.Key + "=" + f.Value).ToList(), errors);
                Compare(cls.Name + " instance fields", instance, cls.InstanceFields.Select(f => f.Key + "=" + f.Value).ToList(), errors);
                Compare(cls.Name + " native declarations", methods, cls.Methods, errors);
            }

            if (!Regex.IsMatch(text, @"extern\s+const\s+CLR_RT_NativeAssemblyData\s+g_CLR_AssemblyNative_" + model.SafeName + @"\s*;"))
            {
                errors.Add("assembly header lacks extern g_CLR_AssemblyNative_" + model.SafeName);
            }
        }

        private static void CheckClassHeader(TypeDefinition type, List<MethodDefinition> natives, string text, List<string> errors)
        {
            var decls = Regex.Matches(text, @"static\s+(?<ret>[\w\s\*]+?)\s+(?<name>\w+)\s*\((?<params>[^)]*)\)\s*;").Cast<Match>().ToList();
            Compare(type.Name + " class header declarations", decls.Select(d => d.Groups["name"].Value).ToList(),
                natives.Select(m => m.Name).ToList(), errors);
            foreach (var d in decls)
            {
                var m = natives.FirstOrDefault(n => n.Name == d.Groups["name"].Value);
                if (m != null)
                {
                    CheckSignature(type.Name + " header: " + m.Name, d.Groups["ret"].Value, d.Groups["params"].Value, m, errors);
                }
            }
        }

        private static void CheckMarshalling(MdpModel model, TypeDefinition type, List<MethodDefinition> natives, string text, List<string> errors)
        {
            var prefix = "Library_" + model.SafeName + "_" + MdpModel.ClassName(type) + "::";
            var funcs = Regex.Matches(text, @"HRESULT\s+" + Regex.Escape(prefix) + @"(?<name>\w+)\s*\(\s*CLR_RT_StackFrame\s*&\s*stack\s*\)\s*\{(?<body>.*?)NANOCLR_NOCLEANUP\s*\(\s*\)\s*;\s*\}",
                RegexOptions.Singleline).Cast<Match>().ToList();
            Compare(type.Name + " marshalling functions", funcs.Select(f => f.Groups["name"].Value).ToList(),
                natives.Select(MdpModel.MethodName).ToList(), errors);
            foreach (var f in funcs)
            {
                var m = natives.FirstOrDefault(n => MdpModel.MethodName(n) == f.Groups["name"].Value);
                if (m == null)
                {
                    continue;
                }

                var body = f.Groups["body"].Value;
                int offset = m.IsStatic ? 0 : 1;
                var marshals = Regex.Matches(body, @"Interop_Marshal_(?<t>\w+)\s*\(\s*stack\s*,\s*(?<i>\d+)\s*,\s*(?<p>\w+)\s*\)").Cast<Match>()
                    .Select(x => x.Groups["t"].Value + "@" + x.Groups["i"].Value + ":" + x.Groups["p"].Value).ToList();
                var expected = m.Parameters.Select((p, i) => MdpModel.ClrType(p.ParameterType) + "@" + (i + offset) + ":param" + i).ToList();
                Compare(m.Name + " marshalling", marshals, expected, errors);
                var call = Regex.Match(body, Regex.Escape(type.Name) + @"::(?<name>\w+)\s*\((?<args>[^)]*)\)");
                var args = call.Groups["args"].Value.Split(',').Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
                var expectedArgs = m.Parameters.Select((p, i) => "param" + i).Concat(new[] { "hr" }).ToList();
                if (!call.Success || call.Groups["name"].Value != m.Name || !args.SequenceEqual(expectedArgs))
                {
                    errors.Add($"{m.Name} marshalling does not call {type.Name}::{m.Name}({string.Join(", ", expectedArgs)})");
                }

                if (m.ReturnType.FullName != "System.Void"
                    && !Regex.IsMatch(body, @"SetResult_" + MdpModel.ClrType(m.ReturnType) + @"\s*\(\s*stack\s*,\s*retValue\s*\)"))
                {
                    errors.Add($"{m.Name} marshalling does not SetResult_{MdpModel.ClrType(m.ReturnType)}");
                }
            }
        }

        private static void CheckUserStub(TypeDefinition type, List<MethodDefinition> natives, string text, Dictionary<string, string> entryPoints, List<string> errors)
        {
            var defs = Regex.Matches(text, @"(?<ret>(?:signed|unsigned)\s+int|void|bool|\w+)\s+" + Regex.Escape(type.Name)
                                           + @"::(?<name>\w+)\s*\((?<params>[^)]*)\)\s*\{", RegexOptions.Singleline).Cast<Match>().ToList();
            Compare(type.Name + " user stub definitions", defs.Select(d => d.Groups["name"].Value).ToList(),
                natives.Select(m => m.Name).ToList(), errors);
            for (int k = 0; k < defs.Count; k++)
            {
                var d = defs[k];
                var m = natives.FirstOrDefault(n => n.Name == d.Groups["name"].Value);
                if (m == null)
                {
                    continue;
                }

                CheckSignature(type.Name + " user stub: " + m.Name, d.Groups["ret"].Value, d.Groups["params"].Value, m, errors);
                int end = k + 1 < defs.Count ? defs[k + 1].Index : text.Length;
                var body = text.Substring(d.Index + d.Length, end - d.Index - d.Length);
                if (entryPoints == null || !entryPoints.TryGetValue(m.Name, out var entry))
                {
                    errors.Add($"{type.Name}.{m.Name}: no DllImport entry point in the host build to compare with");
                }
                else if (!Regex.IsMatch(body, @"\b" + Regex.Escape(entry) + @"\s*\("))
                {
                    errors.Add($"{type.Name}::{m.Name} stub does not call {entry}() (the host's DllImport entry point)");
                }
            }
        }

        private static void CheckSignature(string what, string ret, string parameters, MethodDefinition m, List<string> errors)
        {
            var expectedRet = MdpModel.NativeType(m.ReturnType);
            if (Norm(ret) != Norm(expectedRet))
            {
                errors.Add($"{what}: returns '{ret.Trim()}', expected '{expectedRet}'");
            }

            var ps = parameters.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var expected = m.Parameters.Select(p => MdpModel.NativeType(p.ParameterType)).Concat(new[] { "HRESULT&" }).ToList();
            // each declared parameter is "<type> <name>" (the name is free in user code)
            var types = ps.Select(p => Norm(Regex.Replace(p, @"\s*\b\w+\s*$", string.Empty))).ToList();
            if (!types.SequenceEqual(expected.Select(Norm)))
            {
                errors.Add($"{what}: parameters ({string.Join(", ", ps)}), expected types ({string.Join(", ", expected)})");
            }
        }

        private static string Norm(string s) => Regex.Replace(s, @"\s+", string.Empty);

        private static void Compare(string what, List<string> actual, List<string> expected, List<string> errors)
        {
            if (!actual.SequenceEqual(expected))
            {
                errors.Add($"{what}: [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}]");
            }
        }

        /// <summary>Removes // and /* */ comments (string literals in these files hold no comment markers).</summary>
        public static string Strip(string text)
        {
            text = Regex.Replace(text ?? string.Empty, @"/\*.*?\*/", " ", RegexOptions.Singleline);
            return Regex.Replace(text, @"//[^\n]*", " ");
        }
    }
}
