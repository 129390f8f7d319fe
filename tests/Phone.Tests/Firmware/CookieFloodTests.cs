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
    /// <summary>
    /// issue 9 item 6, in process on the manual clock: a flood of 10,000 spoofed first messages per
    /// second from 1,000 source addresses. A real pairing and a real call still complete, a spoofed
    /// source never gets back more bytes than it sent, and once the flood has drained the global
    /// budget no spoofed first message costs a Diffie-Hellman (no PAIR_2 to a spoofed source). The
    /// process-level soak with UDP on loopback is tests/soak (scripts/test.d/57-cookie-soak.sh).
    /// </summary>
    public class CookieFloodTests
    {
        private const int Sources = 1000;
        private const int PerMs = 10; // 10,000 first messages per second
        private const int GlobalRate = 20; // PhoneConfig's defaults, not the tests' generous ones
        private const int PerSourceRate = 4;

        [Fact]
        public void A_real_pairing_completes_during_a_spoofed_flood()
        {
            using var flood = new Flood();
            flood.Run(1000);
            Assert.True(flood.Bob.Core.StartPairingMode()); // Bob's user starts pairing mode while the flood runs
            Assert.True(flood.Alice.Core.Pair(flood.Bob.Address));
            Assert.True(flood.RunUntil(() => flood.Alice.Core.CurrentCode != null && flood.Bob.Core.CurrentCode != null, 5000));
            Assert.Equal(flood.Alice.Core.CurrentCode, flood.Bob.Core.CurrentCode);
        }

        [Fact]
        public void A_real_call_completes_during_a_spoofed_flood()
        {
            using var flood = new Flood();
            int bobIndex = flood.Rig.Pair(flood.Alice, flood.Bob).Item1;
            flood.Run(1000);
            Assert.True(flood.Alice.Core.Call(bobIndex, flood.Bob.Address));
            Assert.True(flood.RunUntil(() => flood.Bob.Core.CallState == CallState.RingingIn, 5000));
            Assert.True(flood.Bob.Core.Accept());
            Assert.True(flood.RunUntil(() => flood.Alice.Core.CallState == CallState.Connected, 5000));
        }

        [Fact]
        public void No_spoofed_source_gets_back_more_bytes_than_it_sent()
        {
            // Every spoofed address used once: a reflection victim gets one request's worth at most.
            using var flood = new Flood(20000);
            flood.Run(2000);
            var back = flood.BytesBack();
            Assert.Equal(20000, flood.Sent.Count);
            foreach (var source in flood.Sent)
            {
                long got = back.TryGetValue(source.Key, out long b) ? b : 0;
                Assert.True(got <= source.Value, $"{source.Key}: {got} bytes back for {source.Value}");
            }
        }

        [Fact]
        public void Under_load_a_spoofed_first_message_costs_no_diffie_hellman()
        {
            using var flood = new Flood();
            flood.Run(1000);
            int before = flood.HandshakeRepliesToSpoofed();
            flood.Run(2000);
            // Before the load set in, at most the global budget's burst was answered with a handshake.
            Assert.InRange(before, 0, GlobalRate);
            Assert.Equal(before, flood.HandshakeRepliesToSpoofed());
            Assert.True(flood.Bob.Core.Counters.Drops(DropReason.CookieRequired) > 20000);
        }

        /// <summary>Alice and Bob on the fake network, and an attacker sending first messages from spoofed addresses.</summary>
        private sealed class Flood : System.IDisposable
        {
            private readonly int _sources;
            private int _next;

            public Flood(int sources = Sources)
            {
                _sources = sources;
                Rig = new Rig();
                Alice = Rig.Add("Alice", 1, c => c.AcceptPairing = true);
                Bob = Rig.Add("Bob", 2, c =>
                {
                    c.AcceptPairing = true;
                    c.GlobalRate = GlobalRate;
                    c.PerSourceRate = PerSourceRate;
                });
                // A VERIFY_1 anyone can make (garbage e and payload, the open mac1 on both fragments):
                // answered without a user action while the phone is idle, so it costs a DH unless the
                // cookie stops it. (A PAIR_1 would stop at the pairing-mode gate before any DH.)
                byte[] whole = Enumerable.Range(0, HandshakeDatagram.FirstBodyLength(MessageType.Verify1))
                    .Select(i => (byte)(i * 7 + 3)).ToArray();
                HandshakeDatagram.WriteHeader(whole, MessageType.Verify1, 0x99, 0);
                _fragments = Fragments.Split(whole);
                Assert.Equal(2, _fragments.Count);
            }

            private readonly List<byte[]> _fragments;

            public Rig Rig { get; }
            public TestPhone Alice { get; }
            public TestPhone Bob { get; }
            public Dictionary<string, long> Sent { get; } = new Dictionary<string, long>();

            public void Run(long ms) => RunUntil(() => false, ms);

            public bool RunUntil(System.Func<bool> done, long maxMs)
            {
                for (long t = 0; t < maxMs && !done(); t++)
                {
                    // Queued ahead of the millisecond's own traffic: a real message is one among 10 others.
                    long due = Rig.Clock.NowMilliseconds + 1;
                    for (int i = 0; i < PerMs; i++)
                    {
                        NetAddress from = Spoofed(_next++ % _sources);
                        foreach (byte[] fragment in _fragments)
                        {
                            Rig.Net.Requeue(new Datagram(from, Bob.Address, fragment) { DueAt = due });
                            string key = from.ToString();
                            Sent[key] = (Sent.TryGetValue(key, out long n) ? n : 0) + fragment.Length;
                        }
                    }

                    Rig.Run(1, 1);
                }

                return done();
            }

            public Dictionary<string, long> BytesBack() =>
                Rig.Net.Log.GroupBy(d => d.To.ToString()).ToDictionary(g => g.Key, g => g.Sum(d => (long)d.Bytes.Length));

            public int HandshakeRepliesToSpoofed() =>
                Rig.Net.Log.Count(d => d.Type == MessageType.Verify2 && d.Bytes[FragmentFormat.IndexOffset] == 0
                                       && Sent.ContainsKey(d.To.ToString()));

            public void Dispose() => Rig.Dispose();

            private static NetAddress Spoofed(int i) =>
                new NetAddress(127, (byte)(1 + i / 62500), (byte)(i / 250 % 250), (byte)(i % 250), 40000 + i % 7);
        }
    }
}
