// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// The media path allocates nothing: a connected call's send (OnTick:
    /// microphone, µ-law, RTP, seal, send) and receive (OnDatagram: open,
    /// play) run for 10 s of frames with zero managed bytes allocated on the
    /// thread. (BenchmarkDotNet figures: benchmarks/managed.)
    /// </summary>
    public class AllocationTests
    {
        private readonly ITestOutputHelper _output;

        public AllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Preallocated queue of datagrams toward the peer, delivered by Flush (boards never re-enter).</summary>
        private sealed class Wire : IDatagramTransport
        {
            private readonly byte[][] _slots = new byte[64][];
            private readonly int[] _lengths = new int[64];
            private readonly NetAddress _self;
            private int _count;

            public Wire(NetAddress self)
            {
                _self = self;
                for (int i = 0; i < _slots.Length; i++)
                {
                    _slots[i] = new byte[1500];
                }
            }

            public PhoneCore Peer { get; set; }

            public void Send(NetAddress to, byte[] buffer, int offset, int count)
            {
                Array.Copy(buffer, offset, _slots[_count], 0, count);
                _lengths[_count++] = count;
            }

            public int Flush()
            {
                int n = _count;
                for (int i = 0; i < n; i++)
                {
                    Peer.OnDatagram(_self, _slots[i], 0, _lengths[i]);
                }

                _count = 0;
                return n;
            }
        }

        private sealed class Tone : IAudioSource
        {
            private int _t;

            public int SampleBytes => PcmLayout.Pcm16;

            public bool ReadFrame(byte[] pcm)
            {
                for (int i = 0; i < PcmLayout.FrameSamples; i++, _t++)
                {
                    short s = (short)((_t * 97) % 30000 - 15000);
                    pcm[2 * i] = (byte)s;
                    pcm[2 * i + 1] = (byte)(s >> 8);
                }

                return true;
            }
        }

        private sealed class Counter : IAudioSink
        {
            public int Frames;
            public int Checksum;

            public void PlayFrame(byte[] buffer, int offset, int samples, int rtpSequence, bool concealed)
            {
                Frames++;
                Checksum += buffer[offset] + rtpSequence;
            }
        }

        [Fact]
        public void Media_send_and_receive_allocate_nothing_per_packet()
        {
            CryptoCore.SelfTest();
            var clock = new ManualClock();
            string dirA = Path.Combine(Path.GetTempPath(), "phone-fw-alloc-a-" + Guid.NewGuid().ToString("N"));
            string dirB = Path.Combine(Path.GetTempPath(), "phone-fw-alloc-b-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dirA);
            Directory.CreateDirectory(dirB);
            var addrA = FakeNetwork.Address(1);
            var addrB = FakeNetwork.Address(2);
            var wireA = new Wire(addrA);
            var wireB = new Wire(addrB);
            var sinkA = new Counter();
            var sinkB = new Counter();
            using var storeA = KeyStore.Open(dirA);
            using var storeB = KeyStore.Open(dirB);
            PhoneConfig Config(string name)
            {
                var c = TestConfig.Fast(name);
                c.AutoAnswer = true;
                c.RatchetIntervalMs = 600000;
                c.RekeyIntervalMs = 600000;
                return c;
            }

            using var a = new PhoneCore(Config("A"), storeA, wireA, clock, null, new Tone(), sinkA);
            using var b = new PhoneCore(Config("B"), storeB, wireB, clock, null, new Tone(), sinkB);
            wireA.Peer = b;
            wireB.Peer = a;
            a.Start();
            b.Start();
            try
            {
                Assert.True(b.StartPairingMode());
                Assert.True(a.Pair(addrB));
                Step(clock, a, b, wireA, wireB, 10);
                Assert.True(a.ConfirmCode());
                Assert.True(b.ConfirmCode());
                Step(clock, a, b, wireA, wireB, 3000);
                Assert.True(a.IsIdle && b.IsIdle);
                Assert.True(a.Call(a.Contacts()[0].Index, addrB));
                Step(clock, a, b, wireA, wireB, 1000);
                Assert.Equal(CallState.Connected, a.CallState);
                Assert.Equal(CallState.Connected, b.CallState);

                int sentBefore = a.Counters.MediaSent + b.Counters.MediaSent;
                int playedBefore = sinkA.Frames + sinkB.Frames;
                long before = GC.GetAllocatedBytesForCurrentThread();
                Step(clock, a, b, wireA, wireB, 10000);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                int sent = a.Counters.MediaSent + b.Counters.MediaSent - sentBefore;
                int played = sinkA.Frames + sinkB.Frames - playedBefore;
                _output.WriteLine($"{sent} media packets sealed+sent, {played} opened+played, {allocated} bytes allocated");
                Assert.Equal(1000, sent);
                Assert.Equal(1000, played);
                Assert.Equal(0, allocated);
            }
            finally
            {
                a.Dispose();
                b.Dispose();
                storeA.Dispose();
                storeB.Dispose();
                Directory.Delete(dirA, true);
                Directory.Delete(dirB, true);
            }
        }

        private static void Step(ManualClock clock, PhoneCore a, PhoneCore b, Wire wa, Wire wb, int ms)
        {
            for (int t = 0; t < ms; t += 10)
            {
                clock.Advance(10);
                bool busy = true;
                while (busy)
                {
                    busy = false;
                    if (a.NextDeadline <= clock.NowMilliseconds)
                    {
                        a.OnTick();
                        busy = true;
                    }

                    if (b.NextDeadline <= clock.NowMilliseconds)
                    {
                        b.OnTick();
                        busy = true;
                    }

                    busy |= wa.Flush() + wb.Flush() > 0;
                }
            }
        }
    }
}
