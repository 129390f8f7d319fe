// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>Printable names of PairingState.</summary>
    public static class PairingStateNames
    {
        /// <summary>Printable name.</summary>
        public static string Name(PairingState state)
        {
            switch (state)
            {
                case PairingState.Idle: return "Idle";
                case PairingState.AwaitingMessage2: return "AwaitingMessage2";
                case PairingState.AwaitingMessage3: return "AwaitingMessage3";
                case PairingState.CodeShown: return "CodeShown";
                case PairingState.LocalConfirmed: return "LocalConfirmed";
                case PairingState.PeerConfirmed: return "PeerConfirmed";
                case PairingState.Pinned: return "Pinned";
                case PairingState.Rejected: return "Rejected";
                case PairingState.Failed: return "Failed";
                default: return "PairingState " + ((int)state).ToString();
            }
        }

        /// <summary>True for the states a finished pairing ends in.</summary>
        public static bool IsFinal(PairingState state)
        {
            return state == PairingState.Pinned || state == PairingState.Rejected || state == PairingState.Failed;
        }
    }
}
