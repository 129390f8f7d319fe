// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Ui;

namespace Phone.Firmware
{
    /// <summary>Organisation trust on the phone's surface: first calls to phones that are not contacts.</summary>
    public partial class PhoneCore
    {
        /// <summary>
        /// Calls a phone that is not a contact (a first call, docs/protocol.md §18.3): XX with the
        /// certificates inside. A peer of this phone's organisation is pinned "verified by
        /// &lt;organisation&gt;" without a code; any other peer gets the code comparison. False if busy.
        /// </summary>
        public bool CallNew(NetAddress at)
        {
            if (_active != null || at == null)
            {
                return false;
            }

            OutgoingCall call = new OutgoingCall(_ctx, at);
            _active = call;
            call.DialNew();
            return true;
        }

        /// <summary>The organisation this phone belongs to, or null (a damaged record reads as none).</summary>
        public OrgInfo Organisation
        {
            get
            {
                OrgStore org = new OrgStore(_ctx.Store);
                try
                {
                    return org.Installed ? org.Info() : null;
                }
                catch (CryptoException)
                {
                    return null;
                }
            }
        }

        /// <summary>
        /// Reads the organisation's name for the "verified by ..." display and withdraws the verification
        /// of contacts the newest list revokes (after start and an install).
        /// </summary>
        public void RefreshOrganisation()
        {
            OrgInfo info = Organisation;
            Screens.OrganisationName = info == null ? null : info.Name;
            if (info == null)
            {
                return;
            }

            try
            {
                Trust.OrgContacts.WithdrawRevoked(_ctx);
            }
            catch (CryptoException e)
            {
                Raise(new PhoneEvent(PhoneEventKind.Error, _ctx.Now, "revocation check: " + CryptoStatus.Describe(e.Status)));
            }
        }
    }
}
