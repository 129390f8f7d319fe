// SPDX-License-Identifier: MIT
using System;
using System.Linq;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// issue 13: reassembly of fragmented handshake messages has bounded memory (a fixed number
    /// of slots, per-host limit, timeout) and checks every fragment header; a flood of bogus
    /// fragments costs no memory beyond the table and does not stop a real pairing. The flood is
    /// of VERIFY_1 fragments with a valid mac1 (the open key: anyone can make one) and of the right
    /// length, so they pass the per-datagram cookie gate and really reach the table (a PAIR_1 would
    /// stop at the pairing-mode gate once the mode's attempt runs, CookieGateTests cover bad MACs).
    /// </summary>
    public class FragmentFloodTests
    {
        private const int Slots = 4; // Reassembly.Slots (internal)
        private readonly ITestOutputHelper _output;

        public FragmentFloodTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>A fragment (of 2) of a VERIFY_1 that will never be completed: right length, valid mac1.</summary>
        private static byte[] Bogus(Random random, uint senderId, int index = 0)
        {
            var d = new byte[FirstMessageLayout.FragmentLength(MessageType.Verify1, index, 2)];
            random.NextBytes(d);
            HandshakeDatagram.WriteHeader(d, MessageType.Verify1, senderId, 0);
            d[FragmentFormat.IndexOffset] = (byte)index;
            d[FragmentFormat.CountOffset] = 2;
            Stamp(d);
            return d;
        }

        /// <summary>mac1 under the open key (mac2 zero), as any sender of a VERIFY_1 computes it.</summary>
        private static void Stamp(byte[] d)
        {
            CookieMacs.Stamp(CookieKeys.Open().Mac1Key, null, d, 0, d.Length);
        }

        [Fact]
        public void Thousands_of_bogus_fragments_keep_memory_bounded_and_a_real_pairing_completes()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var random = new Random(13);
            const int PerTick = 40;
            int bogus = 0;
            int maxPartials = 0;
            long allocated = 0;

            // 4,000 bogus fragments a second from thousands of spoofed hosts, between the
            // network's deliveries; the real pairing's fragments arrive back to back, as a
            // sender's do. (A flood dense enough to land between two such fragments is what
            // the cookie's MAC check below reassembly is for: §2.1, §11.)
            // Built before measuring, so the allocation figure is the phone's alone.
            const int Ticks = 150;
            var sources = new NetAddress[Ticks * PerTick];
            var ids = new uint[sources.Length];
            for (int i = 0; i < sources.Length; i++)
            {
                // Many spoofed hosts, and one host sending from many ports.
                sources[i] = i % 2 == 0
                    ? new NetAddress(10, 9, (byte)random.Next(256), (byte)random.Next(256), 4000)
                    : new NetAddress(10, 8, 0, 1, 1000 + random.Next(5000));
                ids[i] = (uint)random.Next(1, int.MaxValue);
            }

            var flood = new byte[sources.Length][];
            for (int i = 0; i < flood.Length; i++)
            {
                flood[i] = Bogus(random, ids[i]);
            }

            Assert.True(bob.Core.StartPairingMode());
            alice.Core.Pair(bob.Address);
            for (int tick = 0; tick < Ticks; tick++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < PerTick; i++)
                {
                    byte[] d = flood[bogus];
                    bob.Core.OnDatagram(sources[bogus], d, 0, d.Length);
                    bogus++;
                    maxPartials = Math.Max(maxPartials, bob.Core.PartialMessages);
                }

                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                rig.Run(10, 1);
            }

            Assert.Equal(PairingState.CodeShown, alice.Core.PairingState);
            Assert.Equal(PairingState.CodeShown, bob.Core.PairingState);
            Assert.Equal(alice.Core.CurrentCode, bob.Core.CurrentCode);
            var c = bob.Core.Counters;
            _output.WriteLine($"{bogus} bogus fragments: max {maxPartials} partial messages held, {allocated} bytes " +
                              $"allocated while taking them, {c.PartialsDiscarded} partials discarded; bob: {c}");
            Assert.True(bogus >= 1000, "the flood ran " + bogus);
            Assert.InRange(maxPartials, 1, Slots);
            Assert.True(bob.Core.PartialMessages <= Slots);
            // Incomplete fragments are copied into the fixed table, never into new buffers:
            // far below one byte per byte received (bogus * 1,168).
            Assert.True(allocated < bogus * 16L, "allocated " + allocated);
            Assert.True(c.PartialsDiscarded >= bogus - Slots - 4);
            Assert.Equal(0, c.Drops(DropReason.BadMac));
            Assert.Equal(0, c.Drops(DropReason.Internal));
        }

        [Fact]
        public void One_host_holds_at_most_two_partial_messages()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            var random = new Random(2);
            var host = new NetAddress(10, 7, 7, 7, 1);
            var other = new NetAddress(10, 7, 7, 8, 1);
            byte[] first = Bogus(random, 99);
            bob.Core.OnDatagram(other, first, 0, first.Length);
            for (int i = 0; i < 100; i++)
            {
                byte[] d = Bogus(random, (uint)(1000 + i));
                bob.Core.OnDatagram(new NetAddress(10, 7, 7, 7, 2000 + i), d, 0, d.Length);
            }

            Assert.Equal(3, bob.Core.PartialMessages); // two of the flooding host's, the other host's one
            Assert.Equal(98, bob.Core.Counters.PartialsDiscarded);
            // The other host's partial survived: its second fragment completes the message.
            byte[] second = Bogus(random, 99, 1);
            int reassembled = bob.Core.Counters.MessagesReassembled;
            bob.Core.OnDatagram(other, second, 0, second.Length);
            Assert.Equal(reassembled + 1, bob.Core.Counters.MessagesReassembled);
            Assert.Equal(2, bob.Core.PartialMessages);
            _ = host;
        }

        [Fact]
        public void A_partial_message_times_out()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            var random = new Random(3);
            byte[] d = Bogus(random, 5);
            bob.Core.OnDatagram(FakeNetwork.Address(7), d, 0, d.Length);
            Assert.Equal(1, bob.Core.PartialMessages);
            rig.Clock.Advance(4999);
            byte[] e = Bogus(random, 6);
            bob.Core.OnDatagram(FakeNetwork.Address(8), e, 0, e.Length);
            Assert.Equal(2, bob.Core.PartialMessages);
            rig.Clock.Advance(1);
            bob.Core.OnDatagram(FakeNetwork.Address(8), e, 0, e.Length); // any fragment sweeps the table
            Assert.Equal(1, bob.Core.PartialMessages);
            Assert.Equal(1, bob.Core.Counters.PartialsDiscarded);
        }

        [Theory]
        [InlineData(0, 2, 1168, DropReason.None)]        // a full first fragment (held)
        [InlineData(0, 0, 100, DropReason.Malformed)]    // count 0
        [InlineData(0, 3, 100, DropReason.Malformed)]    // more fragments than a message may have
        [InlineData(2, 2, 100, DropReason.Malformed)]    // index beyond the count
        [InlineData(0, 2, 1000, DropReason.Malformed)]   // a short chunk that is not the last
        [InlineData(1, 2, 1169, DropReason.Oversized)]   // a chunk longer than MaxChunk (no room for the MAC)
        [InlineData(0, 2, 12, DropReason.Truncated)]     // no chunk at all
        public void Fragment_headers_are_checked_before_anything_is_kept(int index, int count, int length, DropReason expected)
        {
            // PAIR_2 fragments for an exchange Bob runs (a fragment naming no exchange is not kept at all).
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            Assert.True(bob.Core.Pair(FakeNetwork.Address(9)));
            uint bobId = HandshakeDatagram.SenderId(rig.Net.Log.First(x => x.Type == MessageType.Pair1).Bytes, 0);
            byte[] d = new byte[WireFormat.MaxDatagram];
            new Random(4).NextBytes(d);
            HandshakeDatagram.WriteHeader(d, MessageType.Pair2, 77, bobId);
            d[FragmentFormat.IndexOffset] = (byte)index;
            d[FragmentFormat.CountOffset] = (byte)count;
            int total = bob.Core.Counters.TotalDrops;
            bob.Core.OnDatagram(FakeNetwork.Address(7), d, 0, length);
            if (expected == DropReason.None)
            {
                Assert.Equal(total, bob.Core.Counters.TotalDrops);
                Assert.Equal(1, bob.Core.PartialMessages);
            }
            else
            {
                Assert.Equal(1, bob.Core.Counters.Drops(expected));
                Assert.Equal(0, bob.Core.PartialMessages);
            }
        }

        [Theory]
        [InlineData(0, 2, 0, DropReason.None)]           // a full first fragment, 1,200 bytes with its MACs (held)
        [InlineData(1, 2, 0, DropReason.None)]           // the last one, padded to 171 (held)
        [InlineData(1, 2, 1, DropReason.Oversized)]      // its length is exact: padding is not free
        [InlineData(0, 2, -1, DropReason.Truncated)]
        [InlineData(0, 1, 0, DropReason.Malformed)]      // a VERIFY_1 always takes 2 fragments
        [InlineData(2, 2, 0, DropReason.Malformed)]
        public void First_message_fragments_have_exact_lengths_and_a_mac_before_anything_is_kept(int index, int count,
            int delta, DropReason expected)
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            int length = FirstMessageLayout.FragmentLength(MessageType.Verify1, Math.Min(index, 1), 2) + delta;
            var d = new byte[length];
            new Random(5).NextBytes(d);
            HandshakeDatagram.WriteHeader(d, MessageType.Verify1, 77, 0);
            d[FragmentFormat.IndexOffset] = (byte)index;
            d[FragmentFormat.CountOffset] = (byte)count;
            Stamp(d);
            int total = bob.Core.Counters.TotalDrops;
            bob.Core.OnDatagram(FakeNetwork.Address(7), d, 0, d.Length);
            Assert.Equal(expected == DropReason.None ? total : total + 1, bob.Core.Counters.TotalDrops);
            Assert.Equal(expected == DropReason.None ? 1 : 0, bob.Core.PartialMessages);
            if (expected != DropReason.None)
            {
                Assert.Equal(1, bob.Core.Counters.Drops(expected));
            }

            // The same fragment with one bit of it changed: its mac1 no longer verifies, nothing is kept.
            if (expected == DropReason.None)
            {
                d[FragmentFormat.HeaderLength] ^= 1;
                bob.Core.OnDatagram(FakeNetwork.Address(8), d, 0, d.Length);
                Assert.Equal(1, bob.Core.Counters.Drops(DropReason.BadMac));
                Assert.Equal(1, bob.Core.PartialMessages);
            }
        }

        [Fact]
        public void A_pair1_outside_pairing_mode_costs_no_reassembly_memory()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            var whole = new byte[HandshakeDatagram.FirstBodyLength(MessageType.Pair1)];
            HandshakeDatagram.WriteHeader(whole, MessageType.Pair1, 77, 0);
            var fragments = Fragments.Split(whole); // valid mac1 on each
            bob.Core.OnDatagram(FakeNetwork.Address(7), fragments[0], 0, fragments[0].Length);
            Assert.Equal(0, bob.Core.PartialMessages);
            Assert.Equal(1, bob.Core.Counters.Drops(DropReason.NotPairing));
            Assert.True(bob.Core.StartPairingMode());
            bob.Core.OnDatagram(FakeNetwork.Address(7), fragments[0], 0, fragments[0].Length);
            Assert.Equal(1, bob.Core.PartialMessages); // in pairing mode the same fragment is held
        }
    }
}
