// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>States of one pairing (names: PairingStateNames.Name).</summary>
    public enum PairingState
    {
        /// <summary>No pairing.</summary>
        Idle = 0,
        /// <summary>Initiator: PAIR_1 sent (retransmitted), waiting for PAIR_2.</summary>
        AwaitingMessage2 = 1,
        /// <summary>Responder: PAIR_2 sent (answering duplicates from cache), waiting for PAIR_3.</summary>
        AwaitingMessage3 = 2,
        /// <summary>Handshake done, code on the display, waiting for this user's decision.</summary>
        CodeShown = 3,
        /// <summary>This user confirmed; waiting for the peer's confirm.</summary>
        LocalConfirmed = 4,
        /// <summary>Both confirmed: peer pinned as verified (keys kept briefly for acknowledgements).</summary>
        Pinned = 5,
        /// <summary>A user rejected: nothing pinned.</summary>
        Rejected = 6,
        /// <summary>Timeout, bad message or commitment mismatch: nothing pinned.</summary>
        Failed = 7,
        /// <summary>The peer confirmed the code; waiting for this user's decision.</summary>
        PeerConfirmed = 8
    }
}
