// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Mono.Cecil;
using nanoFramework.Tools.MetadataProcessor;
using nanoFramework.Tools.MetadataProcessor.Core.Extensions;

namespace Phone.DeviceTests.MdpRun
{
    /// <summary>
    /// Runs the MetadataProcessor's own code on an assembly the way its MSBuild task does
    /// (parse with load hints, compile, Minimize, compile again) and prints what its skeleton
    /// generator would put in A.cpp and A.h: the checksum, method_lookup (as
    /// GenerateAssemblyLookup derives it) and the header structs (as GenerateAssemblyHeader
    /// derives them). The Mustache templates are not run; only the entries are compared.
    ///
    /// Usage: MdpRun &lt;A.dll&gt; &lt;mscorlib.dll&gt; [&lt;dir with the committed A.cpp and A.h&gt;]
    /// With a directory, exits 1 when any of the three differs from the committed files.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: MdpRun <assembly.dll> <mscorlib.dll> [native/nanoframework]");
                return 2;
            }

            var hints = new Dictionary<string, string> { ["mscorlib"] = Path.GetFullPath(args[1]) };
            using var assembly = AssemblyDefinition.ReadAssembly(args[0],
                new ReaderParameters { AssemblyResolver = new LoadHintsAssemblyResolver(hints) });
            var builder = new nanoAssemblyBuilder(assembly, new List<string>(), false, false);
            Compile(builder);
            builder.Minimize();
            Compile(builder);

            var context = builder.TablesContext;
            var safe = assembly.Name.Name.Replace('.', '_');
            var checksum = builder.GetNativeChecksum();
            var lookup = Lookup(context, safe);
            var structs = HeaderStructs(context, safe);
            Console.WriteLine("current culture: '" + CultureInfo.CurrentCulture.Name + "'");
            Console.WriteLine("type order: " + string.Join(", ", context.TypeDefinitionTable.Items.Select(t => t.FullName)));
            Console.WriteLine("Native declaration checksum: " + checksum);
            for (int i = 0; i < lookup.Count; i++)
            {
                Console.WriteLine("method_lookup[" + i.ToString(CultureInfo.InvariantCulture) + "] " + lookup[i]);
            }

            foreach (var s in structs)
            {
                Console.WriteLine(s);
            }

            return args.Length > 2 ? Compare(args[2], safe, checksum, lookup, structs) : 0;
        }

        private static void Compile(nanoAssemblyBuilder builder)
        {
            using var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream);
            builder.Write(nanoBinaryWriter.CreateLittleEndianBinaryWriter(writer));
        }

        private static bool InStubs(TypeDefinition type) =>
            type.IncludeInStub() && !type.IsToExclude() && !nanoTablesContext.IgnoringAttributes.Contains(type.FullName);

        private static bool IsNative(nanoTablesContext context, MethodDefinition m) =>
            context.ByteCodeTable.GetMethodRva(m) == 0xFFFF && !m.IsAbstract;

        private static List<string> Lookup(nanoTablesContext context, string safe)
        {
            var entries = new List<string>();
            foreach (var type in context.TypeDefinitionTable.Items.Where(t => t.HasMethods))
            {
                bool inStubs = InStubs(type);
                foreach (var m in nanoTablesContext.GetOrderedMethods(type.Methods))
                {
                    entries.Add(inStubs && IsNative(context, m)
                        ? "Library_" + safe + "_" + NativeMethodsCrc.GetClassName(type) + "::" + NativeMethodsCrc.GetMethodName(m)
                        : "NULL");
                }
            }

            return entries;
        }

        private static List<string> HeaderStructs(nanoTablesContext context, string safe)
        {
            var structs = new List<string>();
            int staticIndex = 0;
            foreach (var type in context.TypeDefinitionTable.Items.Where(InStubs))
            {
                var name = NativeMethodsCrc.GetClassName(type);
                if (name.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = new List<string>();
                foreach (var f in type.Fields.Where(f => f.IsStatic && !f.IsLiteral))
                {
                    parts.Add("FIELD_STATIC__" + FieldName(f) + "=" + (staticIndex++).ToString(CultureInfo.InvariantCulture));
                }

                int next = InstanceFieldOffset(type) + 1;
                foreach (var f in type.Fields.Where(f => !f.IsStatic && !f.IsLiteral))
                {
                    if (context.FieldsTable.TryGetFieldReferenceId(f, false, out ushort _))
                    {
                        parts.Add("FIELD__" + FieldName(f) + "=" + (next++).ToString(CultureInfo.InvariantCulture));
                    }
                }

                parts.AddRange(nanoTablesContext.GetOrderedMethods(type.Methods).Where(m => IsNative(context, m))
                    .Select(m => "NATIVE " + NativeMethodsCrc.GetMethodName(m)));
                if (parts.Count > 0)
                {
                    structs.Add("struct Library_" + safe + "_" + name + ": " + string.Join("; ", parts));
                }
            }

            return structs;
        }

        private static string FieldName(FieldDefinition f) =>
            Regex.IsMatch(f.Name, @"<\w+>k__BackingField") ? f.Name.Replace("<", string.Empty).Replace(">k__BackingField", string.Empty) : f.Name;

        private static int InstanceFieldOffset(TypeDefinition type) =>
            type.BaseType != null && type.BaseType.FullName != "System.Object" ? NestedFieldCount(type.BaseType.Resolve()) : 0;

        private static int NestedFieldCount(TypeDefinition type)
        {
            int own = type.Fields.Count(f => !f.IsStatic && !f.IsLiteral);
            return type.BaseType != null && type.BaseType.FullName != "System.Object" && type.BaseType.FullName != "System.MarshalByRefObject"
                ? NestedFieldCount(type.BaseType.Resolve()) + own
                : own;
        }

        private static int Compare(string dir, string safe, string checksum, List<string> lookup, List<string> structs)
        {
            string Strip(string t) => Regex.Replace(Regex.Replace(t, @"/\*.*?\*/", " ", RegexOptions.Singleline), @"//[^\n]*", " ");
            var cpp = Strip(File.ReadAllText(Path.Combine(dir, safe + ".cpp")));
            var h = Strip(File.ReadAllText(Path.Combine(dir, safe + ".h")));
            int failures = 0;

            var table = Regex.Match(cpp, @"method_lookup\s*\[\s*\]\s*=\s*\{(?<body>[^}]*)\}");
            var committed = table.Groups["body"].Value.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0)
                .Select(e => e == "nullptr" ? "NULL" : e).ToList();
            if (!committed.SequenceEqual(lookup))
            {
                failures++;
                Console.WriteLine($"DIFFERS method_lookup: committed {committed.Count} entries, MDP {lookup.Count}");
                for (int i = 0; i < Math.Max(committed.Count, lookup.Count); i++)
                {
                    var a = i < committed.Count ? committed[i] : "(none)";
                    var b = i < lookup.Count ? lookup[i] : "(none)";
                    if (a != b)
                    {
                        Console.WriteLine($"  [{i}] committed {a}, MDP {b}");
                    }
                }
            }

            var record = Regex.Match(cpp, @"g_CLR_AssemblyNative_\w+\s*=\s*\{\s*""[^""]*""\s*,\s*(?<crc>0x[0-9A-Fa-f]+)");
            if (!string.Equals(record.Groups["crc"].Value, checksum, StringComparison.OrdinalIgnoreCase))
            {
                failures++;
                Console.WriteLine($"DIFFERS checksum: committed {record.Groups["crc"].Value}, MDP {checksum}");
            }

            var committedStructs = Regex.Matches(h, @"struct\s+(?<name>Library_\w+)\s*\{(?<body>[^}]*)\}").Select(m =>
            {
                var parts = Regex.Matches(m.Groups["body"].Value, @"(?<f>FIELD_STATIC__\w+|FIELD__\w+)\s*=\s*(?<n>\d+)|NANOCLR_NATIVE_DECLARE\s*\(\s*(?<m>\w+)\s*\)")
                    .Select(p => p.Groups["f"].Success ? p.Groups["f"].Value + "=" + p.Groups["n"].Value : "NATIVE " + p.Groups["m"].Value);
                return "struct " + m.Groups["name"].Value + ": " + string.Join("; ", parts);
            }).ToList();
            if (!committedStructs.SequenceEqual(structs))
            {
                failures++;
                Console.WriteLine("DIFFERS header structs:");
                committedStructs.Except(structs).ToList().ForEach(s => Console.WriteLine("  committed only: " + s));
                structs.Except(committedStructs).ToList().ForEach(s => Console.WriteLine("  MDP only: " + s));
            }

            Console.WriteLine(failures == 0
                ? "MATCH: method_lookup, checksum and header structs equal the committed " + safe + ".cpp/.h"
                : failures.ToString(CultureInfo.InvariantCulture) + " difference(s)");
            return failures == 0 ? 0 : 1;
        }
    }
}
