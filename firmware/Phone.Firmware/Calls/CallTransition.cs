// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>One allowed step of a call's state machine: in From, On moves it to To.</summary>
    internal class CallTransition
    {
        internal CallTransition(CallState from, CallEvent on, CallState to)
        {
            From = from;
            On = on;
            To = to;
        }

        /// <summary>State before.</summary>
        internal CallState From { get; private set; }

        /// <summary>What happened.</summary>
        internal CallEvent On { get; private set; }

        /// <summary>State after.</summary>
        internal CallState To { get; private set; }

        /// <summary>The state a table allows after on in from; throws for a step the table does not allow (a bug).</summary>
        internal static CallState Next(CallTransition[] table, CallState from, CallEvent on)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i].From == from && table[i].On == on)
                {
                    return table[i].To;
                }
            }

            throw new System.InvalidOperationException("no call transition from " + CallStateNames.Name(from)
                                                        + " on " + CallEventNames.Name(on));
        }
    }
}
