// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>What moves a pairing from one PairingState to the next (PairingExchange.Table; docs/protocol.md §14).</summary>
    public enum PairingEvent
    {
        /// <summary>Initiator: the user starts pairing (PAIR_1 sent).</summary>
        Pair = 0,
        /// <summary>Responder: PAIR_1 read, PAIR_2 sent (half-open).</summary>
        Message1 = 1,
        /// <summary>Initiator: PAIR_2 read, PAIR_3 sent, code shown.</summary>
        Message2 = 2,
        /// <summary>Responder: PAIR_3 read, commitment opened, code shown.</summary>
        Message3 = 3,
        /// <summary>This user confirmed the code.</summary>
        Confirm = 4,
        /// <summary>The peer's sealed CONFIRM arrived.</summary>
        PeerConfirm = 5,
        /// <summary>This user or the peer rejected the code (or the user cancelled).</summary>
        Reject = 6,
        /// <summary>Bad message, commitment mismatch, busy, ERROR, or a timeout.</summary>
        Fail = 7
    }
}
