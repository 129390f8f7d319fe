// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>Where the responder is in RFC 6762's probe-announce-answer life.</summary>
    public enum ResponderState
    {
        /// <summary>Not started, or stopped (goodbyes sent).</summary>
        Stopped = 0,
        /// <summary>Asking whether the instance name is taken (§8.1).</summary>
        Probing = 1,
        /// <summary>Name is ours: sending unsolicited announcements (§8.3).</summary>
        Announcing = 2,
        /// <summary>Answering queries.</summary>
        Running = 3
    }
}
