// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Phone.Vectors.Native
{
    /// <summary>
    /// The test build's vector mode (native/src/test_vectors.h): seeded random source and
    /// secret trace. "phonecrypto" resolves to libphonecrypto_testhooks.so inside
    /// <see cref="IsolatedRun"/>'s load context, the same library the firmware's binding
    /// loads there.
    /// </summary>
    internal static class VectorHooks
    {
        private const string Library = "phonecrypto";
        private const int EntryBufferLength = 1400; // PC_TRACE_DATA_MAX plus the entry's head

        [DllImport(Library, EntryPoint = "pc_test_vectors_begin")]
        private static extern int NativeBegin(byte[] seed, int seedLength);

        [DllImport(Library, EntryPoint = "pc_test_vectors_end")]
        private static extern int NativeEnd();

        [DllImport(Library, EntryPoint = "pc_test_trace_count")]
        private static extern int NativeTraceCount();

        [DllImport(Library, EntryPoint = "pc_test_trace_read")]
        private static extern int NativeTraceRead(int index, byte[] output, int outputLength);

        [DllImport(Library, EntryPoint = "pc_test_trace_clear")]
        private static extern int NativeTraceClear();

        /// <summary>Vector mode on with seed (32 bytes): tables wiped, trace empty.</summary>
        public static void Begin(byte[] seed)
        {
            Check(NativeBegin(seed, seed.Length), "pc_test_vectors_begin");
        }

        /// <summary>Platform random source again, trace off.</summary>
        public static void End()
        {
            Check(NativeEnd(), "pc_test_vectors_end");
        }

        /// <summary>Every trace entry recorded since the last drain, in order; then empties the trace.</summary>
        public static List<TraceEntry> Drain()
        {
            int count = NativeTraceCount();
            if (count < 0)
            {
                throw new InvalidOperationException("native trace overflowed (" + count + "): drain it more often");
            }

            var entries = new List<TraceEntry>(count);
            var buffer = new byte[EntryBufferLength];
            for (int i = 0; i < count; i++)
            {
                int n = Check(NativeTraceRead(i, buffer, buffer.Length), "pc_test_trace_read");
                entries.Add(TraceEntry.Parse(buffer, n));
            }

            Check(NativeTraceClear(), "pc_test_trace_clear");
            return entries;
        }

        private static int Check(int rc, string what)
        {
            if (rc < 0)
            {
                throw new InvalidOperationException(what + " failed: " + rc);
            }

            return rc;
        }
    }
}
