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
            _current?.Charge(Marshal.PtrToStringUTF8(entryPoint));
        }

        [DllImport("phonecrypto", EntryPoint = "pc_host_set_call_hook")]
        private static extern void SetHook(IntPtr hook);
    }
}
