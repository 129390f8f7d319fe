// SPDX-License-Identifier: MIT
using System.Reflection;
using Phone.Firmware;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// A responder may need its user to open pairing mode first (issue 9): if PhoneCore has
    /// such a public call without arguments, the scenario presses it on the responder. The
    /// generator thus keeps working whichever way that work lands; nothing happens otherwise.
    /// </summary>
    internal static class PairingMode
    {
        private static readonly string[] Names =
            { "StartPairingMode", "EnterPairingMode", "BeginPairingMode", "OpenPairingMode", "AllowPairing" };

        public static void Enter(PhoneCore core)
        {
            foreach (string name in Names)
            {
                MethodInfo m = typeof(PhoneCore).GetMethod(name, BindingFlags.Public | BindingFlags.Instance,
                    null, System.Type.EmptyTypes, null);
                if (m != null)
                {
                    m.Invoke(core, null);
                    return;
                }
            }
        }
    }
}
