// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Mono.Cecil;

namespace Phone.DeviceTests.Host.Checks
{
    /// <summary>
    /// What nanoFramework's MetadataProcessor (MDP) would generate for an interop assembly:
    /// the type order, the method_lookup table, the assembly header's field indexes and the
    /// native checksum. Written from the MDP's source (nanoframework/metadata-processor at
    /// 4541b46), read with the same Mono.Cecil version it uses (0.11.6):
    ///
    /// Types (MetadataProcessor.Shared/Tables/nanoTablesContext.cs, GetOrderedTypes and
    /// SortTypesAccordingUsages[Impl]):
    ///   module.GetTypes() without &lt;Module&gt;, ordered by FullName (OrderBy with the
    ///   default, culture-sensitive comparer), then a depth-first walk that emits, before a
    ///   type: its declaring type, the interfaces it implements that are defined in this
    ///   module, and (after marking it visited) the return and parameter types (element
    ///   types for arrays/byrefs) of every method it calls/creates/loads (every IL operand
    ///   that is a MethodReference) that are defined in this module. Minimize() keeps this
    ///   order (nanoReferenceTableBase.RemoveUnusedItems enumerates the id dictionary).
    /// Methods (nanoTablesContext.GetOrderedMethods): virtual methods first, then instance
    ///   non-virtual, then static, each group in metadata (declaration) order. There is no
    ///   sorting by name; .ctor/.cctor, get_/set_ accessors and compiler-generated methods
    ///   sit where the compiler put them.
    /// Lookup table (nanoSkeletonGenerator.GenerateAssemblyLookup): for each type of the
    ///   table in that order that HasMethods, one entry per method: the native handler if the
    ///   type is included in stubs (class or value type, not a delegate, not excluded) and the
    ///   method has no body (RVA 0) and is not abstract; NULL otherwise. Types without methods
    ///   (enums, static-data holders) add nothing.
    /// Checksum (Utility/NativeMethodsCrc.cs, Utility/Crc32.cs): CRC-32 (poly 0x04C11DB7,
    ///   MSB first, no reflection, no final xor) over assembly name, class name and mangled
    ///   name of each native method and "NULL" for every other method of included types;
    ///   interfaces, enums and delegates add nothing. CurrentCrc reads as 0 until the first
    ///   native method has been counted, which the running value inherits.
    /// </summary>
    public sealed class MdpModel
    {
        private static readonly HashSet<string> DefaultExcluded = new HashSet<string>(StringComparer.Ordinal)
        {
            // nanoTablesContext.SetDefaultTypesToExclude
            "ThisAssembly",
            "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Runtime.CompilerServices.AccessedThroughPropertyAttribute",
        };

        private MdpModel()
        {
        }

        /// <summary>Assembly simple name, e.g. "Phone.Crypto".</summary>
        public string AssemblyName { get; private set; }

        /// <summary>AssemblyName with '.' replaced by '_' (file, struct and symbol prefix).</summary>
        public string SafeName => AssemblyName.Replace('.', '_');

        /// <summary>Value of [assembly: AssemblyNativeVersion] (null when absent).</summary>
        public Version NativeVersion { get; private set; }

        /// <summary>Types in the MDP's table order.</summary>
        public IReadOnlyList<TypeDefinition> Types { get; private set; }

        /// <summary>The method_lookup table: one entry per method of every type, in order.</summary>
        public IReadOnlyList<LookupEntry> Lookup { get; private set; }

        /// <summary>The checksum the MDP would print ("Native declaration checksum").</summary>
        public uint PredictedChecksum { get; private set; }

        /// <summary>Type names whose order differs between culture and ordinal comparison (empty when unambiguous).</summary>
        public IReadOnlyList<string> OrderAmbiguities { get; private set; }

        /// <summary>The structs of the assembly header (A.h), in order.</summary>
        public IReadOnlyList<HeaderClass> HeaderClasses { get; private set; }

