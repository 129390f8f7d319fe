// SPDX-License-Identifier: MIT
using System;
using System.Linq;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Firmware.Ui;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware.Trust
{
    /// <summary>
    /// First calls between phones that never paired (docs/protocol.md §18.3): the organisation's
    /// certificates inside XX messages 2 and 3 pin "verified by &lt;organisation&gt;" without a code;
    /// any other peer gets the code comparison, with the reason a certificate was refused on the
    /// display and nothing stored.
    /// </summary>
    public class OrgTrustCallTests
    {
        [Fact]
        public void Same_organisation_first_call_pins_both_as_org_verified_without_a_code()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            acme.Provision(alice, 1);
            acme.Provision(bob, 2);

            Assert.True(alice.Core.CallNew(bob.Address));
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.OrgVerified, bob.Core.CallBadge);
            Assert.Null(bob.Core.CurrentScreen.Code); // no code to compare
            Assert.Contains("verified by Acme", Screens.BadgeText(bob.Core.CallBadge));
            Assert.Equal(CallState.RingingOut, alice.Core.CallState);
            Assert.Equal(Badge.OrgVerified, alice.Core.CallBadge);
            Assert.Equal("Acme", alice.Last(PhoneEventKind.OrgVerified).Text);

            var a = Assert.Single(alice.Contacts);
            var b = Assert.Single(bob.Contacts);
            Assert.Equal("Bob", a.Name);
            Assert.Equal("Alice", b.Name);
            Assert.True(a.OrgVerified && !a.Verified);
            Assert.True(b.OrgVerified && !b.Verified);
            Assert.Equal(" verified by Acme", Screens.VerificationText(a));

            bob.Core.Accept();
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));

            // the next call is IKpsk2 to the pinned key, as between paired phones: one round trip
            int before = alice.Count(PhoneEventKind.CallKeysReady);
            Assert.True(alice.Core.Call(a.Index, bob.Address));
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.OrgVerified, bob.Core.CallBadge);
            Assert.Equal(before + 1, alice.Count(PhoneEventKind.CallKeysReady));
            Assert.Equal(1, alice.Last(PhoneEventKind.CallKeysReady).RoundTrips);
        }

        /// <summary>The cost figure of docs/performance.md: what the certificates add to messages 2 and 3.</summary>
        [Fact]
        public void Certificates_add_their_section_to_verify_2_and_3_only()
        {
            // The whole message: VERIFY_2 travels as fragments (§2.1), joined here.
            int Size(Rig rig, byte type) => Fragments.Join(rig.Net.Log.Select(d => d.Bytes), type).Length;
            (int v2, int v3) FirstCall(bool organisation)
            {
                using var rig = new Rig();
                using var acme = new TestOrganisation("Acme");
                var alice = rig.Add("Alice", 1);
                var bob = rig.Add("Bob", 2);
                if (organisation)
                {
                    acme.Provision(alice, 1);
                    acme.Provision(bob, 2);
                }

                alice.Core.CallNew(bob.Address);
                Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.RingingIn));
                return (Size(rig, Phone.Firmware.Wire.MessageType.Verify2), Size(rig, Phone.Firmware.Wire.MessageType.Verify3));
            }

            var plain = FirstCall(false);
            var org = FirstCall(true);
            // 1 + certificate (138 + the name: "Bob" in VERIFY_2, "Alice" in VERIFY_3) + 2 + no list
            Assert.Equal(plain.v2 + 1 + 141 + 2, org.v2);
            Assert.Equal(plain.v3 + 1 + 143 + 2, org.v3);
        }

        [Fact]
        public void Another_organisation_falls_back_to_the_code_with_the_reason_shown()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            using var other = new TestOrganisation("Other Corp");
            var alice = rig.Add("Alice", 1);
            var eve = rig.Add("Eve", 2);
            acme.Provision(alice, 1);
            other.Provision(eve, 1);

            Assert.True(alice.Core.CallNew(eve.Address));
            Assert.True(rig.RunUntil(() => eve.Core.CallState == CallState.RingingIn));
            Assert.Equal(CallState.KeyWarning, alice.Core.CallState);
            Assert.Equal(Badge.Unverified, alice.Core.CallBadge);
            string reason = "certificate refused: certificate of another organisation; compare the code";
            Assert.Equal(reason, alice.Last(PhoneEventKind.CodeShown).Text);
            Assert.Contains(alice.Core.CurrentScreen.Lines, line => line.Contains(reason));
            Assert.Equal(reason, eve.Last(PhoneEventKind.Ringing).Text);
            Assert.NotNull(eve.Core.CurrentScreen.Code);
            Assert.Equal(alice.Core.CurrentCode, eve.Core.CurrentCode);
            Assert.Empty(alice.Contacts);
            Assert.Empty(eve.Contacts);

            // a phone can still compare codes with anyone
            Assert.True(alice.Core.ConfirmCode());
            Assert.True(eve.Core.ConfirmCode());
            rig.Settle();
            var e = Assert.Single(alice.Contacts);
            Assert.True(e.Verified && !e.OrgVerified);
            Assert.Equal(" verified (code)", Screens.VerificationText(e));
        }

        [Fact]
        public void Phone_without_organisation_gets_the_code_comparison()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            acme.Provision(alice, 1);

            Assert.True(bob.Core.CallNew(alice.Address));
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.Unverified, alice.Core.CallBadge);
            Assert.Equal("unverified: compare the code", alice.Last(PhoneEventKind.Ringing).Text);
            Assert.False(alice.Saw(PhoneEventKind.CertificateRefused));
            Assert.Equal(CallState.KeyWarning, bob.Core.CallState);
            Assert.Empty(alice.Contacts);
        }

        [Fact]
        public void Revoked_phone_is_refused_once_the_list_reached_the_callee()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var carol = rig.Add("Carol", 3);
            acme.Provision(alice, 1);
            acme.Provision(bob, 2);
            acme.Provision(carol, 3);
            // Bob's key is stolen: the organisation revokes serial 2; Alice gets the list, Carol not yet
            byte[] list = acme.Revoke(2);
            Assert.True(new OrgStore(alice.Store).OfferRevocationList(list, list.Length));

            Assert.True(bob.Core.CallNew(alice.Address));
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.Unverified, alice.Core.CallBadge);
            Assert.Equal("certificate refused: certificate revoked; compare the code", alice.Last(PhoneEventKind.Ringing).Text);
            Assert.Empty(alice.Contacts);
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));
            // Bob learned the list from Alice's message 2 and carries it on: Carol refuses him too
            Assert.Equal(1, new OrgStore(bob.Store).Info().RevocationListVersion);
            Assert.True(bob.Core.CallNew(carol.Address));
            Assert.True(rig.RunUntil(() => carol.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.Unverified, carol.Core.CallBadge);
            Assert.Equal(1, new OrgStore(carol.Store).Info().RevocationListVersion);
            Assert.Empty(carol.Contacts);
        }
    }
}
