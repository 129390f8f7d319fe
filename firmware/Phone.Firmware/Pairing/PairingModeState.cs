// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>Steps of the responder's pairing mode (PairingMode; docs/protocol.md §14).</summary>
    public enum PairingModeState
    {
        /// <summary>Not started, or over: PAIR_1 is dropped (not in pairing mode).</summary>
        Off = 0,
        /// <summary>Started by the user, deadline running: the next PAIR_1 is answered.</summary>
        Waiting = 1,
        /// <summary>One PAIR_1 answered: its pairing holds the mode until it ends (others: busy).</summary>
        Engaged = 2
    }
}