        /// <summary>Loads an assembly compiled for nanoFramework; mscorlibDir holds its mscorlib.dll.</summary>
        public static MdpModel Load(string assemblyPath, string mscorlibDir)
        {
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(mscorlibDir);
            resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath));
            var assembly = AssemblyDefinition.ReadAssembly(assemblyPath,
                new ReaderParameters { AssemblyResolver = resolver, ReadingMode = ReadingMode.Immediate });

            var model = new MdpModel { AssemblyName = assembly.Name.Name };
            var nativeVersion = assembly.CustomAttributes
                .FirstOrDefault(a => a.AttributeType.Name == "AssemblyNativeVersionAttribute");
            if (nativeVersion != null)
            {
                model.NativeVersion = new Version((string)nativeVersion.ConstructorArguments[0].Value);
            }

            var excluded = new HashSet<string>(DefaultExcluded, StringComparer.Ordinal);
            foreach (var t in assembly.MainModule.GetTypes())
            {
                if (t.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.ExcludeTypeAttribute"))
                {
                    excluded.Add(t.FullName);
                }
            }

            var culture = OrderTypes(assembly.MainModule, StringComparer.InvariantCulture);
            var ordinal = OrderTypes(assembly.MainModule, StringComparer.Ordinal);
            model.OrderAmbiguities = culture.Select(t => t.FullName)
                .Where((name, i) => ordinal[i].FullName != name).ToList();
            // Minimize() drops excluded types that nothing else pulls in; the model only
            // supports assemblies where nothing is excluded (checked by the caller).
            model.Types = culture.Where(t => !IsExcluded(t, excluded)).ToList();
            model.ExcludedPresent = culture.Count != model.Types.Count;
            model.Lookup = BuildLookup(model);
            model.PredictedChecksum = ComputeChecksum(model);
            model.HeaderClasses = BuildHeader(model);
            return model;
        }

        /// <summary>True when the assembly has types the MDP excludes (not modelled: the check refuses).</summary>
        public bool ExcludedPresent { get; private set; }

        /// <summary>C++ class part of the names: namespace and nested path with '.' -> '_'.</summary>
        public static string ClassName(TypeDefinition type)
        {
            // NativeMethodsCrc.GetClassName: join("_", declaring, namespace, name), '.'->'_', TrimStart('_')
            if (type == null)
            {
                return string.Empty;
            }

            return string.Join("_", ClassName(type.DeclaringType), type.Namespace, type.Name)
                .Replace(".", "_").TrimStart('_');
        }

        /// <summary>Mangled method name as in NativeMethodsCrc.GetMethodName.</summary>
        public static string MethodName(MethodDefinition method)
        {
            var parts = new List<string> { TypeCode(method.ReturnType) };
            parts.AddRange(method.Parameters.Select(p => TypeCode(p.ParameterType)));
            var name = method.Name + (method.IsStatic ? "___STATIC__" : "___") + string.Join("__", parts);
            return name.Replace(".", "_").Replace("/", "");
        }

        /// <summary>Type code of a signature element (NativeMethodsCrc.GetParameterType).</summary>
        public static string TypeCode(TypeReference type)
        {
            if (type.IsArray)
            {
                return "SZARRAY_" + TypeCode(type.GetElementType());
            }

            if (type.IsByReference)
            {
                var element = ((TypeSpecification)type).ElementType;
                return element.IsArray
                    ? "BYREF_SZARRAY_" + TypeCode(((TypeSpecification)element).ElementType)
                    : "BYREF_" + PrimitiveOrName(element);
            }

            return PrimitiveOrName(type);
        }

        private static string PrimitiveOrName(TypeReference type)
        {
            // nanoSignaturesTable.PrimitiveTypes, with the renames of GetnanoClrTypeName
            switch (type.FullName)
            {
                case "System.Void": return "VOID";
                case "System.SByte": return "I1";
                case "System.Int16": return "I2";
                case "System.Int32": return "I4";
                case "System.Int64": return "I8";
                case "System.Byte": return "U1";
                case "System.UInt16": return "U2";
                case "System.UInt32": return "U4";
                case "System.UInt64": return "U8";
                case "System.Single": return "R4";
                case "System.Double": return "R8";
                case "System.Char": return "CHAR";
                case "System.String": return "STRING";
                case "System.Boolean": return "BOOLEAN";
                case "System.Object": return "OBJECT";
                case "System.IntPtr": return "I4";
                case "System.UIntPtr": return "U4";
                case "System.WeakReference": return "WEAKCLASS";
            }

            if (type.IsGenericParameter)
            {
                return "GENERICTYPE";
            }

            return type.FullName.Replace(".", string.Empty);
        }

