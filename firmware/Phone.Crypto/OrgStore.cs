// SPDX-License-Identifier: MIT
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// Organisation trust in the phone's secure store (native pc_org_*): the organisation's
    /// public key, this phone's certificate, the newest revocation list and the newest time
    /// learned, in a sealed record of its own. Every refusal throws a CryptoException whose
    /// Status says why (CryptoStatus.Cert*, RevocationListOld, NoOrganisation).
    /// </summary>
    public class OrgStore
    {
        /// <summary>Largest certificate (docs/protocol.md §18).</summary>
        public const int MaxCertificateLength = 170;

        /// <summary>Largest revocation list (32 serials).</summary>
        public const int MaxRevocationListLength = 350;

        private const int PartInfo = 1;
        private const int PartCertificate = 2;
        private const int PartRevocationList = 3;

        private readonly KeyStore _store;

        /// <summary>Organisation trust of an open store.</summary>
        public OrgStore(KeyStore store)
        {
            _store = store;
        }

        /// <summary>
        /// Installs the organisation and this phone's certificate (which must verify under
        /// orgPublicKey and name this phone's identity); nothing is written if it does not.
        /// </summary>
        public void Install(byte[] orgPublicKey, string orgName, byte[] certificate)
        {
            byte[] name = Utf8.GetBytes(orgName);
            NativeResult.Check(NativeCrypto.OrgInstall(_store.Handle, orgPublicKey, orgPublicKey.Length,
                name, name.Length, certificate, certificate.Length), "install organisation");
        }

        /// <summary>True when an intact organisation record is installed (a damaged one throws Corrupt).</summary>
        public bool Installed
        {
            get
            {
                byte[] info = new byte[OrgInfo.Length];
                int result = NativeCrypto.OrgRead(_store.Handle, PartInfo, info, info.Length);
                if (result == CryptoStatus.NoOrganisation)
                {
                    return false;
                }

                NativeResult.Check(result, "read organisation");
                return true;
            }
        }

        /// <summary>The organisation's public values.</summary>
        public OrgInfo Info()
        {
            return new OrgInfo(Read(PartInfo, OrgInfo.Length, "read organisation"));
        }

        /// <summary>This phone's own certificate (sent to peers inside handshakes).</summary>
        public byte[] Certificate()
        {
            return Read(PartCertificate, MaxCertificateLength, "read certificate");
        }

        /// <summary>The newest revocation list held (empty: none).</summary>
        public byte[] RevocationList()
        {
            return Read(PartRevocationList, MaxRevocationListLength, "read revocation list");
        }

        /// <summary>
        /// Offers a revocation list: true if it was newer and is now kept, false if it is the
        /// version held. An older one throws RevocationListOld; a forged one CertSignature.
        /// </summary>
        public bool OfferRevocationList(byte[] list, int length)
        {
            return NativeResult.Check(NativeCrypto.OrgCrlOffer(_store.Handle, list, length), "revocation list") == 1;
        }

        /// <summary>
        /// Verifies a peer's certificate against the organisation, the handshake's remote
        /// static key, the revocation list and the learned time. Throws CryptoException with
        /// the reason on refusal (nothing changes then).
        /// </summary>
        public OrgPeer VerifyPeer(Handshake handshake, byte[] certificate, int length)
        {
            byte[] view = new byte[OrgPeer.Length];
            NativeResult.Check(NativeCrypto.OrgVerifyPeer(_store.Handle, handshake.Handle, certificate, length,
                view, view.Length), "peer certificate");
            return new OrgPeer(view);
        }

        /// <summary>
        /// True when the organisation's newest list held revokes the certificate that vouched for this
        /// pinned key (the core remembers the serial of the last 32 keys it verified); false otherwise.
        /// </summary>
        public bool IsRevoked(byte[] publicKey)
        {
            int result = NativeCrypto.OrgCheckContact(_store.Handle, publicKey, publicKey.Length);
            if (result == CryptoStatus.CertRevoked)
            {
                return true;
            }

            NativeResult.Check(result, "check contact");
            return false;
        }

        private byte[] Read(int part, int capacity, string operation)
        {
            byte[] buffer = new byte[capacity];
            int length = NativeResult.Check(NativeCrypto.OrgRead(_store.Handle, part, buffer, buffer.Length), operation);
            return OrgInfo.Slice(buffer, 0, length);
        }
    }
}
