// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Trust
{
    /// <summary>
    /// The organisation section at the end of the XX message 2 and 3 payloads (PAIR_2/3,
    /// VERIFY_2/3; docs/protocol.md §18.3): cert_len u8 ‖ certificate ‖ list_len u16 LE ‖
    /// revocation list. Sent only by a phone with an organisation installed; a phone without
    /// one ends the payload after the name. Inside the encrypted payload, so identity hiding
    /// is kept: only the peer that completed the handshake's DH sees it.
    /// </summary>
    internal static class OrgSection
    {
        /// <summary>Largest section this phone accepts: a certificate byte count up to 255 (longer than any
        /// valid one, so an oversized certificate is refused by the native parser with its reason) and a full list.</summary>
        internal const int MaxLength = 1 + 255 + 2 + OrgStore.MaxRevocationListLength;

        /// <summary>Appends this phone's section if it belongs to an organisation (else nothing).</summary>
        internal static void Write(PayloadWriter w, PhoneContext ctx)
        {
            OrgStore org = new OrgStore(ctx.Store);
            if (!Installed(org))
            {
                return;
            }

            byte[] cert = org.Certificate();
            byte[] list = org.RevocationList();
            w.U8(cert.Length);
            w.Bytes(cert);
            w.U8(list.Length & 0xFF);
            w.U8(list.Length >> 8);
            w.Bytes(list);
        }

        /// <summary>
        /// Reads the section after the name (none if the payload ended) and checks it against
        /// the handshake, which must hold the peer's static key. Null when the section is
        /// malformed (the payload is refused as a whole).
        /// </summary>
        internal static OrgVerdict Read(PayloadReader r, PhoneContext ctx, Handshake hs)
        {
            if (r.AtEndOk)
            {
                return OrgVerdict.None();
            }

            int certLength = r.U8();
            byte[] cert = r.Bytes(certLength);
            int listLength = r.U8() | (r.U8() << 8);
            byte[] list = r.Bytes(listLength);
            if (!r.AtEndOk || listLength > OrgStore.MaxRevocationListLength)
            {
                return null;
            }

            return OrgCheck.Evaluate(ctx, hs, cert, list);
        }

        private static bool Installed(OrgStore org)
        {
            try
            {
                return org.Installed;
            }
            catch (CryptoException)
            {
                return false; // a damaged record: this phone presents no certificate (the screen says why at start)
            }
        }
    }
}
