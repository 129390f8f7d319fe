// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>One allowed step of the pairing mode: in From, On moves it to To.</summary>
    internal class PairingModeTransition
    {
        internal PairingModeTransition(PairingModeState from, PairingModeEvent on, PairingModeState to)
        {
            From = from;
            On = on;
            To = to;
        }

        /// <summary>State before.</summary>
        internal PairingModeState From { get; private set; }

        /// <summary>What happened.</summary>
        internal PairingModeEvent On { get; private set; }

        /// <summary>State after.</summary>
        internal PairingModeState To { get; private set; }

        /// <summary>The row for (from, on), or null when the table has none (the step does not apply).</summary>
        internal static PairingModeTransition Find(PairingModeTransition[] table, PairingModeState from, PairingModeEvent on)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i].From == from && table[i].On == on)
                {
                    return table[i];
                }
            }

            return null;
        }
    }
}
