// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>What moves the pairing mode (PairingMode.Table; docs/protocol.md §14).</summary>
    public enum PairingModeEvent
    {
        /// <summary>The user starts pairing mode (again while waiting: the deadline restarts).</summary>
        Start = 0,
        /// <summary>A PAIR_1 was read and answered: its pairing holds the mode.</summary>
        Answered = 1,
        /// <summary>The deadline passed with no PAIR_1 answered.</summary>
        Expired = 2,
        /// <summary>The attempt ended with the peer pinned.</summary>
        Paired = 3,
        /// <summary>The attempt ended any other way (abandoned, rejected, failed): shown, start again.</summary>
        AttemptFailed = 4,
        /// <summary>The user cancels, or pairs or calls from this phone.</summary>
        Cancel = 5
    }
}
