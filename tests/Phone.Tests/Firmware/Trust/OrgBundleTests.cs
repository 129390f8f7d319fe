// SPDX-License-Identifier: MIT
using System;
using System.Linq;
using Phone.Crypto;
using Phone.Firmware.Calls;
using Phone.Firmware.Trust;
using Phone.Firmware.Ui;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware.Trust
{
    /// <summary>
    /// The organisation bundle a board applies at start (docs/device.md §5b): each phone finds its own
    /// certificate in the image's bundle and installs it; the same image again writes nothing; every
    /// malformed, truncated, padded, forged or misplaced part is refused with its reason and leaves the
    /// store byte for byte as it was.
    /// </summary>
    public class OrgBundleTests
    {
        private static OrgBundleOutcome Apply(TestPhone phone, byte[] bundle) =>
            OrgBundle.Apply(phone.Store, new MemoryResource(bundle));

        private static OrgInfo Info(TestPhone phone) => new OrgStore(phone.Store).Info();

        private static bool Installed(TestPhone phone) => new OrgStore(phone.Store).Installed;

        /// <summary>The bundle for these phones, serials 1, 2, ... in order.</summary>
        private static byte[] BundleFor(TestOrganisation org, byte[] list, params TestPhone[] phones) =>
            org.Bundle(list, phones.Select((p, i) => org.Certificate(p.Core.IdentityKey, p.Name, (ulong)(i + 1))).ToArray());

        [Fact]
        public void Enrolment_bundle_without_this_phone_shows_its_full_key_and_writes_nothing()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            byte[] before = alice.ReadFlash();

            OrgBundleOutcome outcome = Apply(alice, acme.Bundle(null));

            Assert.Equal(OrgBundleResult.NotListed, outcome.Result);
            Assert.False(Installed(alice));
            Assert.Equal(before, alice.ReadFlash());
            Screen screen = OrgBundleScreens.For(outcome, alice.Core.IdentityKey);
            Assert.Equal("Not enrolled in Acme", screen.Title);
            Assert.Equal(Convert.ToHexString(alice.Core.IdentityKey).ToLowerInvariant(), string.Concat(screen.Lines.Skip(1)));
            Assert.All(screen.Lines.Skip(1), line => Assert.Equal(OrgBundleScreens.KeyDigitsPerLine, line.Length));
        }

        [Fact]
        public void Listed_phone_installs_its_certificate_and_the_same_image_again_writes_nothing()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            byte[] bundle = BundleFor(acme, acme.Revoke(), alice, bob);

            OrgBundleOutcome first = Apply(alice, bundle);
            Assert.Equal(OrgBundleResult.Installed, first.Result);
            Assert.Equal(1, first.ListVersion);
            Assert.Equal("Acme", Info(alice).Name);
            Assert.Equal(1, Info(alice).OwnSerial);
            Assert.Equal(acme.PublicKey, Info(alice).PublicKey);
            Assert.Equal("Organisation installed", OrgBundleScreens.For(first, alice.Core.IdentityKey).Title);

            // records are sealed under a fresh nonce on every write: equal bytes mean nothing was written
            byte[] installed = alice.ReadFlash();
            OrgBundleOutcome again = Apply(alice, bundle);
            Assert.Equal(OrgBundleResult.Unchanged, again.Result);
            Assert.False(again.Changed);
            Assert.Null(OrgBundleScreens.For(again, alice.Core.IdentityKey));
            Assert.Equal(installed, alice.ReadFlash());
        }

        [Fact]
        public void An_image_with_the_empty_bundle_keeps_the_installed_organisation()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            Assert.Equal(OrgBundleResult.Installed, Apply(alice, BundleFor(acme, null, alice)).Result);
            byte[] installed = alice.ReadFlash();

            OrgBundleOutcome outcome = Apply(alice, Phone.Sim.Cli.OrgBundleWriter.Empty());

            Assert.Equal(OrgBundleResult.NoOrganisation, outcome.Result);
            Assert.Null(OrgBundleScreens.For(outcome, alice.Core.IdentityKey));
            Assert.Equal("Acme", Info(alice).Name);
            Assert.Equal(installed, alice.ReadFlash());
        }

        [Fact]
        public void The_writer_refuses_a_name_the_header_cannot_hold()
        {
            using var key = Phone.Sim.Cli.OrgKeyFile.Create();
            foreach (string name in new[] { "", new string('x', OrgBundleLayout.MaxNameBytes + 1) })
            {
                byte[] bundle = Phone.Sim.Cli.OrgBundleWriter.Build(key.PublicKey, name, new byte[0][], null, out string problem);
                Assert.Null(bundle);
                Assert.Equal("the organisation name must be 1 to 32 bytes of UTF-8", problem);
            }
        }

        [Fact]
        public void Two_phones_started_from_one_bundle_call_each_other_verified_by_the_organisation()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            byte[] bundle = BundleFor(acme, null, alice, bob);
            foreach (TestPhone phone in new[] { alice, bob })
            {
                Assert.Equal(OrgBundleResult.Installed, Apply(phone, bundle).Result);
                phone.Core.RefreshOrganisation();
            }

            Assert.True(alice.Core.CallNew(bob.Address));
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.OrgVerified, bob.Core.CallBadge);
            Assert.Equal(Badge.OrgVerified, alice.Core.CallBadge);
            Assert.Null(bob.Core.CurrentScreen.Code);
        }

        [Fact]
        public void A_thousand_phone_bundle_is_binary_searched_not_scanned()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var random = new Random(7);
            byte[][] certs = Enumerable.Range(0, 999).Select(i =>
            {
                byte[] key = new byte[32];
                random.NextBytes(key);
                return acme.Certificate(key, "Phone " + i, (ulong)(i + 10));
            }).Append(acme.Certificate(alice.Core.IdentityKey, "Alice", 5)).ToArray();
            var resource = new MemoryResource(acme.Bundle(null, certs));

            OrgBundleOutcome outcome = OrgBundle.Apply(alice.Store, resource);

            Assert.Equal(OrgBundleResult.Installed, outcome.Result);
            Assert.Equal(5, Info(alice).OwnSerial);
            // header, two length probes, then at most ceil(log2(1001)) = 10 entries
            Assert.InRange(resource.Reads, 4, 13);
        }

        [Fact]
        public void Another_organisations_bundle_replaces_it_and_says_so_loudly()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            using var globex = new TestOrganisation("Globex");
            var alice = rig.Add("Alice", 1);
            Assert.Equal(OrgBundleResult.Installed, Apply(alice, BundleFor(acme, null, alice)).Result);

            OrgBundleOutcome moved = Apply(alice, globex.Bundle(null, globex.Certificate(alice.Core.IdentityKey, "Alice", 9)));

            Assert.Equal(OrgBundleResult.OrganisationChanged, moved.Result);
            Assert.Equal("Acme", moved.PreviousOrganisation);
            Assert.Equal("Globex", Info(alice).Name);
            Screen screen = OrgBundleScreens.For(moved, alice.Core.IdentityKey);
            Assert.Equal("ORGANISATION CHANGED", screen.Title);
            Assert.Contains("Now Globex, was Acme", screen.Lines[0]);
        }

        [Theory]
        [InlineData("magic", "not an organisation bundle")]
        [InlineData("format", "bundle format 2 is not 1")]
        [InlineData("name-length", "a length field is out of range")]
        [InlineData("list-length", "a length field is out of range")]
        [InlineData("count-over-limit", "a length field is out of range")]
        [InlineData("count-too-high", "shorter than its entry count says")]
        [InlineData("count-too-low", "longer than its entry count says")]
        [InlineData("no-organisation-with-entries", "entries without an organisation")]
        [InlineData("certificate-length-zero", "certificate length out of range")]
        [InlineData("certificate-length-171", "certificate length out of range")]
        public void Each_malformed_field_is_refused_with_its_reason_and_changes_nothing(string damage, string reason)
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            byte[] bundle = BundleFor(acme, null, alice);
            Damage(bundle, damage);
            byte[] before = alice.ReadFlash();

            OrgBundleOutcome outcome = Apply(alice, bundle);

            Assert.Equal(OrgBundleResult.Malformed, outcome.Result);
            Assert.Equal(reason, outcome.Detail);
            Assert.Equal(before, alice.ReadFlash());
            Assert.Contains("nothing was changed", OrgBundleScreens.For(outcome, alice.Core.IdentityKey).Lines[0]);
        }

        private static void Damage(byte[] bundle, string damage)
        {
            int entry = OrgBundleLayout.HeaderBytes;
            switch (damage)
            {
                case "magic": bundle[0] ^= 1; break;
                case "format": bundle[OrgBundleLayout.FormatOffset] = 2; break;
                case "name-length": bundle[OrgBundleLayout.NameLengthOffset] = OrgBundleLayout.MaxNameBytes + 1; break;
                case "list-length": SetU16(bundle, OrgBundleLayout.ListLengthOffset, OrgBundleLayout.MaxListBytes + 1); break;
                case "count-over-limit": SetU16(bundle, OrgBundleLayout.CountOffset, OrgBundleLayout.MaxEntries + 1); break;
                case "count-too-high": SetU16(bundle, OrgBundleLayout.CountOffset, 2); break;
                case "count-too-low": SetU16(bundle, OrgBundleLayout.CountOffset, 0); break;
                case "no-organisation-with-entries": bundle[OrgBundleLayout.NameLengthOffset] = 0; break;
                case "certificate-length-zero": bundle[entry + OrgBundleLayout.EntryCertLengthOffset] = 0; break;
                case "certificate-length-171": bundle[entry + OrgBundleLayout.EntryCertLengthOffset] = OrgBundleLayout.MaxCertificateBytes + 1; break;
                default: throw new ArgumentException(damage);
            }
        }

        private static void SetU16(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }

        [Fact]
        public void Every_truncation_and_one_byte_of_padding_are_refused_and_change_nothing()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            byte[] bundle = BundleFor(acme, acme.Revoke(), alice, bob);
            byte[] before = alice.ReadFlash();

            for (int length = 0; length < bundle.Length; length++)
            {
                OrgBundleOutcome cut = Apply(alice, bundle.Take(length).ToArray());
                Assert.True(cut.Result == OrgBundleResult.Malformed, "cut at " + length + ": " + cut.Result);
            }

            OrgBundleOutcome padded = Apply(alice, bundle.Append((byte)0).ToArray());
            Assert.Equal(OrgBundleResult.Malformed, padded.Result);
            Assert.Equal("longer than its entry count says", padded.Detail);
            Assert.Equal(before, alice.ReadFlash());
        }

        [Fact]
        public void Forged_or_misplaced_certificates_are_refused_natively_with_the_reason_and_change_nothing()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            byte[] bundle = BundleFor(acme, null, alice);
            int cert = OrgBundleLayout.HeaderBytes + OrgBundleLayout.EntryCertOffset;
            int certLength = bundle[OrgBundleLayout.HeaderBytes + OrgBundleLayout.EntryCertLengthOffset];
            byte[] before = alice.ReadFlash();

            byte[] forged = (byte[])bundle.Clone();
            forged[cert + certLength - 1] ^= 0x01; // the signature's last byte
            OrgBundleOutcome refused = Apply(alice, forged);
            Assert.Equal(OrgBundleResult.Refused, refused.Result);
            Assert.Equal(CryptoStatus.Describe(CryptoStatus.CertSignature), refused.Detail);

            // Bob's valid certificate filed under Alice's key: the core sees it names another key
            byte[] misplaced = acme.Bundle(null, acme.Certificate(bob.Core.IdentityKey, "Bob", 2));
            Array.Copy(alice.Core.IdentityKey, 0, misplaced, OrgBundleLayout.HeaderBytes, 32);
            OrgBundleOutcome wrongKey = Apply(alice, misplaced);
            Assert.Equal(OrgBundleResult.Refused, wrongKey.Result);
            Assert.Equal(CryptoStatus.Describe(CryptoStatus.CertWrongKey), wrongKey.Detail);

            Assert.Equal(before, alice.ReadFlash());
            Assert.Equal("Certificate refused", OrgBundleScreens.For(wrongKey, alice.Core.IdentityKey).Title);
        }

        [Fact]
        public void An_older_list_in_the_image_than_the_phone_learned_is_not_an_error_and_a_forged_one_is_refused()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            byte[] cert = acme.Certificate(alice.Core.IdentityKey, "Alice", 1);
            byte[] listOne = acme.Revoke();
            Assert.Equal(OrgBundleResult.Installed, Apply(alice, acme.Bundle(listOne, cert)).Result);
            byte[] listTwo = acme.Revoke(); // learned from a peer after the image was built
            Assert.True(new OrgStore(alice.Store).OfferRevocationList(listTwo, listTwo.Length));
            int held = Info(alice).RevocationListVersion;
            Assert.Equal(2, held);
            byte[] before = alice.ReadFlash();

            OrgBundleOutcome older = Apply(alice, acme.Bundle(listOne, cert));
            Assert.Equal(OrgBundleResult.Unchanged, older.Result);
            Assert.Equal(0, older.ListVersion);
            Assert.Equal(held, Info(alice).RevocationListVersion);

            byte[] forgedList = acme.Bundle(acme.ListVersion(99), cert);
            forgedList[OrgBundleLayout.ListOffset + 30] ^= 0x01;
            OrgBundleOutcome refused = Apply(alice, forgedList);
            Assert.Equal(OrgBundleResult.Unchanged, refused.Result); // the certificate part is the installed one
            Assert.Equal(CryptoStatus.Describe(CryptoStatus.CertSignature), refused.ListProblem);
            Assert.Contains("REVOCATION LIST REFUSED", OrgBundleScreens.For(refused, alice.Core.IdentityKey).Lines[0]);
            Assert.Equal(before, alice.ReadFlash());
        }

        [Fact]
        public void Random_damage_never_throws_and_changes_nothing_but_the_unsigned_display_name()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            byte[] bundle = BundleFor(acme, acme.Revoke(), alice, bob);
            Assert.Equal(OrgBundleResult.Installed, Apply(alice, bundle).Result);
            var random = new Random(20261202);
            var seen = new System.Collections.Generic.HashSet<OrgBundleResult>();
            for (int round = 0; round < 400; round++)
            {
                byte[] damaged = (byte[])bundle.Clone();
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                }

                byte[] before = alice.ReadFlash();
                OrgBundleOutcome outcome = Apply(alice, damaged);
                seen.Add(outcome.Result);
                if (outcome.Changed)
                {
                    // the name is the administrator's label, not signed: only it may change, never the key or certificate
                    Assert.Equal(acme.PublicKey, Info(alice).PublicKey);
                    Assert.Equal(1, Info(alice).OwnSerial);
                    Apply(alice, bundle); // back to the real name for the next round
                }
                else
                {
                    Assert.True(before.SequenceEqual(alice.ReadFlash()), "round " + round + ": " + outcome.Result + " wrote flash");
                }
            }

            Assert.Contains(OrgBundleResult.Malformed, seen);
            Assert.Contains(OrgBundleResult.Refused, seen);
            Assert.Contains(OrgBundleResult.Unchanged, seen);
        }
    }
}
