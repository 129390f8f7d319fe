// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>Where a call's DH re-key stands on this side (KeySchedule; docs/protocol.md §9).</summary>
    internal enum RekeyStep
    {
        /// <summary>Nothing outstanding: the offerer waits for its re-key timer.</summary>
        Idle = 0,
        /// <summary>Offerer: the re-key is due but the switch slot is not free yet (ratchets yield meanwhile).</summary>
        Due = 1,
        /// <summary>Offerer: REKEY_OFFER sent (repeated with the same key) until the REKEY_ANSWER arrives.</summary>
        Offered = 2,
        /// <summary>Answerer: offer accepted, REKEY_ANSWER sent; the new send key waits for the offerer's proof.</summary>
        Answered = 3
    }
}
