// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Trust
{
    /// <summary>
    /// What a peer's organisation section in an XX payload came to (docs/protocol.md §18.3):
    /// no certificate (or no organisation here), verified by the organisation, or refused with
    /// a reason for the display. A refusal changes nothing: the call goes on as with any
    /// stranger (the code comparison).
    /// </summary>
    internal class OrgVerdict
    {
        private OrgVerdict(OrgPeer peer, string organisation, string reason)
        {
            Peer = peer;
            Organisation = organisation;
            Reason = reason;
        }

        /// <summary>The accepted certificate, or null.</summary>
        internal OrgPeer Peer { get; private set; }

        /// <summary>The organisation's display name when verified.</summary>
        internal string Organisation { get; private set; }

        /// <summary>Why the certificate was refused, or null.</summary>
        internal string Reason { get; private set; }

        /// <summary>True when the organisation vouched for the peer's static key.</summary>
        internal bool Verified
        {
            get { return Peer != null; }
        }

        internal static OrgVerdict None()
        {
            return new OrgVerdict(null, null, null);
        }

        internal static OrgVerdict Accepted(OrgPeer peer, string organisation)
        {
            return new OrgVerdict(peer, organisation, null);
        }

        internal static OrgVerdict Refused(string reason)
        {
            return new OrgVerdict(null, null, reason);
        }
    }
}
