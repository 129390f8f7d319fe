// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Why an incoming datagram was dropped (counted per reason).</summary>
    public enum DropReason
    {
        /// <summary>Not dropped: the datagram was accepted (a result, never counted).</summary>
        None = -1,
        /// <summary>Shorter than its type's fixed part.</summary>
        Truncated = 0,
        /// <summary>Longer than 1200 bytes or than its type allows.</summary>
        Oversized = 1,
        /// <summary>Version byte is not 1 (answered with a rate-limited ERROR).</summary>
        UnsupportedVersion = 2,
        /// <summary>Type byte unknown.</summary>
        UnknownType = 3,
        /// <summary>A field or payload does not parse.</summary>
        Malformed = 4,
        /// <summary>Receiver id matches no session or handshake.</summary>
        UnknownSession = 5,
        /// <summary>Valid message that the state machine does not expect now.</summary>
        UnexpectedMessage = 6,
        /// <summary>Noise refused the handshake message (tag, key or size).</summary>
        HandshakeFailed = 7,
        /// <summary>Sealed packet: tag did not verify.</summary>
        AuthFailed = 8,
        /// <summary>Sealed packet: counter already seen or below the replay window.</summary>
        Replay = 9,
        /// <summary>Sealed packet: key phase not held.</summary>
        KeyPhase = 10,
        /// <summary>Low-order public key (all-zero DH).</summary>
        BadKey = 11,
        /// <summary>Per-source or global handshake rate exceeded.</summary>
        RateLimited = 12,
        /// <summary>Phone busy with another pairing or call.</summary>
        Busy = 13,
        /// <summary>Pairing nonce did not match its commitment.</summary>
        CommitmentMismatch = 14,
        /// <summary>Authenticated media outside a connected call.</summary>
        NotConnected = 15,
        /// <summary>ERROR datagram received (counted, never answered).</summary>
        ErrorReceived = 16,
        /// <summary>Unexpected internal failure while handling the datagram.</summary>
        Internal = 17,
        /// <summary>A first message whose mac1 did not verify (§11): no cryptography beyond the MAC.</summary>
        BadMac = 18,
        /// <summary>A first message under load without a valid mac2: answered by COOKIE_REPLY only (§11).</summary>
        CookieRequired = 19,
        /// <summary>PAIR_1 while this phone is not in a pairing mode its user started (answered by a rate-limited ERROR).</summary>
        NotPairing = 20,
        /// <summary>A second VERIFY_1 (new session) for a call that already had one (at most one VERIFY per call).</summary>
        SecondVerify = 21,
        /// <summary>A fragment not used: a copy of one already held, or part of a message evicted or timed out (§2.1).</summary>
        FragmentDiscarded = 22
    }
}
