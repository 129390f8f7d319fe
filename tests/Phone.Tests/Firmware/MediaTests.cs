// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Linq;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Sim.Audio;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware
{
    public class MediaTests
    {
        private readonly ITestOutputHelper _output;

        public MediaTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static void FastKeys(PhoneConfig c)
        {
            c.AutoAnswer = true;
            c.RatchetIntervalMs = 700;
            c.RekeyIntervalMs = 1500;
            c.ForgetPreviousMs = 300;
        }

        // What the far end must play: the frame after a G.711 round trip (reference codec).
        private static byte[] Encode(short[] samples)
        {
            return MuLaw.RoundTripPcm(samples);
        }

        private static void AssertReceivedAll(TestPhone sender, TestPhone receiver)
        {
            var sent = sender.Mic.Frames.Select(Encode).ToList();
            Assert.True(sent.Count > 200, "too few frames: " + sent.Count);
            Assert.Equal(sent.Count, receiver.Speaker.Frames.Count);
            int first = receiver.Speaker.Sequences[0];
            var bySequence = new Dictionary<int, byte[]>();
            for (int i = 0; i < receiver.Speaker.Frames.Count; i++)
            {
                int index = (receiver.Speaker.Sequences[i] - first + 65536) % 65536;
                Assert.False(bySequence.ContainsKey(index), "frame played twice");
                bySequence[index] = receiver.Speaker.Frames[i];
            }

            for (int i = 0; i < sent.Count; i++)
            {
                Assert.True(bySequence.ContainsKey(i), "frame " + i + " lost");
                Assert.Equal(sent[i], bySequence[i]);
            }
        }

        // Under jitter the buffer may drop a frame that arrives after its turn: every frame is
        // still opened (no crypto drop), each played frame is bit-exact under its own sequence,
        // and every frame not played is counted late.
        private static void AssertDecryptedAll(TestPhone sender, TestPhone receiver)
        {
            var sent = sender.Mic.Frames.Select(Encode).ToList();
            var c = receiver.Core.Counters;
            Assert.Equal(sent.Count, c.MediaReceived);
            Assert.Equal(sent.Count, receiver.Speaker.Frames.Count + c.FramesLate);
            Assert.Equal(0, c.FramesLost);
            int first = receiver.Speaker.Sequences[0];
            int firstIndex = sent.FindIndex(f => f.AsSpan().SequenceEqual(receiver.Speaker.Frames[0]));
            Assert.True(firstIndex >= 0);
            var played = new HashSet<int>();
            for (int i = 0; i < receiver.Speaker.Frames.Count; i++)
            {
                int index = firstIndex + (receiver.Speaker.Sequences[i] - first + 65536) % 65536;
                Assert.True(played.Add(index), "frame played twice");
                Assert.Equal(sent[index], receiver.Speaker.Frames[i]);
            }
        }

        private (TestPhone, TestPhone) ConnectedCall(Rig rig, int frames, Action<PhoneConfig> keys = null)
        {
            var alice = rig.Add("Alice", 1, keys ?? FastKeys);
            var bob = rig.Add("Bob", 2, keys ?? FastKeys);
            var (bobIndex, _) = rig.Pair(alice, bob);
            alice.Mic.Limit = frames;
            bob.Mic.Limit = frames;
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            return (alice, bob);
        }

        [Fact]
        public void Audio_arrives_bit_exact_across_ratchets_and_rekeys_with_no_frame_lost()
        {
            using var rig = new Rig();
            var (alice, bob) = ConnectedCall(rig, 300);
            rig.Run(7000, 5);

            AssertReceivedAll(alice, bob);
            AssertReceivedAll(bob, alice);
            foreach (var p in new[] { alice, bob })
            {
                var c = p.Core.Counters;
                _output.WriteLine(p.Name + ": " + c);
                Assert.True(c.Ratchets >= 3, p.Name + " ratchets " + c.Ratchets);
                Assert.True(c.Rekeys >= 2, p.Name + " re-keys " + c.Rekeys);
                Assert.Equal(0, c.Drops(DropReason.AuthFailed));
                Assert.Equal(0, c.Drops(DropReason.KeyPhase));
                Assert.Equal(0, c.Drops(DropReason.Replay));
                Assert.Equal(300, c.MediaSent);
            }

            Assert.Equal(CallState.Connected, alice.Core.CallState);
        }

        [Fact]
        public void Ratchets_competing_for_the_switch_slot_never_starve_the_DH_rekey()
        {
            // Ratchet interval == forget-previous wait: without priority, a ratchet takes every
            // free switch slot and the re-key (retrying every 250 ms) never gets one.
            using var rig = new Rig();
            var (alice, bob) = ConnectedCall(rig, 300, c =>
            {
                c.AutoAnswer = true;
                c.RatchetIntervalMs = 300;
                c.ForgetPreviousMs = 300;
                c.RekeyIntervalMs = 1000;
            });
            rig.Run(7000, 5);

            _output.WriteLine(alice.Core.Counters.ToString());
            Assert.True(alice.Core.Counters.Rekeys >= 4, "re-keys " + alice.Core.Counters.Rekeys);
            Assert.True(alice.Core.Counters.Ratchets >= 4, "ratchets " + alice.Core.Counters.Ratchets);
            AssertReceivedAll(alice, bob);
            AssertReceivedAll(bob, alice);
        }

        [Fact]
        public void Reordered_and_delayed_media_around_key_switches_opens_every_frame()
        {
            using var rig = new Rig();
            var (alice, bob) = ConnectedCall(rig, 300);
            var random = new Random(7);
            var held = new HashSet<Datagram>();
            rig.Net.Interceptor = Delay(rig, random, held);
            rig.Run(7000, 5);
            _output.WriteLine("delayed " + held.Count + "; " + alice.Core.Counters + "\n" + bob.Core.Counters);
            Assert.True(held.Count > 100);

            AssertDecryptedAll(alice, bob);
            AssertDecryptedAll(bob, alice);
            Assert.True(alice.Core.Counters.Rekeys >= 2);
            Assert.Equal(0, bob.Core.Counters.Drops(DropReason.KeyPhase));
        }

        private static Func<Datagram, bool> Delay(Rig rig, Random random, HashSet<Datagram> held)
        {
            return d =>
            {
                if (d.Type == MessageType.Secure && d.Bytes[3] == InnerKind.Media && !held.Contains(d)
                    && random.Next(4) == 0)
                {
                    var late = new Datagram(d.From, d.To, d.Bytes)
                    {
                        DueAt = rig.Clock.NowMilliseconds + 20 + random.Next(120),
                    };
                    held.Add(late);
                    rig.Net.Requeue(late);
                    return false;
                }

                return true;
            };
        }

        [Fact]
        public void Product_defaults_ratchet_every_10_s_and_rekey_within_2_minutes()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => CopyDefaults(c, "Alice"));
            var bob = rig.Add("Bob", 2, c => CopyDefaults(c, "Bob"));
            var (bobIndex, _) = rig.Pair(alice, bob);
            alice.Mic.Limit = 6500;
            bob.Mic.Limit = 6500;
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            long connectedAt = rig.Clock.NowMilliseconds;
            rig.Run(131000, 20);
            AssertReceivedAll(alice, bob);
            AssertReceivedAll(bob, alice);
            foreach (var p in new[] { alice, bob })
            {
                _output.WriteLine(p.Name + ": " + p.Core.Counters);
                Assert.InRange(p.Core.Counters.Ratchets, 12, 13);
                Assert.Equal(1, p.Core.Counters.Rekeys);
                long rekeyedAfter = p.Last(PhoneEventKind.Rekeyed).TimeMs - connectedAt;
                Assert.True(rekeyedAfter <= 120000, p.Name + " first DH re-key after " + rekeyedAfter + " ms");
            }

            Assert.Equal(CallState.Connected, bob.Core.CallState);
        }

        private static void CopyDefaults(PhoneConfig c, string name)
        {
            var d = new PhoneConfig { Name = name, AutoAnswer = true };
            foreach (var p in typeof(PhoneConfig).GetProperties())
            {
                if (p.CanWrite)
                {
                    p.SetValue(c, p.GetValue(d));
                }
            }
        }

        [Fact]
        public void Replayed_and_forged_media_are_dropped_and_counted()
        {
            using var rig = new Rig();
            var (alice, bob) = ConnectedCall(rig, 100);
            var captured = new List<byte[]>();
            rig.Net.Interceptor = d =>
            {
                if (d.From.SameAs(alice.Address) && d.Type == MessageType.Secure && d.Bytes[3] == InnerKind.Media)
                {
                    captured.Add(d.Bytes);
                }

                return true;
            };
            rig.Run(1000, 5);
            int played = bob.Speaker.Frames.Count;
            foreach (var packet in captured.Take(10))
            {
                rig.Net.Inject(alice.Address, bob.Address, packet);
                var forged = (byte[])packet.Clone();
                forged[40] ^= 1;
                forged[8] ^= 0x80;
                rig.Net.Inject(alice.Address, bob.Address, forged);
            }

            rig.Settle();
            Assert.Equal(played, bob.Speaker.Frames.Count);
            Assert.Equal(10, bob.Core.Counters.Drops(DropReason.Replay));
            Assert.Equal(10, bob.Core.Counters.Drops(DropReason.AuthFailed));
            Assert.Equal(CallState.Connected, bob.Core.CallState);
        }

        [Fact]
        public void Media_before_the_call_is_accepted_is_not_played()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var (bobIndex, _) = rig.Pair(alice, bob);
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.RingingIn));
            rig.Run(1000);
            Assert.Empty(alice.Speaker.Frames);
            Assert.Empty(bob.Speaker.Frames);
            Assert.Equal(0, alice.Core.Counters.MediaSent);
            bob.Core.Accept();
            rig.Run(1000);
            Assert.NotEmpty(alice.Speaker.Frames);
            Assert.NotEmpty(bob.Speaker.Frames);
        }
    }
}
