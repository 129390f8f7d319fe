// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>Printable names of PairingModeState and PairingModeEvent (the words of docs/protocol.md §14).</summary>
    public static class PairingModeNames
    {
        /// <summary>Printable state name.</summary>
        public static string Name(PairingModeState state)
        {
            switch (state)
            {
                case PairingModeState.Off: return "Off";
                case PairingModeState.Waiting: return "Waiting";
                case PairingModeState.Engaged: return "Engaged";
                default: return "PairingModeState " + ((int)state).ToString();
            }
        }

        /// <summary>Printable event name.</summary>
        public static string Name(PairingModeEvent e)
        {
            switch (e)
            {
                case PairingModeEvent.Start: return "Start";
                case PairingModeEvent.Answered: return "Answered";
                case PairingModeEvent.Expired: return "Expired";
                case PairingModeEvent.Paired: return "Paired";
                case PairingModeEvent.AttemptFailed: return "AttemptFailed";
                case PairingModeEvent.Cancel: return "Cancel";
                default: return "PairingModeEvent " + ((int)e).ToString();
            }
        }
    }
}
