// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>Caller: how far the callee is known to be (RemoteRinging is raised once, also after an early answer).</summary>
    internal enum PeerProgress
    {
        /// <summary>Keys may exist, but the callee has not shown it rings.</summary>
        NotRinging = 0,
        /// <summary>The callee processed READY and rings.</summary>
        Ringing = 1,
        /// <summary>The callee answered before its ringing was noticed here (its READY ACK is still to come).</summary>
        AnsweredBeforeRinging = 2,
        /// <summary>The callee rang and answered (ANSWER or its media arrived).</summary>
        Answered = 3
    }
}