        /// <summary>Native C++ type of a parameter/return in the generated stubs (TypeReferenceExtensions.ToNativeTypeAsString).</summary>
        public static string NativeType(TypeReference type)
        {
            if (type.IsArray)
            {
                return "CLR_RT_TypedArray_" + ClrType(type.GetElementType());
            }

            switch (type.FullName)
            {
                case "System.Void": return "void";
                case "System.Boolean": return "bool";
                case "System.Char": return "char";
                case "System.SByte": return "int8_t";
                case "System.Byte": return "uint8_t";
                case "System.Int16": return "int16_t";
                case "System.UInt16": return "uint16_t";
                case "System.Int32": return "signed int";
                case "System.UInt32": return "unsigned int";
                case "System.Int64": return "int64_t";
                case "System.UInt64": return "uint64_t";
                case "System.Single": return "float";
                case "System.Double": return "double";
                case "System.String": return "const char*";
                default: return "UNSUPPORTED";
            }
        }

        /// <summary>Marshaller suffix (TypeReferenceExtensions.ToCLRTypeAsString): Interop_Marshal_X / SetResult_X.</summary>
        public static string ClrType(TypeReference type)
        {
            if (type.IsArray)
            {
                return ClrType(type.GetElementType()) + "_ARRAY";
            }

            switch (type.FullName)
            {
                case "System.Void": return "void";
                case "System.Boolean": return "bool";
                case "System.Char": return "CHAR";
                case "System.SByte": return "INT8";
                case "System.Byte": return "UINT8";
                case "System.Int16": return "INT16";
                case "System.UInt16": return "UINT16";
                case "System.Int32": return "INT32";
                case "System.UInt32": return "UINT32";
                case "System.Int64": return "INT64";
                case "System.UInt64": return "UINT64";
                case "System.Single": return "float";
                case "System.Double": return "double";
                case "System.String": return "LPCSTR";
                default: return "UNSUPPORTED";
            }
        }

        /// <summary>TypeDefinitionExtensions.IncludeInStub: classes and value types, never delegates.</summary>
        public static bool IncludeInStub(TypeDefinition type)
        {
            var baseName = type.BaseType?.FullName;
            if (baseName == "System.MulticastDelegate" || (baseName == "System.Delegate" && type.FullName != "System.MulticastDelegate"))
            {
                return false;
            }

            return !type.IsEnum && !type.IsInterface;
        }

        /// <summary>Native in the MDP's sense: no IL body (RVA 0) and not abstract.</summary>
        public static bool IsNative(MethodDefinition method) => method.RVA == 0 && !method.IsAbstract;

        /// <summary>nanoTablesContext.GetOrderedMethods.</summary>
        public static IEnumerable<MethodDefinition> OrderedMethods(TypeDefinition type)
        {
            var all = type.Methods.ToList();
            return all.Where(m => m.IsVirtual)
                .Concat(all.Where(m => !(m.IsVirtual || m.IsStatic)))
                .Concat(all.Where(m => m.IsStatic));
        }

        private static bool IsExcluded(TypeDefinition type, HashSet<string> excluded)
        {
            return excluded.Contains(type.FullName) || excluded.Contains(type.Name)
                   || (type.DeclaringType != null && excluded.Contains(type.DeclaringType.FullName));
        }

