// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Linq;
using Phone.Crypto;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Binding
{
    /// <summary>
    /// The managed binding of organisation trust (Phone.Crypto.OrgStore): every native refusal of a
    /// peer's certificate or list is a CryptoException whose status and text say why, the flash is
    /// unchanged, and a genuine certificate comes back with its fields.
    /// </summary>
    public sealed class OrgStoreBindingTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "phone-org-binding-" + Guid.NewGuid().ToString("N"));
        private readonly KeyStore _store;
        private readonly OrgStore _org;
        private readonly TestOrganisation _acme = new TestOrganisation("Acme");

        public OrgStoreBindingTests()
        {
            CryptoCore.SelfTest();
            _store = KeyStore.Open(_dir);
            _org = new OrgStore(_store);
            _org.Install(_acme.PublicKey, "Acme", _acme.Certificate(_store.IdentityPublicKey(), "Desk 1", 1));
        }

        public void Dispose()
        {
            _store.Dispose();
            _acme.Dispose();
            Directory.Delete(_dir, true);
        }

        private void Refused(int status, string text, Handshake hs, byte[] cert)
        {
            byte[] before = FlashDump.Read(_dir);
            var e = Assert.Throws<CryptoException>(() => _org.VerifyPeer(hs, cert, cert.Length));
            Assert.Equal(status, e.Status);
            Assert.Equal("peer certificate: " + text, e.Message);
            Assert.Equal(before, FlashDump.Read(_dir));
        }

        [Fact]
        public void Each_bad_certificate_is_an_exception_with_its_reason()
        {
            byte[] peer = new byte[32];
            CryptoCore.Random(peer);
            using var hs = new Handshake(_store, NoisePattern.IK, NoisePattern.Initiator, new byte[0], peer);
            byte[] good = _acme.Certificate(peer, "Desk 2", 2);
            OrgPeer accepted = _org.VerifyPeer(hs, good, good.Length);
            Assert.Equal("Desk 2", accepted.Name);
            Assert.Equal(2, accepted.Serial);

            byte[] forged = (byte[])good.Clone();
            forged[^1] ^= 1;
            using var other = new TestOrganisation("Other");
            byte[] wrongKey = _acme.Certificate(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray(), "Desk 3", 3);
            Refused(CryptoStatus.CertSignature, "forged certificate signature", hs, forged);
            Refused(CryptoStatus.CertWrongOrganisation, "certificate of another organisation", hs, other.Certificate(peer, "X", 2));
            Refused(CryptoStatus.CertWrongKey, "certificate names another key", hs, wrongKey);
            Refused(CryptoStatus.CertTruncated, "certificate truncated", hs, good.Take(good.Length - 1).ToArray());
            Refused(CryptoStatus.CertOversized, "certificate oversized", hs, good.Append((byte)0).ToArray());

            byte[] v1 = _acme.Revoke(2);
            Assert.True(_org.OfferRevocationList(v1, v1.Length));
            Refused(CryptoStatus.CertRevoked, "certificate revoked", hs, good);
            Assert.True(_org.IsRevoked(peer));
            byte[] v2 = _acme.Revoke();
            Assert.True(_org.OfferRevocationList(v2, v2.Length));
            var old = Assert.Throws<CryptoException>(() => _org.OfferRevocationList(v1, v1.Length));
            Assert.Equal(CryptoStatus.RevocationListOld, old.Status);
            Assert.Equal("revocation list: older revocation list replayed", old.Message);
            Assert.Equal(2, _org.Info().RevocationListVersion);
        }
    }
}
