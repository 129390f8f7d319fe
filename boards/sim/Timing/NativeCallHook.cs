// SPDX-License-Identifier: MIT
using System;
using System.Runtime.InteropServices;

namespace Phone.Sim.Timing
{
    /// <summary>
    /// Host-only: the native library tells this hook the name of every pc_* entry point as it
    /// starts (native/host/call_hook.c). The call is charged to the DeviceStall whose turn runs on
    /// the calling thread; calls outside a turn are not charged. The firmware is not involved.
    /// </summary>
    internal static class NativeCallHook
    {
        [ThreadStatic]
        private static DeviceStall _current;

        private static readonly object Gate = new object();

        // dladdr's names live in the library's symbol table: one string per entry point, not per call.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<IntPtr, string> Names =
            new System.Collections.Concurrent.ConcurrentDictionary<IntPtr, string>();
        private static EntryHook _installed; // kept alive: native code holds its pointer

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate void EntryHook(IntPtr entryPoint);

        /// <summary>Installs the hook once per process.</summary>
        public static void Install()
        {
            lock (Gate)
            {
                if (_installed == null)
                {
                    _installed = OnEntered;
                    SetHook(Marshal.GetFunctionPointerForDelegate(_installed));
                }
            }
        }

        /// <summary>Makes stall the one charged on this thread (null: none); returns the previous.</summary>
        public static DeviceStall Enter(DeviceStall stall)
        {
            DeviceStall previous = _current;
            _current = stall;
            return previous;
        }

        private static void OnEntered(IntPtr entryPoint)
        {
            DeviceStall stall = _current;
            if (stall != null)
            {
                stall.Charge(Names.GetOrAdd(entryPoint, p => Marshal.PtrToStringUTF8(p)));
            }
        }

        [DllImport("phonecrypto", EntryPoint = "pc_host_set_call_hook")]
        private static extern void SetHook(IntPtr hook);
    }
}
