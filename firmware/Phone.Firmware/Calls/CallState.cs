// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>States of one call (names: CallStateNames.Name).</summary>
    public enum CallState
    {
        /// <summary>No call.</summary>
        Idle = 0,
        /// <summary>Caller: CALL_1 (IKpsk2) sent, waiting for CALL_2 or CALL_FALLBACK.</summary>
        Dialing = 1,
        /// <summary>XX fallback (VERIFY_*) in progress, either side.</summary>
        Verifying = 2,
        /// <summary>Callee: CALL_2 sent, waiting for the caller's sealed READY (proves it is live, not a replay).</summary>
        AwaitingReady = 3,
        /// <summary>Caller: keys ready, waiting for the callee to answer.</summary>
        RingingOut = 4,
        /// <summary>Callee: ringing, waiting for this user to accept.</summary>
        RingingIn = 5,
        /// <summary>Either side after a fallback from the pinned key: the warning shown; not connected until the user accepts or both confirm the code.</summary>
        KeyWarning = 6,
        /// <summary>Connected: media both ways, ratchet and re-key running.</summary>
        Connected = 7,
        /// <summary>Hang-up sent, waiting for its acknowledgement.</summary>
        Ending = 8,
        /// <summary>Call over (keys kept briefly for late acknowledgements, then wiped).</summary>
        Ended = 9
    }
}