        /// <summary>
        /// The MDP's type order (before exclusions) with the given name comparer: the MDP's
        /// OrderBy uses the build machine's current culture; ordinal and other cultures are for
        /// checks that must hold whatever the build machine is.
        /// </summary>
        public static List<TypeDefinition> OrderTypes(ModuleDefinition module, IComparer<string> comparer)
        {
            var types = module.GetTypes().Where(t => t.FullName != "<Module>").OrderBy(t => t.FullName, comparer);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<TypeDefinition>();
            foreach (var t in types)
            {
                Visit(t, module, visited, result);
            }

            return result;
        }

        private static void Visit(TypeDefinition type, ModuleDefinition module, HashSet<string> visited, List<TypeDefinition> result)
        {
            if (visited.Contains(type.FullName))
            {
                return;
            }

            if (type.DeclaringType != null)
            {
                Visit(type.DeclaringType, module, visited, result);
            }

            foreach (var itf in type.Interfaces.Select(i => i.InterfaceType.Resolve()).Where(r => r != null && r.Module == module))
            {
                Visit(itf, module, visited, result);
            }

            if (!visited.Add(type.FullName))
            {
                return;
            }

            var operands = type.Methods.Where(m => m.HasBody)
                .SelectMany(m => m.Body.Instructions)
                .Select(i => i.Operand)
                .OfType<MethodReference>()
                .ToList();
            foreach (var used in operands.SelectMany(SignatureTypes).Where(r => r.Module == module))
            {
                Visit(used, module, visited, result);
            }

            result.Add(type);
        }

        private static IEnumerable<TypeDefinition> SignatureTypes(MethodReference method)
        {
            // nanoTablesContext.GetTypesList: Resolve() maps arrays/byrefs to their element type
            var ret = method.ReturnType.Resolve();
            if (ret != null && ret.FullName != "System.Void")
            {
                yield return ret;
            }

            foreach (var p in method.Parameters)
            {
                var resolved = p.ParameterType.Resolve();
                if (resolved != null)
                {
                    yield return resolved;
                }
            }
        }

        private static List<LookupEntry> BuildLookup(MdpModel model) => LookupFor(model.SafeName, model.Types);

        /// <summary>The method_lookup table the MDP would write for types in the given order.</summary>
        /// <param name="safeName">Assembly name with '.' replaced by '_'.</param>
        /// <param name="types">Types in table order.</param>
        public static List<LookupEntry> LookupFor(string safeName, IEnumerable<TypeDefinition> types)
        {
            var list = new List<LookupEntry>();
            foreach (var type in types.Where(t => t.HasMethods))
            {
                bool included = IncludeInStub(type);
                foreach (var m in OrderedMethods(type))
                {
                    bool native = included && IsNative(m);
                    list.Add(new LookupEntry(list.Count, type, m, native,
                        native ? "Library_" + safeName + "_" + ClassName(type) + "::" + MethodName(m) : null));
                }
            }

            return list;
        }

        private static uint ComputeChecksum(MdpModel model)
        {
            uint crc = 0;
            int natives = 0;
            byte[] nullBytes = Encoding.ASCII.GetBytes("NULL");
            byte[] name = Encoding.ASCII.GetBytes(model.AssemblyName);
            foreach (var type in model.Types.Where(IncludeInStub))
            {
                foreach (var m in OrderedMethods(type))
                {
                    if (IsNative(m))
                    {
                        crc = Crc32(name, natives > 0 ? crc : 0);
                        crc = Crc32(Encoding.ASCII.GetBytes(ClassName(type)), natives > 0 ? crc : 0);
                        crc = Crc32(Encoding.ASCII.GetBytes(MethodName(m)), natives > 0 ? crc : 0);
                        natives++;
                    }
                    else
                    {
                        crc = Crc32(nullBytes, natives > 0 ? crc : 0);
                    }
                }
            }

            return natives > 0 ? crc : 0;
        }

        /// <summary>CRC-32/MPEG-2 style step (polynomial 0x04C11DB7, MSB first) from a start value.</summary>
        public static uint Crc32(byte[] data, uint crc)
        {
            foreach (byte b in data)
            {
                crc ^= (uint)b << 24;
                for (int i = 0; i < 8; i++)
                {
                    crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
                }
            }

            return crc;
        }

