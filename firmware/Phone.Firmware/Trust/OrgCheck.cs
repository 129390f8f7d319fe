// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Trust
{
    /// <summary>
    /// Checks a peer's certificate and revocation list against this phone's organisation
    /// (docs/protocol.md §18.3): the list first (a newer one is kept, so a revocation it
    /// carries applies to this very handshake), then the certificate against the
    /// organisation key, the handshake's remote static key, the list and the learned time.
    /// </summary>
    internal static class OrgCheck
    {
        internal static OrgVerdict Evaluate(PhoneContext ctx, Handshake hs, byte[] cert, byte[] list)
        {
            OrgStore org = new OrgStore(ctx.Store);
            try
            {
                if (!org.Installed)
                {
                    return OrgVerdict.None();
                }

                OfferList(ctx, org, list);
                if (cert.Length == 0)
                {
                    return OrgVerdict.None();
                }

                OrgPeer peer = org.VerifyPeer(hs, cert, cert.Length);
                return OrgVerdict.Accepted(peer, org.Info().Name);
            }
            catch (CryptoException e)
            {
                ctx.Raise(PhoneEventKind.CertificateRefused, CryptoStatus.Describe(e.Status));
                return OrgVerdict.Refused(CryptoStatus.Describe(e.Status));
            }
        }

        /// <summary>A newer list is kept; the same one is nothing; an older or foreign one is refused and changes nothing.</summary>
        private static void OfferList(PhoneContext ctx, OrgStore org, byte[] list)
        {
            if (list.Length == 0)
            {
                return;
            }

            try
            {
                if (org.OfferRevocationList(list, list.Length))
                {
                    ctx.Raise(PhoneEventKind.RevocationListUpdated, "version " + org.Info().RevocationListVersion.ToString());
                    OrgContacts.WithdrawRevoked(ctx);
                }
            }
            catch (CryptoException e)
            {
                if (!CryptoStatus.IsCertificateRefusal(e.Status))
                {
                    throw;
                }

                ctx.Raise(PhoneEventKind.RevocationListRefused, CryptoStatus.Describe(e.Status));
            }
        }
    }
}
