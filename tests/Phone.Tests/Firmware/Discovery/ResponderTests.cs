// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Firmware.Discovery;
using Phone.Tests.Firmware.Discovery.Support;
using Xunit;

namespace Phone.Tests.Firmware.Discovery
{
    /// <summary>The responder: probe, announce, answer, rename on conflict, re-announce on a move, goodbye.</summary>
    public class ResponderTests
    {
        [Fact]
        public void ProbesThriceThenAnnouncesEveryRecord()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            lan.Run(3500);

            var fromAlice = lan.Sent.Where(s => s.From.SameAs(alice.Address)).Select(s => Packets.Describe(s.Bytes)).ToList();
            int probes = fromAlice.TakeWhile(d => !d.Contains("Ptr _e2e-phone._udp.local. ttl 4500")).Count(d => d.Contains("Srv Alice._e2e-phone._udp.local. ttl 120"));
            Assert.Equal(3, probes); // each probe carries the proposed SRV and TXT in its authority section
            var announcements = fromAlice.Where(d => d.Contains("Ptr _e2e-phone._udp.local. ttl 4500")).ToList();
            Assert.True(announcements.Count >= 3, "announcements: " + announcements.Count); // 3, plus answers to its own browse queries
            Assert.Contains("Txt Alice._e2e-phone._udp.local. ttl 4500", announcements[0]);
            Assert.Contains("A phone-" + PhoneDiscovery.Fingerprint(alice.Key) + ".local. ttl 120", announcements[0]);
            Assert.Equal(ResponderState.Running, alice.Discovery.State);
        }

        [Fact]
        public void AnswersABrowseQueryByMulticastAndALegacyQuerierByUnicast()
        {
            var lan = new MdnsLan();
            lan.Add("Alice", 1, 1);
            MdnsLan.Node group = lan.AddListener(9);
            MdnsLan.Node legacy = lan.AddListener(8, 40000);
            lan.Run(4000);
            group.Received.Clear();

            lan.Inject(group.Address, Packets.BrowseQuery());
            lan.Run(200);
            Assert.Contains(group.Received, r => Packets.Describe(r).Contains("Ptr _e2e-phone._udp.local. ttl 4500"));

            byte[] query = Packets.BrowseQuery();
            query[0] = 0x12;
            query[1] = 0x34;
            lan.Sent.Clear();
            legacy.Send(MdnsGroup.Address(MdnsGroup.Port), query, 0, query.Length);
            lan.Run(50);
            byte[] answer = Assert.Single(legacy.Received);
            Assert.Equal(new byte[] { 0x12, 0x34 }, answer[..2]);
            Assert.Contains("Ptr _e2e-phone._udp.local. ttl 10", Packets.Describe(answer));
        }

        [Fact]
        public void SameNameLaterIsRenamedAndBothAreListed()
        {
            var lan = new MdnsLan();
            MdnsLan.Node first = lan.Add("Alice", 1, 1);
            lan.Run(4000);
            MdnsLan.Node second = lan.Add("Alice", 2, 50);
            MdnsLan.Node bob = lan.Add("Bob", 3, 90);
            lan.Run(5000);

            Assert.Equal("Alice", first.Discovery.InstanceName);
            Assert.Equal("Alice (2)", second.Discovery.InstanceName);
            Assert.True(second.Discovery.Counters.Conflicts >= 1);
            string table = DnsParserBadInputTests.Table(bob);
            Assert.Contains("Alice=" + PhoneDiscovery.Fingerprint(first.Key) + "@10.0.0.1:5060", table);
            Assert.Contains("Alice (2)=" + PhoneDiscovery.Fingerprint(second.Key) + "@10.0.0.2:5060", table);
        }

        [Fact]
        public void SameNameAtTheSameTimeEndsWithTwoNames()
        {
            var lan = new MdnsLan();
            MdnsLan.Node a = lan.Add("Desk", 1, 1);
            MdnsLan.Node b = lan.Add("Desk", 2, 50);
            lan.Run(8000);

            Assert.NotEqual(a.Discovery.InstanceName, b.Discovery.InstanceName);
            Assert.Equal(ResponderState.Running, a.Discovery.State);
            Assert.Equal(ResponderState.Running, b.Discovery.State);
            Assert.Single(a.Discovery.PhonesFound());
            Assert.Single(b.Discovery.PhonesFound());
        }

        [Fact]
        public void AMovedPhoneIsFoundAtItsNewAddress()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            MdnsLan.Node bob = lan.Add("Bob", 2, 50);
            lan.Run(4000);
            var old = MdnsLan.Ip(2);
            Assert.True(old.SameAs(alice.Discovery.Locate(bob.Key, old)));

            bob.Address = MdnsLan.Ip(22, MdnsGroup.Port);
            bob.Discovery.SetAddress(MdnsLan.Ip(22, 6000));
            lan.Run(300);

            Assert.Equal("10.0.0.22:6000", alice.Discovery.Locate(bob.Key, old).ToString());
        }

        [Fact]
        public void StopSaysGoodbyeAndOthersForgetWithinASecond()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            MdnsLan.Node bob = lan.Add("Bob", 2, 50);
            lan.Run(4000);
            Assert.Single(alice.Discovery.PhonesFound());
            lan.Sent.Clear();

            bob.Discovery.Stop();
            lan.Remove(bob);
            var goodbye = Packets.Describe(Assert.Single(lan.Sent).Bytes);
            Assert.Equal(new[] { "None", "Ptr _e2e-phone._udp.local. ttl 0", "Srv Bob._e2e-phone._udp.local. ttl 0",
                "Txt Bob._e2e-phone._udp.local. ttl 0", "A phone-" + PhoneDiscovery.Fingerprint(bob.Key) + ".local. ttl 0" }, goodbye);
            lan.Run(500);
            Assert.Single(alice.Discovery.PhonesFound());
            lan.Run(700);
            Assert.Empty(alice.Discovery.PhonesFound());
        }
    }
}
