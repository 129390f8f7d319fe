// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Firmware.Discovery;
using Phone.Firmware.Ui;
using Phone.Tests.Firmware.Discovery.Support;
using Xunit;

namespace Phone.Tests.Firmware.Discovery
{
    /// <summary>The browser's table: bounded, expiring, asking for what is missing; a hint, never trust.</summary>
    public class BrowserTests
    {
        private static readonly byte[] Ip2 = { 10, 0, 0, 2 };

        [Fact]
        public void TheTableIsCappedAndAFloodIsCounted()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            for (int i = 0; i < 40; i++)
            {
                lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), Packets.Announce("Flood " + i, (0x1000000000000000L + i).ToString("x16"),
                    Ip2, 7000 + i, ttl: 30));
            }

            lan.Run(100);
            Assert.Equal(16, alice.Discovery.PhonesFound().Length);
            Assert.Equal(24, alice.Discovery.Counters.Drops(MdnsDrop.TableFull));

            lan.Run(31000); // the flood's records run out; nobody refreshes them
            Assert.Empty(alice.Discovery.PhonesFound());
            lan.Inject(MdnsLan.Ip(3, MdnsGroup.Port), Packets.Announce("Carol", "00000000000000cc", new byte[] { 10, 0, 0, 3 }, 5060));
            lan.Run(50);
            Assert.Equal("Carol", Assert.Single(alice.Discovery.PhonesFound()).Name);
        }

        [Fact]
        public void RecordsExpireWithTheirTtl()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), Packets.Announce("Bob", "0123456789abcdef", Ip2, 5060, ttl: 5));
            lan.Run(4900);
            Assert.Single(alice.Discovery.PhonesFound());
            lan.Run(200);
            Assert.Empty(alice.Discovery.PhonesFound());
        }

        [Fact]
        public void AsksForTheRecordsAPointerLacks()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            lan.Run(100);
            byte[] full = Packets.Announce("Bob", "0123456789abcdef", Ip2, 5060);
            var m = new DnsMessage();
            Assert.Equal(MdnsDrop.None, m.Parse(full, 0, full.Length));
            byte[] ptrOnly = full[..m.DataOffset(1)]; // cut before the SRV ...
            ptrOnly = ptrOnly[..(m.DataOffset(0) + m.DataLength(0))]; // ... right after the PTR
            ptrOnly[7] = 1;
            lan.Sent.Clear();

            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), ptrOnly);
            lan.Run(50);

            Assert.Empty(alice.Discovery.PhonesFound()); // not listed until it has an address and a fingerprint
            Assert.Contains(lan.Sent, s => s.From.SameAs(alice.Address) && QuestionsOf(s.Bytes).Contains("Srv Bob._e2e-phone._udp.local."));
        }

        [Fact]
        public void ASpoofedAnnouncementOfAPinnedFingerprintDoesNotOverrideTheLastAddress()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            MdnsLan.Node bob = lan.Add("Bob", 2, 50);
            lan.Run(4000);
            string bobFp = PhoneDiscovery.Fingerprint(bob.Key);
            lan.Run(1000);

            lan.Inject(MdnsLan.Ip(66, MdnsGroup.Port), Packets.Announce("Bob's twin", bobFp, new byte[] { 10, 0, 0, 66 }, 5060));
            lan.Run(50);

            Assert.Equal(2, alice.Discovery.PhonesFound().Count(p => p.Fingerprint == bobFp));
            // Where Bob was last reached and still announces itself wins; the other claim is only a hint.
            Assert.Equal("10.0.0.2:5060", alice.Discovery.Locate(bob.Key, MdnsLan.Ip(2)).ToString());
        }

        [Fact]
        public void NamesAreDataNotTerminalControl()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), Packets.Announce("Bob\u001b[2J\u202eevil", "0123456789abcdef", Ip2, 5060));
            lan.Run(50);

            FoundPhone bob = Assert.Single(alice.Discovery.PhonesFound());
            Assert.Equal("Bob?[2J?evil", bob.Name);
            Screen list = alice.Discovery.PhoneListScreen();
            Assert.Equal(ScreenKind.PhoneList, list.Kind);
            Assert.Equal("1  Bob?[2J?evil  01234567", Assert.Single(list.Lines));
        }

        private static string[] QuestionsOf(byte[] bytes)
        {
            var m = new DnsMessage();
            if (m.Parse(bytes, 0, bytes.Length) != MdnsDrop.None)
            {
                return new string[0];
            }

            var name = new byte[DnsLimits.MaxName];
            return Enumerable.Range(0, m.QuestionCount).Select(i =>
                (DnsType)m.QuestionType(i) + " " + Packets.Dotted(name, DnsName.CopyTo(m.Buffer, m.Start, m.QuestionName(i), name))).ToArray();
        }
    }
}
