// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;

namespace Phone.Vectors
{
    /// <summary>
    /// Runs the transcript scenario with the firmware bound to the TEST build of the native
    /// core. The firmware's binding imports "phonecrypto"; in this load context that name
    /// resolves to libphonecrypto_testhooks.so (seeded random source, secret trace), while
    /// the rest of the process (the xunit suite) keeps the product library. Phone.Vectors,
    /// Phone.Crypto and Phone.Firmware are loaded afresh into the context, so their statics
    /// are their own too. One context per process: the native library loads once anyway.
    /// </summary>
    public static class IsolatedRun
    {
        private static readonly Lazy<TestHooksLoadContext> Context =
            new Lazy<TestHooksLoadContext>(() => new TestHooksLoadContext(
                Path.GetDirectoryName(typeof(IsolatedRun).Assembly.Location)));

        // The native test build's state (tables, seeded source, trace) is one per process.
        private static readonly object OneRunAtATime = new object();

        /// <summary>The transcript JSON the firmware produces from the fixed seeds (tests/vectors/transcript.json).</summary>
        public static string Generate()
        {
            Assembly vectors = Context.Value.LoadFromAssemblyName(new AssemblyName("Phone.Vectors"));
            MethodInfo generate = vectors.GetType("Phone.Vectors.Scenario.TranscriptRun", true)
                .GetMethod("Generate", BindingFlags.Public | BindingFlags.Static);
            try
            {
                lock (OneRunAtATime)
                {
                    return (string)generate.Invoke(null, null);
                }
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private sealed class TestHooksLoadContext : AssemblyLoadContext
        {
            private static readonly string[] Isolated = { "Phone.Vectors", "Phone.Crypto", "Phone.Firmware" };
            private readonly string _directory;

            public TestHooksLoadContext(string directory)
                : base("phone-vectors-testhooks")
            {
                _directory = directory;
            }

            protected override Assembly Load(AssemblyName name)
            {
                return Array.IndexOf(Isolated, name.Name) >= 0
                    ? LoadFromAssemblyPath(Path.Combine(_directory, name.Name + ".dll"))
                    : null;
            }

            protected override IntPtr LoadUnmanagedDll(string name)
            {
                if (name != "phonecrypto")
                {
                    return IntPtr.Zero;
                }

                string path = Path.Combine(_directory, "libphonecrypto_testhooks.so");
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException("the test build of the native core is missing (build tools/vectors)", path);
                }

                return LoadUnmanagedDllFromPath(path);
            }
        }
    }
}
