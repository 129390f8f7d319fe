// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Ui;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Organisation trust in a call (docs/protocol.md §18.3): a first call whose peer presented
    /// a valid certificate of this phone's organisation pins it "verified by &lt;organisation&gt;"
    /// without a code. Only for a key that is not pinned yet: a pinned contact that comes
    /// through the XX fallback gets the same loud warning as ever, certificate or not.
    /// </summary>
    internal abstract partial class CallExchange
    {
        /// <summary>The badge a pinned contact's call starts with.</summary>
        protected static Badge BadgeFor(ContactRecord contact)
        {
            if (contact.Verified)
            {
                return Badge.Verified;
            }

            return contact.OrgVerified ? Badge.OrgVerified : Badge.Unverified;
        }

        /// <summary>
        /// Pins the peer of the finished XX under its certificate's name with FlagOrgVerified (the
        /// resumption chain starts at generation 1, as after a compared code). False after a flash
        /// error, which ends the call.
        /// </summary>
        protected bool PinOrgVerified()
        {
            OrgPeer peer = Xx.Org.Peer;
            try
            {
                ContactIndex = Ctx.Store.Pin(Channel.Keys, peer.Name, ContactRecord.FlagUsed | ContactRecord.FlagOrgVerified);
                Contact = Ctx.Store.ReadContact(ContactIndex);
            }
            catch (CryptoException)
            {
                End(ReasonTimeout, FlashError, true);
                return false;
            }

            CodeCheck = CodeCheck.Verified;
            PeerName = peer.Name;
            Badge = Badge.OrgVerified;
            PhoneEvent e = NewEvent(PhoneEventKind.OrgVerified, Xx.Org.Organisation);
            e.PeerName = PeerName;
            e.ContactIndex = ContactIndex;
            e.Badge = Badge;
            Ctx.Host.Raise(e);
            return true;
        }

        /// <summary>What the display says about an unknown peer's verification.</summary>
        protected string StrangerNote()
        {
            return Xx.Org != null && Xx.Org.Reason != null
                ? "certificate refused: " + Xx.Org.Reason + "; compare the code"
                : "unverified: compare the code";
        }
    }
}
