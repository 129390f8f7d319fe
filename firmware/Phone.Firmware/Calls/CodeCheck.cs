// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>Where the comparison of a call's fallback code stands.</summary>
    internal enum CodeCheck
    {
        /// <summary>The call resumed over IKpsk2: there is no code to compare.</summary>
        NotUsed = 0,
        /// <summary>The call went through XX (VERIFY): a code exists, nobody confirmed it yet.</summary>
        Pending = 1,
        /// <summary>This user confirmed the code; the peer's CONFIRM has not arrived.</summary>
        LocalConfirmed = 2,
        /// <summary>The peer confirmed the code; this user has not.</summary>
        PeerConfirmed = 3,
        /// <summary>Both confirmed: the peer is pinned as verified.</summary>
        Verified = 4
    }
}
