// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>
    /// What moves a call from one CallState to the next (the role tables:
    /// OutgoingCall.Transitions, IncomingCall.Transitions; docs/protocol.md §14).
    /// </summary>
    public enum CallEvent
    {
        /// <summary>Caller: the user dialled a contact (CALL_1 sent).</summary>
        Dial = 0,
        /// <summary>Caller: no resumption secret for this contact here: straight to VERIFY.</summary>
        NoResumptionSecret = 1,
        /// <summary>Caller: CALL_2 read, keys ready after one round trip.</summary>
        Call2 = 2,
        /// <summary>Caller: CALL_FALLBACK from the callee.</summary>
        CallFallback = 3,
        /// <summary>Caller: CALL_2 that did not decrypt (possible attack).</summary>
        Call2Undecryptable = 4,
        /// <summary>Caller: VERIFY_2 read, code derived, warning shown.</summary>
        Verify2 = 5,
        /// <summary>Caller: the user accepted the key warning as unverified.</summary>
        AcceptUnverified = 6,
        /// <summary>Both users confirmed the fallback's code (peer pinned).</summary>
        CodeVerified = 7,
        /// <summary>Caller: ANSWER, or the first authenticated media frame (which only follows an ANSWER).</summary>
        Answer = 8,
        /// <summary>Callee: CALL_1 read and answered with CALL_2 (half-open).</summary>
        Call1 = 9,
        /// <summary>Callee: VERIFY_1 read and answered with VERIFY_2 (half-open).</summary>
        Verify1 = 10,
        /// <summary>Callee: the caller's sealed READY (it is live, not a replay).</summary>
        Ready = 11,
        /// <summary>Callee: VERIFY_3 read, commitment opened, code shown.</summary>
        Verify3 = 12,
        /// <summary>Callee: the user answered.</summary>
        Accept = 13,
        /// <summary>Ending with a reliable sealed HANGUP to the peer (waits for its ACK).</summary>
        SendHangUp = 14,
        /// <summary>Ending with nothing to tell: peer hung up, timeout, connection lost, no keys yet.</summary>
        EndWithoutHangUp = 15,
        /// <summary>Callee: VERIFY_3 read from a pinned contact's key (it fell back): the warning screen, as the caller's.</summary>
        Verify3FromPinnedKey = 16
    }
}
