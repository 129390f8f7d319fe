// SPDX-License-Identifier: MIT
namespace Phone.Firmware
{
    /// <summary>What a PhoneEvent reports (names: PhoneEventNames.Name).</summary>
    public enum PhoneEventKind
    {
        /// <summary>Self-test passed, key pool filled, idle screen shown.</summary>
        Started = 0,
        /// <summary>Pairing began (either side).</summary>
        PairingStarted = 1,
        /// <summary>The verification code is on the display (Code, CodeWords; ElapsedMs, Flights).</summary>
        CodeShown = 2,
        /// <summary>This phone's user confirmed the code.</summary>
        LocalConfirmed = 3,
        /// <summary>The peer's confirm arrived.</summary>
        PeerConfirmed = 4,
        /// <summary>Pairing rejected by a user (Text says which side) or failed a check; nothing pinned.</summary>
        PairingRejected = 5,
        /// <summary>Both confirmed: the peer is pinned as verified (ContactIndex, PeerName).</summary>
        Pinned = 6,
        /// <summary>Pairing failed: timeout, bad message, commitment mismatch (Text).</summary>
        PairingFailed = 7,
        /// <summary>Outgoing call started.</summary>
        Dialing = 8,
        /// <summary>Call keys are ready (ElapsedMs since Call, RoundTrips, Retransmissions).</summary>
        CallKeysReady = 9,
        /// <summary>The call falls back to XX verification (Text: reason).</summary>
        Fallback = 10,
        /// <summary>Incoming call rings here (PeerName, Badge).</summary>
        Ringing = 11,
        /// <summary>The callee's phone rings.</summary>
        RemoteRinging = 12,
        /// <summary>Call connected, media flowing.</summary>
        Connected = 13,
        /// <summary>This side's sending key ratcheted one epoch.</summary>
        Ratcheted = 14,
        /// <summary>A DH re-key completed on this side.</summary>
        Rekeyed = 15,
        /// <summary>LOUD: the peer's key is not the pinned one, or continuity failed (Code shown).</summary>
        KeyChanged = 16,
        /// <summary>In a call, both users confirmed the code: contact (re-)pinned as verified.</summary>
        CallVerified = 17,
        /// <summary>Call ended (Text: who/why).</summary>
        HungUp = 18,
        /// <summary>Something failed (Text).</summary>
        Error = 19,
        /// <summary>A contact was deleted.</summary>
        ContactForgotten = 20,
        /// <summary>Identity and contacts erased, new identity created.</summary>
        FactoryReset = 21,
        /// <summary>The call continues unverified (XX with the pinned key after a fallback).</summary>
        Unverified = 22,
        /// <summary>At power-on a damaged flash record was refused (an identity copy, rewritten; or a contact, which may be lost).</summary>
        StoreRecovered = 23,
        /// <summary>No fresh DH within RekeyDeadlineMs (the re-key cannot complete); shown in the call.</summary>
        RekeyOverdue = 24,
        /// <summary>The peer's key is vouched for by this phone's organisation: pinned without a code (PeerName, Text: organisation).</summary>
        OrgVerified = 25,
        /// <summary>The peer's certificate was refused (Text: the reason); nothing changed, the call goes on unverified.</summary>
        CertificateRefused = 26,
        /// <summary>A newer revocation list arrived and is kept (Text: its version).</summary>
        RevocationListUpdated = 27,
        /// <summary>A revocation list was refused (Text: the reason, e.g. an older one replayed); nothing changed.</summary>
        RevocationListRefused = 28,
        /// <summary>The user started pairing mode: this phone answers one PAIR_1 until it ends (Text: how long).</summary>
        PairingModeStarted = 29,
        /// <summary>Pairing mode ended (Text: paired, timed out, cancelled, or "pairing attempt failed - start again").</summary>
        PairingModeEnded = 30,
        /// <summary>A second VERIFY_1 for a call that already had one was refused (Text).</summary>
        VerifyRefused = 31,
        /// <summary>An incoming call's VERIFY was answered but never completed (abandoned, failed or evicted half-open).</summary>
        VerifyAbandoned = 32
    }
}
