// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using Phone.Firmware.Discovery;
using Phone.Tests.Firmware.Discovery.Support;
using Xunit;

namespace Phone.Tests.Firmware.Discovery
{
    /// <summary>
    /// Deterministic mutation fuzzing of the mDNS parser and of discovery behind it
    /// (libFuzzer cannot drive C#; no managed fuzzer is in the tree yet). Seeds: the
    /// corpus in corpus/ (messages captured from Avahi and python3-zeroconf on the
    /// namespace test bed, plus our own) and messages built here. Mutations: bit flips,
    /// interesting bytes (0, 0xC0, 0xFF, 0x3F...), cuts, insertions, deletions and
    /// splices. Properties: Parse never throws; an accepted message's names and data
    /// lie inside it; discovery never fails internally and its table stays bounded.
    /// </summary>
    public class MdnsMutationFuzzTests
    {
        private const int Iterations = 60000;
        private static readonly byte[] Interesting = { 0x00, 0x01, 0x3F, 0x40, 0x7F, 0x80, 0xC0, 0xC1, 0xFF, 0x0C };

        [Fact]
        public void ParserAndDiscoverySurviveMutatedMessages()
        {
            List<byte[]> seeds = Seeds();
            Assert.True(seeds.Count >= 8, "corpus missing: " + seeds.Count + " seeds");
            var random = new Random(12);
            var message = new DnsMessage();
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1, new DiscoveryConfig { MaxPhones = 4 });
            var name = new byte[DnsLimits.MaxName];
            int accepted = 0;

            for (int i = 0; i < Iterations; i++)
            {
                byte[] input = Mutate(seeds[random.Next(seeds.Count)], seeds, random);
                MdnsDrop verdict = message.Parse(input, 0, input.Length);
                if (verdict == MdnsDrop.None)
                {
                    accepted++;
                    CheckInside(message, input, name);
                }

                if (i % 10 == 0)
                {
                    alice.Discovery.OnDatagram(MdnsLan.Ip(2, MdnsGroup.Port), input, 0, input.Length);
                    lan.Clock.Advance(7);
                    alice.Discovery.OnTick();
                }
            }

            Assert.Equal(0, alice.Discovery.Counters.Drops(MdnsDrop.Internal));
            Assert.True(alice.Discovery.PhonesFound().Length <= 4);
            Assert.True(accepted > Iterations / 20, "mutations too destructive: " + accepted + " accepted");
            Assert.True(accepted < Iterations, "nothing refused");
        }

        [Fact]
        public void EveryCorpusMessageParses()
        {
            var message = new DnsMessage();
            foreach (string file in CorpusFiles())
            {
                byte[] bytes = Convert.FromHexString(File.ReadAllText(file).Trim());
                Assert.True(MdnsDrop.None == message.Parse(bytes, 0, bytes.Length), Path.GetFileName(file));
            }
        }

        private static void CheckInside(DnsMessage m, byte[] input, byte[] name)
        {
            for (int i = 0; i < m.RecordCount; i++)
            {
                Assert.InRange(m.DataOffset(i), m.Start, m.End);
                Assert.InRange(m.DataOffset(i) + m.DataLength(i), m.Start, m.End);
                Assert.InRange(DnsName.CopyTo(input, m.Start, m.RecordName(i), name), 1, DnsLimits.MaxName);
            }

            for (int i = 0; i < m.QuestionCount; i++)
            {
                Assert.InRange(DnsName.CopyTo(input, m.Start, m.QuestionName(i), name), 1, DnsLimits.MaxName);
            }
        }

        private static byte[] Mutate(byte[] seed, List<byte[]> seeds, Random random)
        {
            var b = new List<byte>(seed);
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                int at = b.Count == 0 ? 0 : random.Next(b.Count);
                switch (random.Next(7))
                {
                    case 0:
                        if (b.Count > 0) b[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        if (b.Count > 0) b[at] = Interesting[random.Next(Interesting.Length)];
                        break;
                    case 2:
                        b.RemoveRange(at, b.Count - at);
                        break;
                    case 3:
                        b.Insert(at, (byte)random.Next(256));
                        break;
                    case 4:
                        if (b.Count > 0) b.RemoveAt(at);
                        break;
                    case 5:
                        byte[] other = seeds[random.Next(seeds.Count)];
                        int from = random.Next(other.Length);
                        b.RemoveRange(at, b.Count - at);
                        b.AddRange(other[from..]);
                        break;
                    default:
                        if (b.Count > at + 1)
                        {
                            b[at] = (byte)(0xC0 | random.Next(4));
                            b[at + 1] = (byte)random.Next(256);
                        }

                        break;
                }
            }

            return b.ToArray();
        }

        private static List<byte[]> Seeds()
        {
            var seeds = new List<byte[]>();
            foreach (string file in CorpusFiles())
            {
                seeds.Add(Convert.FromHexString(File.ReadAllText(file).Trim()));
            }

            seeds.Add(Packets.Announce("Bob", "0123456789abcdef", new byte[] { 10, 0, 0, 2 }, 5060));
            seeds.Add(Packets.Announce("Bob", "0123456789abcdef", new byte[] { 10, 0, 0, 2 }, 5060, ttl: 0));
            seeds.Add(Packets.Announce("Ünïcode phone", "fedcba9876543210", new byte[] { 10, 0, 0, 3 }, 6000, compress: false));
            seeds.Add(Packets.BrowseQuery());
            return seeds;
        }

        private static string[] CorpusFiles()
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "Discovery", "corpus");
            return Directory.Exists(dir) ? Directory.GetFiles(dir, "*.hex") : new string[0];
        }
    }
}
