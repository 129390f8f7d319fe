// SPDX-License-Identifier: MIT
using System;
using Phone.Firmware.Board;
using Phone.Firmware.Discovery;
using Phone.Tests.Firmware.Discovery.Support;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware.Discovery
{
    /// <summary>Receiving mDNS allocates nothing once a phone is known: refreshes, queries and refused messages.</summary>
    public class DiscoveryAllocationTests
    {
        private sealed class Sink : IMulticastTransport
        {
            public int Sent;
            public bool JoinGroup(NetAddress group) => true;
            public void Send(NetAddress to, byte[] buffer, int offset, int count) => Sent++;
        }

        [Fact]
        public void RefreshesQueriesAndRefusedMessagesAllocateNothing()
        {
            var clock = new ManualClock();
            var sink = new Sink();
            byte[] key = new byte[32];
            key[0] = 7;
            var discovery = new PhoneDiscovery(new DiscoveryConfig(), sink, clock, "Alice", key, 1);
            discovery.Start(new NetAddress(10, 0, 0, 1, 5060));
            for (int t = 0; t < 5000; t += 10)
            {
                clock.Advance(10);
                discovery.OnTick(); // probes and announcements done: the responder answers queries now
            }

            var from = new NetAddress(10, 0, 0, 2, MdnsGroup.Port);
            byte[] refresh = Packets.Announce("Bob", "0123456789abcdef", new byte[] { 10, 0, 0, 2 }, 5060);
            byte[] query = Packets.BrowseQuery();
            byte[] broken = refresh[..^3];
            discovery.OnDatagram(from, refresh, 0, refresh.Length); // Bob enters the table (allocates once)
            discovery.OnDatagram(from, query, 0, query.Length);
            discovery.OnTick();

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                discovery.OnDatagram(from, refresh, 0, refresh.Length);
                discovery.OnDatagram(from, broken, 0, broken.Length);
                discovery.OnDatagram(from, query, 0, query.Length);
                clock.Advance(200);
                discovery.OnTick(); // the delayed answer to the query is written and sent
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.Equal(1000, discovery.Counters.Drops(MdnsDrop.Truncated));
            Assert.True(sink.Sent >= 1000, "answers sent: " + sink.Sent);
            Assert.Single(discovery.PhonesFound());
        }
    }
}
