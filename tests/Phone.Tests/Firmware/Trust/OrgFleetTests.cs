// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Linq;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Firmware.Ui;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware.Trust
{
    /// <summary>
    /// The organisation fleet (issue 14): 50 phones of one organisation in one process on the
    /// in-memory network, none paired. Every phone calls three others (seeded choice) and every
    /// call is verified by the organisation; a phone of another organisation falls back to the
    /// code comparison; a revoked phone is refused once the list has spread by first calls.
    /// </summary>
    public class OrgFleetTests
    {
        private const int Fleet = 50;
        private const int CallsEach = 3;
        private readonly ITestOutputHelper _out;

        public OrgFleetTests(ITestOutputHelper output)
        {
            _out = output;
        }

        [Fact]
        public void Fifty_phones_call_each_other_verified_by_the_organisation()
        {
            using var rig = new Rig();
            using var acme = new TestOrganisation("Acme");
            var phones = new List<TestPhone>();
            for (int i = 0; i < Fleet; i++)
            {
                phones.Add(rig.Add("Desk " + i, i + 1));
                acme.Provision(phones[i], (ulong)(1000 + i));
            }

            var random = new Random(14);
            int verified = 0, firstCalls = 0;
            foreach (var caller in phones)
            {
                foreach (var callee in phones.Where(p => p != caller).OrderBy(_ => random.Next()).Take(CallsEach))
                {
                    firstCalls += Dial(caller, callee) ? 1 : 0;
                    Assert.True(rig.RunUntil(() => callee.Core.CallState == CallState.RingingIn), caller.Name + " -> " + callee.Name);
                    Assert.Equal(Badge.OrgVerified, callee.Core.CallBadge);
                    Assert.Equal(Badge.OrgVerified, caller.Core.CallBadge);
                    verified++;
                    callee.Core.HangUp();
                    Assert.True(rig.RunUntil(() => caller.Core.IsIdle && callee.Core.IsIdle));
                }
            }

            _out.WriteLine(verified + " calls verified by the organisation, " + firstCalls + " of them first calls (XX)");
            Assert.Equal(Fleet * CallsEach, verified);
            Assert.True(firstCalls > Fleet);
            Assert.All(phones.SelectMany(p => p.Contacts), c => Assert.True(c.OrgVerified && !c.Verified));
            Assert.All(phones, p => Assert.Equal(0, p.Count(PhoneEventKind.CodeShown)));

            OutsiderFallsBackToCode(rig, phones[0]);
            RevokedPhoneRefusedOnceListSpread(rig, acme, phones);
        }

        /// <summary>A call between these two phones: a first call (XX) if they never met, else IKpsk2. True for a first call.</summary>
        private static bool Dial(TestPhone caller, TestPhone callee)
        {
            var contact = caller.Contacts.FirstOrDefault(c => c.PublicKey.AsSpan().SequenceEqual(callee.Core.IdentityKey));
            Assert.True(contact == null ? caller.Core.CallNew(callee.Address) : caller.Core.Call(contact.Index, callee.Address));
            return contact == null;
        }

        private static void OutsiderFallsBackToCode(Rig rig, TestPhone member)
        {
            using var other = new TestOrganisation("Other Corp");
            var outsider = rig.Add("Visitor", 200);
            other.Provision(outsider, 1);
            Assert.True(outsider.Core.CallNew(member.Address));
            Assert.True(rig.RunUntil(() => member.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.Unverified, member.Core.CallBadge);
            Assert.NotNull(member.Core.CurrentScreen.Code);
            Assert.Equal(CallState.KeyWarning, outsider.Core.CallState);
            Assert.Equal(member.Core.CurrentCode, outsider.Core.CurrentCode);
            member.Core.HangUp();
            Assert.True(rig.RunUntil(() => member.Core.IsIdle && outsider.Core.IsIdle));
            Assert.DoesNotContain(member.Contacts, c => c.PublicKey.AsSpan().SequenceEqual(outsider.Core.IdentityKey));
        }

        /// <summary>
        /// Desk 49 is revoked; the list goes to Desk 0 only and spreads by first calls (each phone that
        /// has it calls a phone it never met). Then every phone Desk 49 never met refuses it.
        /// </summary>
        private void RevokedPhoneRefusedOnceListSpread(Rig rig, TestOrganisation acme, List<TestPhone> phones)
        {
            TestPhone revoked = phones[Fleet - 1];
            byte[] list = acme.Revoke(1000 + Fleet - 1);
            Assert.True(new OrgStore(phones[0].Store).OfferRevocationList(list, list.Length));
            int rounds = 0;
            while (phones.Any(p => Version(p) == 0) && rounds++ < Fleet)
            {
                foreach (var holder in phones.Where(p => Version(p) == 1 && p != revoked).ToList())
                {
                    var stranger = phones.FirstOrDefault(p => Version(p) == 0 && !Knows(holder, p));
                    if (stranger == null)
                    {
                        continue;
                    }

                    Assert.True(holder.Core.CallNew(stranger.Address));
                    Assert.True(rig.RunUntil(() => stranger.Core.CallState == CallState.RingingIn));
                    stranger.Core.HangUp();
                    Assert.True(rig.RunUntil(() => holder.Core.IsIdle && stranger.Core.IsIdle));
                }
            }

            _out.WriteLine("revocation list spread to every phone in " + rounds + " rounds of first calls");
            Assert.All(phones, p => Assert.Equal(1, Version(p)));
            // phones that had pinned the revoked phone no longer show it verified by the organisation,
            // and its IKpsk2 calls ring UNVERIFIED there
            var met = phones.Where(p => p != revoked && Knows(p, revoked)).ToList();
            Assert.NotEmpty(met);
            Assert.All(met, p => Assert.False(ContactOf(p, revoked).OrgVerified));
            var known = met[0];
            Assert.True(revoked.Core.Call(revoked.Contacts.First(c => c.PublicKey.AsSpan().SequenceEqual(known.Core.IdentityKey)).Index,
                known.Address));
            Assert.True(rig.RunUntil(() => known.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.Unverified, known.Core.CallBadge);
            known.Core.HangUp();
            Assert.True(rig.RunUntil(() => revoked.Core.IsIdle && known.Core.IsIdle));
            var strangers = phones.Where(p => p != revoked && !Knows(p, revoked)).Take(5).ToList();
            Assert.NotEmpty(strangers);
            foreach (var callee in strangers)
            {
                Assert.True(revoked.Core.CallNew(callee.Address));
                Assert.True(rig.RunUntil(() => callee.Core.CallState == CallState.RingingIn));
                Assert.Equal(Badge.Unverified, callee.Core.CallBadge);
                Assert.Equal("certificate refused: certificate revoked; compare the code", callee.Last(PhoneEventKind.Ringing).Text);
                callee.Core.HangUp();
                Assert.True(rig.RunUntil(() => revoked.Core.IsIdle && callee.Core.IsIdle));
                Assert.False(Knows(callee, revoked));
            }
        }

        private static ContactRecord ContactOf(TestPhone a, TestPhone b) =>
            a.Contacts.First(c => c.PublicKey.AsSpan().SequenceEqual(b.Core.IdentityKey));

        private static int Version(TestPhone p) => new OrgStore(p.Store).Info().RevocationListVersion;

        private static bool Knows(TestPhone a, TestPhone b) =>
            a.Contacts.Any(c => c.PublicKey.AsSpan().SequenceEqual(b.Core.IdentityKey));
    }
}