        private static List<HeaderClass> BuildHeader(MdpModel model)
        {
            // nanoSkeletonGenerator.GenerateAssemblyHeader
            var classes = new List<HeaderClass>();
            int staticCount = 0;
            foreach (var type in model.Types.Where(IncludeInStub))
            {
                var cls = new HeaderClass("Library_" + model.SafeName + "_" + ClassName(type));
                if (ClassName(type).StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var f in type.Fields.Where(f => f.IsStatic && !f.IsLiteral))
                {
                    cls.StaticFields.Add(new KeyValuePair<string, int>(FieldName(f), staticCount++));
                }

                int next = InstanceFieldOffset(type) + 1;
                foreach (var f in type.Fields.Where(f => !f.IsStatic && !f.IsLiteral))
                {
                    cls.InstanceFields.Add(new KeyValuePair<string, int>(FieldName(f), next++));
                }

                foreach (var m in OrderedMethods(type).Where(IsNative))
                {
                    cls.Methods.Add(MethodName(m));
                }

                if (cls.StaticFields.Count + cls.InstanceFields.Count + cls.Methods.Count > 0)
                {
                    classes.Add(cls);
                }
            }

            return classes;
        }

        private static string FieldName(FieldDefinition f)
        {
            const string suffix = ">k__BackingField";
            return f.Name.StartsWith("<", StringComparison.Ordinal) && f.Name.EndsWith(suffix, StringComparison.Ordinal)
                ? f.Name.Substring(1, f.Name.Length - 1 - suffix.Length)
                : f.Name;
        }

        private static int InstanceFieldOffset(TypeDefinition type)
        {
            if (type.BaseType == null || type.BaseType.FullName == "System.Object")
            {
                return 0;
            }

            return NestedFieldCount(type.BaseType.Resolve());
        }

        private static int NestedFieldCount(TypeDefinition type)
        {
            int own = type.Fields.Count(f => !f.IsStatic && !f.IsLiteral);
            if (type.BaseType != null && type.BaseType.FullName != "System.Object"
                && type.BaseType.FullName != "System.MarshalByRefObject")
            {
                return NestedFieldCount(type.BaseType.Resolve()) + own;
            }

            return own;
        }

        /// <summary>One row of method_lookup.</summary>
        public sealed class LookupEntry
        {
            internal LookupEntry(int index, TypeDefinition type, MethodDefinition method, bool native, string handler)
            {
                Index = index;
                Type = type;
                Method = method;
                IsNative = native;
                Handler = handler;
            }

            /// <summary>Position in method_lookup (the runtime's method index in this assembly).</summary>
            public int Index { get; }

            /// <summary>Declaring type.</summary>
            public TypeDefinition Type { get; }

            /// <summary>The method.</summary>
            public MethodDefinition Method { get; }

            /// <summary>True when the entry is a native handler, false for NULL.</summary>
            public bool IsNative { get; }

            /// <summary>"Library_A_C::M" or null.</summary>
            public string Handler { get; }

            /// <summary>Readable form for messages.</summary>
            public override string ToString() =>
                Index.ToString(CultureInfo.InvariantCulture) + ": " + Type.FullName + "::" + Method.Name + " -> " + (Handler ?? "NULL");
        }

        /// <summary>One struct Library_A_C of the assembly header.</summary>
        public sealed class HeaderClass
        {
            internal HeaderClass(string name)
            {
                Name = name;
            }

            /// <summary>Struct name.</summary>
            public string Name { get; }

            /// <summary>FIELD_STATIC__x = n.</summary>
            public List<KeyValuePair<string, int>> StaticFields { get; } = new List<KeyValuePair<string, int>>();

            /// <summary>FIELD__x = n.</summary>
            public List<KeyValuePair<string, int>> InstanceFields { get; } = new List<KeyValuePair<string, int>>();

            /// <summary>NANOCLR_NATIVE_DECLARE(m).</summary>
            public List<string> Methods { get; } = new List<string>();
        }
    }
}
