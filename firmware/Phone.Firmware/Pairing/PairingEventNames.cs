// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>Printable names of PairingEvent (nanoFramework's enum.ToString prints numbers).</summary>
    public static class PairingEventNames
    {
        /// <summary>Printable name (the same word docs/protocol.md §14 uses).</summary>
        public static string Name(PairingEvent e)
        {
            switch (e)
            {
                case PairingEvent.Pair: return "Pair";
                case PairingEvent.Message1: return "Message1";
                case PairingEvent.Message2: return "Message2";
                case PairingEvent.Message3: return "Message3";
                case PairingEvent.Confirm: return "Confirm";
                case PairingEvent.PeerConfirm: return "PeerConfirm";
                case PairingEvent.Reject: return "Reject";
                case PairingEvent.Fail: return "Fail";
                default: return "PairingEvent " + ((int)e).ToString();
            }
        }
    }
}
