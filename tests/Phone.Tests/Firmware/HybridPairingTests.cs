// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Firmware.Pairing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// issue 13: pairing is hybrid on the wire (ML-KEM-768 key in message 1, ciphertext in
    /// message 2, both fragmented), the pinned contact carries the hybrid flag through later
    /// calls, and a modified KEM value makes the pairing fail instead of completing classically.
    /// </summary>
    public class HybridPairingTests
    {
        [Fact]
        public void Pairing_is_hybrid_on_the_wire_and_pins_the_hybrid_flag_which_calls_keep()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, _) = rig.Pair(alice, bob);

            var pair1 = rig.Net.Log.Where(d => d.Type == MessageType.Pair1).ToList();
            var pair2 = rig.Net.Log.Where(d => d.Type == MessageType.Pair2).ToList();
            Assert.Equal(2, pair1.Count);
            Assert.Equal(2, pair2.Count);
            Assert.Equal(74 + CryptoCore.KemPublicKeyLength, Fragments.Join(pair1.Select(d => d.Bytes), MessageType.Pair1).Length);
            Assert.InRange(Fragments.Join(pair2.Select(d => d.Bytes), MessageType.Pair2).Length,
                139 + CryptoCore.KemCiphertextLength, 171 + CryptoCore.KemCiphertextLength);
            // Fragments of a first message end in their MACs (1,200 at most); every other one leaves MacReserve free.
            Assert.All(rig.Net.Log, d => Assert.InRange(d.Bytes.Length, 2, FirstMessageLayout.IsFirst(d.Type)
                ? WireFormat.MaxDatagram : WireFormat.MaxDatagram - FragmentFormat.MacReserve));
            Assert.Contains(alice.Screens, s => s.Kind == ScreenKind.Pairing && s.Lines.Contains(Screens.PostQuantumLine));
            Assert.Contains(bob.Screens, s => s.Kind == ScreenKind.PairingCode && s.Lines.Contains(Screens.PostQuantumLine));
            Assert.True(alice.Contacts.Single().Hybrid);
            Assert.True(bob.Contacts.Single().Hybrid);

            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));
            var after = alice.Contacts.Single();
            Assert.True(after.Generation > 1, "the call stepped the resumption chain");
            Assert.True(after.Hybrid && bob.Contacts.Single().Hybrid, "calls chained from a hybrid pairing keep the flag");
            Assert.Equal(" verified PQ", Screens.VerificationMark(after.Flags));
        }

        [Theory]
        [InlineData(MessageType.Pair2, 5)]    // a ciphertext byte: implicit rejection gives another secret
        [InlineData(MessageType.Pair1, 900)]  // a byte of the ML-KEM public key (inside fragment 0)
        public void A_modified_kem_value_makes_the_pairing_fail_and_pins_nothing(byte type, int bodyOffset)
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            int modified = 0;
            rig.Net.Interceptor = d =>
            {
                int at = FragmentFormat.HeaderLength + bodyOffset;
                if (d.Type == type && d.Bytes[FragmentFormat.IndexOffset] == 0 && at < d.Bytes.Length)
                {
                    d.Bytes[at] ^= 0x01; // every copy alike, as an attacker in the path would
                    modified++;
                }

                return true;
            };

            Assert.True(bob.Core.StartPairingMode()); // PAIR_1 is answered only in pairing mode
            alice.Core.Pair(bob.Address);
            rig.Run(15000);

            Assert.True(modified >= 1);
            Assert.True(alice.Saw(PhoneEventKind.PairingFailed), "the initiator's message 2 no longer reads");
            Assert.False(alice.Saw(PhoneEventKind.CodeShown));
            Assert.Empty(alice.Contacts);
            Assert.Empty(bob.Contacts);
            Assert.True(alice.Core.IsIdle && bob.Core.IsIdle);
            Assert.Equal(0, alice.Core.Counters.Drops(DropReason.Internal) + bob.Core.Counters.Drops(DropReason.Internal));
        }

        [Fact]
        public void Fragments_out_of_order_and_repeated_still_make_the_message()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            rig.Net.Interceptor = d =>
            {
                if (FragmentFormat.IsFragmented(d.Type) && d.DueAt >= 0)
                {
                    // fragment 0 late, every fragment twice
                    int delay = d.Bytes[FragmentFormat.IndexOffset] == 0 ? 7 : 0;
                    rig.Net.Requeue(new Datagram(d.From, d.To, (byte[])d.Bytes.Clone()) { DueAt = -1 - (d.DueAt + delay) });
                    rig.Net.Requeue(new Datagram(d.From, d.To, (byte[])d.Bytes.Clone()) { DueAt = -1 - (d.DueAt + delay + 1) });
                    return false;
                }

                return true;
            };
            rig.Net.LatencyMs = 5;

            Assert.True(bob.Core.StartPairingMode()); // PAIR_1 is answered only in pairing mode
            alice.Core.Pair(bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.PairingState == PairingState.CodeShown
                                            && bob.Core.PairingState == PairingState.CodeShown, 10000));
            Assert.Equal(alice.Core.CurrentCode, bob.Core.CurrentCode);
            Assert.True(bob.Core.Counters.MessagesReassembled >= 1);
            Assert.True(bob.Core.Counters.Drops(DropReason.FragmentDiscarded) >= 1, "the second copy of a fragment is counted");
        }
    }
}
