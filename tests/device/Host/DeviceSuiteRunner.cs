// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using nanoFramework.TestFramework;

namespace Phone.DeviceTests.Host
{
    /// <summary>
    /// Runs nanoFramework.TestFramework test classes on the host with the semantics of the
    /// device's launcher (source/UnitTestLauncher/Program.cs of nanoFramework.TestFramework):
    /// per [TestClass]: the [Setup] methods first (a SkipTestException there skips the class),
    /// then every [TestMethod] (methods carrying [DataRow] run once per row instead), then the
    /// [Cleanup] methods. The launcher invokes test methods with a null target, so test
    /// classes must keep their state in static fields: a class with instance fields or an
    /// explicit constructor is reported as a failure here rather than misbehaving on the device.
    /// </summary>
    public static class DeviceSuiteRunner
    {
        /// <summary>Outcome of one test (method, or method and row).</summary>
        public sealed class Result
        {
            /// <summary>"Class.Method" or "Class.Method#row".</summary>
            public string Name { get; set; }

            /// <summary>Passed, Failed or Skipped.</summary>
            public string Outcome { get; set; }

            /// <summary>Failure or skip message.</summary>
            public string Message { get; set; }
        }

        /// <summary>[TestClass] types in the given namespace (exact attribute type, as the launcher checks).</summary>
        public static IEnumerable<Type> TestClasses(Assembly assembly, string ns)
        {
            return assembly.GetTypes()
                .Where(t => t.IsClass && t.Namespace == ns
                            && t.GetCustomAttributes(false).Any(a => a.GetType() == typeof(TestClassAttribute)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal);
        }

        /// <summary>Names of the tests of a class, as Run reports them.</summary>
        public static IEnumerable<string> TestNames(Type type)
        {
            foreach (var m in Methods(type))
            {
                var rows = m.GetCustomAttributes<DataRowAttribute>(false).ToList();
                if (rows.Count > 0)
                {
                    for (int i = 0; i < rows.Count; i++)
                    {
                        yield return type.Name + "." + m.Name + "#" + i;
                    }
                }
                else if (m.GetCustomAttribute<TestMethodAttribute>(false) != null)
                {
                    yield return type.Name + "." + m.Name;
                }
            }
        }

        /// <summary>Runs one class like the launcher; returns the outcome of every test, setup and cleanup.</summary>
        public static List<Result> Run(Type type)
        {
            var results = new List<Result>();
            var problems = ShapeProblems(type);
            if (problems != null)
            {
                results.Add(new Result { Name = type.Name + ".<shape>", Outcome = "Failed", Message = problems });
                return results;
            }

            object target = RuntimeHelpers.GetUninitializedObject(type);
            var methods = Methods(type).ToList();
            foreach (var setup in methods.Where(m => m.GetCustomAttribute<SetupAttribute>(false) != null))
            {
                var r = Invoke(target, setup, null, type.Name + "." + setup.Name + "<setup>");
                results.Add(r);
                if (r.Outcome == "Skipped")
                {
                    return results;
                }
            }

            foreach (var m in methods)
            {
                var rows = m.GetCustomAttributes<DataRowAttribute>(false).ToList();
                if (rows.Count > 0)
                {
                    for (int i = 0; i < rows.Count; i++)
                    {
                        results.Add(Invoke(target, m, rows[i].MethodParameters, type.Name + "." + m.Name + "#" + i));
                    }
                }
                else if (m.GetCustomAttribute<TestMethodAttribute>(false) != null)
                {
                    results.Add(Invoke(target, m, null, type.Name + "." + m.Name));
                }
            }

            foreach (var cleanup in methods.Where(m => m.GetCustomAttribute<CleanupAttribute>(false) != null))
            {
                results.Add(Invoke(target, cleanup, null, type.Name + "." + cleanup.Name + "<cleanup>"));
            }

            return results;
        }

        private static IEnumerable<MethodInfo> Methods(Type type)
        {
            // The launcher uses Type.GetMethods(): public methods, declaration order.
            return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OrderBy(m => m.MetadataToken);
        }

        private static string ShapeProblems(Type type)
        {
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            if (fields.Length > 0)
            {
                return "instance fields (" + string.Join(", ", fields.Select(f => f.Name))
                       + "): the device launcher calls test methods with a null target; keep state in static fields";
            }

            var ctors = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            if (ctors.Any(c => c.GetParameters().Length > 0 || c.GetMethodBody()?.GetILAsByteArray()?.Length > 7))
            {
                return "an explicit constructor: the device launcher never runs it";
            }

            return null;
        }

        private static Result Invoke(object target, MethodInfo method, object[] args, string name)
        {
            try
            {
                method.Invoke(method.IsStatic ? null : target, args);
                return new Result { Name = name, Outcome = "Passed" };
            }
            catch (TargetInvocationException tie) when (tie.InnerException is SkipTestException)
            {
                return new Result { Name = name, Outcome = "Skipped", Message = tie.InnerException.Message };
            }
            catch (TargetInvocationException tie)
            {
                var ex = tie.InnerException ?? tie;
                return new Result { Name = name, Outcome = "Failed", Message = ex.GetType().Name + ": " + ex.Message + "\n" + ex.StackTrace };
            }
        }
    }
}
