// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware
{
    public class BadInputTests
    {
        private readonly ITestOutputHelper _output;

        public BadInputTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>The version this firmware speaks, and one it does not.</summary>
        private const int V = WireFormat.Version, Other = WireFormat.Version + 1;

        private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

        private static byte[] Datagram(int version, int type, int length, int fill = 0x5A)
        {
            var b = Enumerable.Repeat((byte)fill, length).ToArray();
            if (length > 0) b[0] = (byte)version;
            if (length > 1) b[1] = (byte)type;
            return b;
        }

        /// <summary>A fragment of a first message from sender 5: right header, junk chunk, junk MACs.</summary>
        private static byte[] Fragment(byte type, int index, int count, int length)
        {
            var b = Datagram(V, type, length);
            HandshakeDatagram.WriteHeader(b, type, 5, 0);
            b[FragmentFormat.IndexOffset] = (byte)index;
            b[FragmentFormat.CountOffset] = (byte)count;
            return b;
        }

        [Fact]
        public void Each_kind_of_bad_datagram_is_dropped_with_its_reason()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            var from = FakeNetwork.Address(7);
            var c = bob.Core.Counters;
            void Send(byte[] b) => bob.Core.OnDatagram(from, b, 0, b.Length);

            const int V = WireFormat.Version;
            Send(new byte[0]);
            Send(Bytes(1));
            Assert.Equal(2, c.Drops(DropReason.Truncated));
            Send(Datagram(V, MessageType.Pair1, 1201));
            Send(Datagram(V, MessageType.Secure, 4000));
            Assert.Equal(2, c.Drops(DropReason.Oversized));
            Send(Datagram(1, MessageType.Pair1, 74)); // version 1: before the cookie (§2)
            Send(Datagram(0, 0, 2));
            Assert.Equal(2, c.Drops(DropReason.UnsupportedVersion));
            Send(Datagram(V, 0, 40));
            Send(Datagram(V, 12, 40));
            Send(Datagram(V, 200, 40));
            Assert.Equal(3, c.Drops(DropReason.UnknownType));
            Send(Datagram(V, MessageType.Pair1, 9));
            Send(Datagram(V, MessageType.Pair1, FragmentFormat.HeaderLength)); // a fragment without a chunk
            Send(Datagram(V, MessageType.Call1, 170));
            Send(Datagram(V, MessageType.Secure, 36));
            Assert.Equal(2 + 4, c.Drops(DropReason.Truncated));
            // A PAIR_1 fragment one byte longer than its index says (checked per datagram, before its MAC).
            Send(Fragment(MessageType.Pair1, 1, 2, FirstMessageLayout.FragmentLength(MessageType.Pair1, 1, 2) + 1));
            Send(Datagram(V, MessageType.Call2, 200));
            Assert.Equal(2 + 2, c.Drops(DropReason.Oversized));
            Send(Datagram(V, MessageType.Secure, 60));
            Send(Datagram(V, MessageType.Pair2, 142));
            Assert.Equal(2, c.Drops(DropReason.UnknownSession));
            // Fragments of the right length whose mac1 (junk) does not verify: no reassembly memory spent.
            Send(Fragment(MessageType.Pair1, 1, 2, FirstMessageLayout.FragmentLength(MessageType.Pair1, 1, 2)));
            Send(Fragment(MessageType.Verify1, 0, 2, FirstMessageLayout.FragmentLength(MessageType.Verify1, 0, 2)));
            Assert.Equal(2, c.Drops(DropReason.BadMac));
            Assert.Equal(0, bob.Core.PartialMessages);
            Send(Datagram(V, MessageType.CookieReply, 62)); // answers nothing we sent
            Assert.Equal(1, c.Drops(DropReason.UnexpectedMessage));
            var noSender = Datagram(V, MessageType.Pair1, 74, 0);
            Send(noSender);
            var pair3First = Datagram(V, MessageType.Pair3, 112, 0);
            Send(pair3First);
            Assert.Equal(2, c.Drops(DropReason.Malformed));
            Send(Datagram(V, MessageType.Error, 8));
            Assert.Equal(1, c.Drops(DropReason.ErrorReceived));

            Assert.Equal(0, c.Drops(DropReason.Internal));
            Assert.True(bob.Core.IsIdle);
        }

        [Fact]
        public void Wrong_version_gets_a_rate_limited_error_and_errors_are_never_answered()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            var replies = new List<byte[]>();
            var from = FakeNetwork.Address(7);
            rig.Net.Attach(from, d => replies.Add(d.Bytes));
            for (int i = 0; i < 100; i++)
            {
                var b = Datagram(1, MessageType.Pair1, 74); // a version-1 phone
                bob.Core.OnDatagram(from, b, 0, b.Length);
            }

            rig.Settle();
            Assert.Equal(bob.Config.ErrorRate, replies.Count);
            Assert.All(replies, r => Assert.Equal(
                new byte[] { WireFormat.Version, 255, ErrorCode.UnsupportedVersion, WireFormat.Version, 0, 0, 0, 0 }, r));
            rig.Run(1000, 100);
            replies.Clear();
            var error = Datagram(1, MessageType.Error, 8);
            bob.Core.OnDatagram(from, error, 0, error.Length);
            rig.Settle();
            Assert.Empty(replies);
            Assert.Equal(101, bob.Core.Counters.Drops(DropReason.UnsupportedVersion));
        }

        [Fact]
        public void Garbage_and_mutated_datagrams_leave_the_phone_working_and_its_flash_untouched()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, _) = rig.Pair(alice, bob);
            int logStart = rig.Net.Log.Count;
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.Connected));
            rig.Run(500);
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));
            var samples = rig.Net.Log.Skip(logStart).Where(d => d.To.SameAs(bob.Address)).Select(d => d.Bytes)
                .GroupBy(b => b[1]).Select(g => g.First()).ToList();
            samples.AddRange(rig.Net.Log.Take(logStart).Where(d => d.To.SameAs(bob.Address)).Select(d => d.Bytes));
            byte[] flash = bob.ReadFlash();
            var random = new Random(1234);
            var attacker = FakeNetwork.Address(66);
            int sent = 0;

            for (int i = 0; i < 3000; i++)
            {
                byte[] b;
                switch (i % 4)
                {
                    case 0:
                        b = new byte[random.Next(0, 1400)];
                        random.NextBytes(b);
                        if (b.Length > 0 && random.Next(2) == 0) b[0] = WireFormat.Version;
                        if (b.Length > 1 && random.Next(2) == 0) b[1] = (byte)random.Next(1, 12);
                        break;
                    case 1:
                        b = (byte[])samples[random.Next(samples.Count)].Clone();
                        for (int k = random.Next(1, 4); k > 0; k--) b[random.Next(b.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    case 2:
                        var s = samples[random.Next(samples.Count)];
                        b = s.Take(random.Next(0, s.Length)).ToArray();
                        break;
                    default:
                        var t = samples[random.Next(samples.Count)];
                        b = t.Concat(Enumerable.Repeat((byte)random.Next(256), random.Next(1, 64))).ToArray();
                        break;
                }

                rig.Net.Inject(attacker, bob.Address, b);
                sent++;
                if (i % 50 == 0)
                {
                    rig.Run(100, 50);
                }
            }

            rig.Run(5000, 100);
            var c = bob.Core.Counters;
            _output.WriteLine($"{sent} bad datagrams; bob: {c}");
            Assert.Equal(0, c.Drops(DropReason.Internal));
            Assert.False(bob.Saw(PhoneEventKind.Error));
            Assert.True(c.TotalDrops >= sent * 9 / 10);
            Assert.True(bob.Core.IsIdle);
            Assert.Equal(flash, bob.ReadFlash());
            Assert.Single(bob.Contacts);

            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            Assert.Equal(1, alice.Last(PhoneEventKind.CallKeysReady).RoundTrips);
        }

        [Fact]
        public void Garbage_during_a_call_does_not_disturb_it()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, _) = rig.Pair(alice, bob);
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.Connected));
            rig.Run(200);
            var media = rig.Net.Log.Last(d => d.To.SameAs(bob.Address) && d.Type == MessageType.Secure
                                              && d.Bytes[3] == InnerKind.Media).Bytes;
            var random = new Random(5);
            for (int i = 0; i < 500; i++)
            {
                var b = (byte[])media.Clone();
                b[random.Next(2, b.Length)] ^= (byte)(1 + random.Next(255));
                rig.Net.Inject(alice.Address, bob.Address, b);
                if (i % 10 == 0) rig.Run(20);
            }

            int before = bob.Speaker.Frames.Count;
            rig.Run(1000);
            Assert.Equal(CallState.Connected, bob.Core.CallState);
            Assert.True(bob.Speaker.Frames.Count >= before + 45);
            Assert.Equal(0, bob.Core.Counters.Drops(DropReason.Internal));
        }

        [Fact]
        public void Handshake_flood_keeps_state_bounded_and_a_real_pairing_still_completes()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2, c =>
            {
                c.PerSourceRate = 4;
                c.GlobalRate = 20;
            });
            var alice = rig.Add("Alice", 1);
            using var flooder = new GrindingAttacker(CodeFormat.FromDigits(6));
            var handshakes = new List<Phone.Crypto.Handshake>();
            Assert.True(bob.Core.StartPairingMode()); // the flood arrives while Bob waits for a pairing
            for (int i = 0; i < 200; i++)
            {
                byte[] pair1 = flooder.StartTowardResponder(0x100u + (uint)i, out var hs, out _);
                hs.Dispose();
                var spoofed = new Phone.Firmware.Board.NetAddress(192, 168, (byte)(i / 50), (byte)(i % 50), 4000);
                foreach (byte[] fragment in Fragments.Split(pair1))
                {
                    bob.Core.OnDatagram(spoofed, fragment, 0, fragment.Length);
                }
                Assert.True(bob.Core.PendingCount <= bob.Config.MaxInboundHandshakes);
            }

            // Beyond the global budget: rate limited (a whole PAIR_1), or per fragment (once under load)
            // answered by a cookie only; the first admitted PAIR_1 took the pairing mode, and the fragments
            // of every later one were refused as busy before reassembly. Only one PAIR_1 was answered.
            int refused = bob.Core.Counters.Drops(DropReason.RateLimited)
                          + bob.Core.Counters.Drops(DropReason.CookieRequired) + bob.Core.Counters.Drops(DropReason.Busy);
            Assert.InRange(refused, 199, 2 * 199);
            Assert.Single(rig.Net.Log.Where(d => d.From.SameAs(bob.Address) && d.Type == MessageType.Pair2)
                .Select(d => HandshakeDatagram.ReceiverId(d.Bytes, 0)).Distinct());
            Assert.True(bob.Core.PartialMessages <= 4);
            Assert.True(bob.Core.IsIdle);
            // The flood's half-open attempt is abandoned: the mode ends visibly; Bob's user starts it again.
            Assert.True(rig.RunUntil(() => !bob.Core.InPairingMode, 10000, 100));
            Assert.Equal("pairing attempt failed - start again", bob.Last(PhoneEventKind.PairingModeEnded).Text);
            Assert.True(bob.Core.StartPairingMode());
            alice.Core.Pair(bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.PairingState == PairingState.CodeShown, 10000));
            Assert.Equal(alice.Core.CurrentCode, bob.Core.CurrentCode);
        }

        [Fact]
        public void Busy_phone_answers_a_new_pairing_with_an_error_and_the_caller_gives_up()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var carol = rig.Add("Carol", 3);
            bob.Core.StartPairingMode();
            alice.Core.Pair(bob.Address);
            rig.Settle();
            Assert.True(carol.Core.Pair(bob.Address));
            rig.Settle();
            Assert.True(carol.Core.IsIdle || carol.Core.PairingState == PairingState.Failed);
            Assert.Contains(carol.Events, e => e.Kind == PhoneEventKind.PairingFailed && e.Text.Contains("busy"));
            Assert.Equal(PairingState.CodeShown, bob.Core.PairingState);
            // Carol's PAIR_1 is refused per fragment, before reassembly: two datagrams.
            Assert.Equal(2, bob.Core.Counters.Drops(DropReason.Busy));
            Assert.Equal(0, bob.Core.PartialMessages);
        }
    }
}
