// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>One allowed step of the pairing state machine: in From, On moves it to To.</summary>
    internal class PairingTransition
    {
        internal PairingTransition(PairingState from, PairingEvent on, PairingState to)
        {
            From = from;
            On = on;
            To = to;
        }

        /// <summary>State before.</summary>
        internal PairingState From { get; private set; }

        /// <summary>What happened.</summary>
        internal PairingEvent On { get; private set; }

        /// <summary>State after.</summary>
        internal PairingState To { get; private set; }

        /// <summary>The state the table allows after on in from; throws for a step the table does not allow (a bug).</summary>
        internal static PairingState Next(PairingTransition[] table, PairingState from, PairingEvent on)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i].From == from && table[i].On == on)
                {
                    return table[i].To;
                }
            }

            throw new System.InvalidOperationException("no pairing transition from " + PairingStateNames.Name(from)
                                                        + " on " + PairingEventNames.Name(on));
        }
    }
}
