// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Linq;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>issue 9 item 6: the cookie gate's rules one by one (docs/protocol.md §2, §11.1).</summary>
    public class CookieGateTests
    {
        private static (Rig, TestPhone, TestPhone) TwoPhones()
        {
            var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2, c =>
            {
                c.GlobalRate = 20;
                c.PerSourceRate = 4;
            });
            return (rig, alice, bob);
        }

        /// <summary>
        /// A VERIFY_1 anyone can make (arbitrary e, commitment and call id; the open mac1 on each of its
        /// fragments). A VERIFY_1 is answered without a user action, so it spends the global budget;
        /// a PAIR_1 outside pairing mode would stop at the pairing-mode gate first.
        /// </summary>
        private static List<byte[]> SpoofedVerify1()
        {
            byte[] body = Enumerable.Range(0, HandshakeDatagram.FirstBodyLength(MessageType.Verify1))
                .Select(i => (byte)(i * 3 + 1)).ToArray();
            HandshakeDatagram.WriteHeader(body, MessageType.Verify1, 0x77, 0);
            return Fragments.Split(body);
        }

        /// <summary>Puts Bob under load: more first messages than his global budget, from spoofed sources.</summary>
        private static void Load(Rig rig, TestPhone bob, List<byte[]> firstMessage)
        {
            for (int i = 0; i < 40; i++)
            {
                foreach (byte[] fragment in firstMessage)
                {
                    rig.Net.Inject(new NetAddress(127, 9, 0, (byte)i, 4000), bob.Address, fragment);
                }
            }

            rig.Settle();
        }

        [Fact]
        public void Under_load_a_real_initiator_gets_a_cookie_and_its_retransmission_is_admitted_with_mac2()
        {
            var (rig, alice, bob) = TwoPhones();
            using var _ = rig;
            Load(rig, bob, SpoofedVerify1());
            Assert.True(bob.Core.StartPairingMode());
            Assert.True(alice.Core.Pair(bob.Address));
            rig.Settle();
            var cookie = rig.Net.Log.Last(d => d.To.SameAs(alice.Address));
            Assert.Equal(MessageType.CookieReply, cookie.Type);
            Assert.Equal(CookieReplyDatagram.Length, cookie.Bytes.Length);
            // One COOKIE_REPLY per fragment of PAIR_1; Alice opens each (she keeps both fragments' mac1).
            Assert.Equal(2, alice.Core.Counters.CookiesReceived);
            Assert.True(rig.RunUntil(() => alice.Core.CurrentCode != null && bob.Core.CurrentCode != null, 3000));
            var pair1s = rig.Net.Log.Where(d => d.From.SameAs(alice.Address) && d.Type == MessageType.Pair1).ToList();
            Assert.True(pair1s[0].Bytes.Skip(pair1s[0].Bytes.Length - 16).All(b => b == 0)); // no cookie yet
            Assert.False(pair1s[^1].Bytes.Skip(pair1s[^1].Bytes.Length - 16).All(b => b == 0)); // mac2
        }

        [Fact]
        public void A_cookie_reply_from_another_address_or_for_another_id_or_forged_is_refused()
        {
            var (rig, alice, bob) = TwoPhones();
            using var _ = rig;
            Load(rig, bob, SpoofedVerify1());
            byte[] reply = null;
            rig.Net.Interceptor = d =>
            {
                if (d.Type == MessageType.CookieReply && d.To.SameAs(alice.Address))
                {
                    reply ??= (byte[])d.Bytes.Clone();
                    return false;
                }

                return true;
            };
            Assert.True(bob.Core.StartPairingMode());
            Assert.True(alice.Core.Pair(bob.Address));
            rig.Settle();
            Assert.NotNull(reply);
            rig.Net.Interceptor = null;
            var forged = (byte[])reply.Clone();
            forged[20] ^= 1;
            var otherId = (byte[])reply.Clone();
            otherId[2] ^= 1;
            alice.Core.OnDatagram(FakeNetwork.Address(9), reply, 0, reply.Length);
            alice.Core.OnDatagram(bob.Address, forged, 0, forged.Length);
            alice.Core.OnDatagram(bob.Address, otherId, 0, otherId.Length);
            alice.Core.OnDatagram(bob.Address, reply, 0, reply.Length - 1);
            Assert.Equal(0, alice.Core.Counters.CookiesReceived);
            Assert.Equal(4, alice.Core.Counters.Drops(DropReason.UnexpectedMessage));
            alice.Core.OnDatagram(bob.Address, reply, 0, reply.Length);
            Assert.Equal(1, alice.Core.Counters.CookiesReceived);
        }

        [Fact]
        public void A_call_1_for_a_key_the_callee_no_longer_has_gets_a_fallback_without_a_handshake()
        {
            var (rig, alice, bob) = TwoPhones();
            using var _ = rig;
            int bobIndex = rig.Pair(alice, bob).Item1;
            var contact = alice.Contacts.Single(c => c.Index == bobIndex);
            byte[] body = new byte[HandshakeDatagram.FirstBodyLength(MessageType.Call1)];
            HandshakeDatagram.WriteHeader(body, MessageType.Call1, 0x55, 0);
            byte[] wrongKey = (byte[])contact.PublicKey.Clone();
            wrongKey[0] ^= 1;
            var attacker = FakeNetwork.Address(8);
            var replies = new List<byte[]>();
            rig.Net.Attach(attacker, d => replies.Add(d.Bytes));
            byte[] forOther = FirstMessages.Seal(body, wrongKey);
            bob.Core.OnDatagram(attacker, forOther, 0, forOther.Length);
            rig.Settle();
            Assert.Equal(1, bob.Core.Counters.Drops(DropReason.BadMac));
            var fallback = Assert.Single(replies);
            Assert.Equal(MessageType.CallFallback, fallback[1]);
            Assert.Equal(FallbackReason.CannotDecrypt, fallback[WireFormat.HandshakeBodyOffset]);
            Assert.Equal(0x55u, HandshakeDatagram.ReceiverId(fallback, 0));
            Assert.Equal(0, bob.Core.PendingCount);
            Assert.Equal(CallState.Idle, bob.Core.CallState);
        }

        [Fact]
        public void A_pair_1_with_a_wrong_mac1_is_dropped_silently()
        {
            var (rig, _, bob) = TwoPhones();
            using var __ = rig;
            byte[] body = new byte[HandshakeDatagram.FirstBodyLength(MessageType.Pair1)];
            HandshakeDatagram.WriteHeader(body, MessageType.Pair1, 0x66, 0);
            byte[] pair1 = Fragments.Split(body)[0];
            pair1[20] ^= 1; // after mac1 was computed
            var attacker = FakeNetwork.Address(8);
            var replies = new List<byte[]>();
            rig.Net.Attach(attacker, d => replies.Add(d.Bytes));
            bob.Core.OnDatagram(attacker, pair1, 0, pair1.Length);
            rig.Settle();
            Assert.Equal(1, bob.Core.Counters.Drops(DropReason.BadMac));
            Assert.Empty(replies);
            Assert.Equal(0, bob.Core.PendingCount);
        }

        [Fact]
        public void No_reply_is_larger_than_the_datagram_it_answers()
        {
            // Single-datagram replies are smaller than any first-message datagram, each fragment included.
            foreach (byte first in new[] { MessageType.Pair1, MessageType.Verify1 })
            {
                Assert.InRange(FirstMessageLayout.FragmentLength(first, 1, 2), FirstMessageLayout.PaddedLength, 1200);
                Assert.Equal(WireFormat.MaxDatagram, FirstMessageLayout.FragmentLength(first, 0, 2));
            }

            Assert.Equal(DropReason.None, HandshakeDatagram.CheckLength(MessageType.Call1, FirstMessageLayout.PaddedLength));
            Assert.Equal(DropReason.Oversized, HandshakeDatagram.CheckLength(MessageType.Call2, FirstMessageLayout.PaddedLength));
            // PAIR_2 / VERIFY_2 with a 32-byte name and no organisation section: 1,259 bytes whole, 1,273 in its
            // two fragments, against the 1,371 of the PAIR_1 / VERIFY_1 fragments it answers (§11).
            const int reply2Whole = 10 + 1088 + 32 + 48 + 32 + 1 + 16 + 32;
            Assert.Equal(DropReason.None, HandshakeDatagram.CheckLength(MessageType.Pair2, reply2Whole));
            int reply2Wire = reply2Whole - WireFormat.HandshakeBodyOffset
                             + 2 * FragmentFormat.HeaderLength;
            foreach (byte first in new[] { MessageType.Pair1, MessageType.Verify1 })
            {
                int firstWire = FirstMessageLayout.FragmentLength(first, 0, 2) + FirstMessageLayout.FragmentLength(first, 1, 2);
                Assert.True(reply2Wire < firstWire, $"{reply2Wire} >= {firstWire}");
            }

            Assert.True(CookieReplyDatagram.Length < FirstMessageLayout.PaddedLength);

            // A wrong-version datagram shorter than an ERROR gets none.
            var (rig, _, bob) = TwoPhones();
            using var __ = rig;
            var attacker = FakeNetwork.Address(8);
            var replies = new List<byte[]>();
            rig.Net.Attach(attacker, d => replies.Add(d.Bytes));
            for (int n = 2; n <= 8; n++)
            {
                var b = new byte[n];
                b[0] = 1;
                bob.Core.OnDatagram(attacker, b, 0, n);
            }

            rig.Settle();
            var error = Assert.Single(replies);
            Assert.Equal(WireFormat.ErrorLength, error.Length);
        }
    }
}
