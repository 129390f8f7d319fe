// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Trust
{
    /// <summary>
    /// Withdraws "verified by the organisation" from pinned contacts whose certificate the newest
    /// revocation list revokes (docs/protocol.md §18.5): run when a newer list is kept and at start
    /// (a list installed by the tool). The contact stays (its key is still the pinned one, the
    /// key-change rules are unchanged); it is shown UNVERIFIED, unless its code was compared.
    /// </summary>
    internal static class OrgContacts
    {
        /// <summary>Returns how many contacts lost the organisation's verification.</summary>
        internal static int WithdrawRevoked(PhoneContext ctx)
        {
            OrgStore org = new OrgStore(ctx.Store);
            int withdrawn = 0;
            int capacity = KeyStore.ContactCapacity;
            for (int i = 0; i < capacity; i++)
            {
                ContactRecord c = ctx.Store.ReadContact(i);
                if (c == null || !c.OrgVerified || !org.IsRevoked(c.PublicKey))
                {
                    continue;
                }

                ctx.Store.SetFlags(i, c.Flags & ~ContactRecord.FlagOrgVerified);
                ctx.Raise(PhoneEventKind.CertificateRefused, "certificate revoked: " + c.Name + " is no longer verified by the organisation");
                withdrawn++;
            }

            return withdrawn;
        }
    }
}
