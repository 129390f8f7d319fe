// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware.Discovery;
using Phone.Tests.Firmware.Discovery.Support;
using Xunit;

namespace Phone.Tests.Firmware.Discovery
{
    /// <summary>The mDNS parser refuses malformed messages with a named reason; discovery counts them and changes nothing.</summary>
    public class DnsParserBadInputTests
    {
        private static readonly byte[] BobIp = { 10, 0, 0, 2 };
        private const string BobFp = "0123456789abcdef";

        public static IEnumerable<object[]> Broken()
        {
            yield return Case("header cut", MdnsDrop.Truncated, new byte[] { 0, 0, 0x84, 0, 0 });
            yield return Case("question name cut", MdnsDrop.Truncated, Packets.Raw(0, 1, 0, 0, 0, 5, (byte)'a', (byte)'b'));
            yield return Case("question type cut", MdnsDrop.Truncated, Packets.Raw(0, 1, 0, 0, 0, 1, (byte)'a', 0, 0));
            yield return Case("pointer to itself", MdnsDrop.BadPointer, Packets.Raw(0, 1, 0, 0, 0, 0xC0, 12, 0, 12, 0, 1));
            yield return Case("label then pointer back to it", MdnsDrop.BadPointer,
                Packets.Raw(0, 1, 0, 0, 0, 1, (byte)'a', 0xC0, 12, 0, 12, 0, 1));
            yield return Case("pointer forward", MdnsDrop.BadPointer, Packets.Raw(0, 1, 0, 0, 0, 0xC0, 16, 0, 12, 0, 1, 0));
            yield return Case("pointer into the header", MdnsDrop.BadPointer, Packets.Raw(0, 1, 0, 0, 0, 0xC0, 2, 0, 12, 0, 1));
            yield return Case("pointer cut", MdnsDrop.Truncated, Packets.Raw(0, 1, 0, 0, 0, 0xC0));
            yield return Case("chain of 35 pointers", MdnsDrop.PointerLoop, PointerChain(35));
            yield return Case("reserved label type 0x40", MdnsDrop.BadLabel, Packets.Raw(0, 1, 0, 0, 0, 0x41, (byte)'a', 0, 0, 12, 0, 1));
            yield return Case("name of 321 bytes", MdnsDrop.NameTooLong, LongName(5));
            yield return Case("record data beyond the end", MdnsDrop.Truncated,
                Packets.Raw(0x8400, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 120, 0, 4, 10, 0));
            yield return Case("record header cut", MdnsDrop.Truncated, Packets.Raw(0x8400, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0));
            yield return Case("record data of 600 bytes", MdnsDrop.OversizedRecord, BigRecord(600));
            yield return Case("A record of 5 bytes", MdnsDrop.BadRecord,
                Packets.Raw(0x8400, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 120, 0, 5, 10, 0, 0, 1, 9));
            yield return Case("PTR with a byte after its name", MdnsDrop.BadRecord,
                Packets.Raw(0x8400, 0, 1, 0, 0, 0, 0, 12, 0, 1, 0, 0, 0, 120, 0, 4, 1, (byte)'x', 0, 7));
            yield return Case("SRV shorter than its fixed part", MdnsDrop.BadRecord,
                Packets.Raw(0x8400, 0, 1, 0, 0, 0, 0, 33, 0, 1, 0, 0, 0, 120, 0, 3, 0, 0, 0));
            yield return Case("TXT string overruns its record", MdnsDrop.BadRecord,
                Packets.Raw(0x8400, 0, 1, 0, 0, 0, 0, 16, 0, 1, 0, 0, 0, 120, 0, 3, 5, (byte)'v', (byte)'=', 0));
            yield return Case("opcode 1", MdnsDrop.BadHeader, Packets.Raw(0x0800, 0, 0, 0, 0));
            yield return Case("rcode 3", MdnsDrop.BadHeader, Packets.Raw(0x8403, 0, 0, 0, 0));
            yield return Case("40 records", MdnsDrop.TooManyRecords, Packets.Raw(0x8400, 0, 40, 0, 0));
            yield return Case("17 questions", MdnsDrop.TooManyRecords, Packets.Raw(0, 17, 0, 0, 0));
            yield return Case("1501 bytes", MdnsDrop.Oversize, new byte[1501]);
            byte[] announce = Packets.Announce("Bob", BobFp, BobIp, 5060);
            yield return Case("announcement cut by one byte", MdnsDrop.Truncated, announce[..^1]);
            yield return Case("announcement cut in the header's counts", MdnsDrop.Truncated, announce[..11]);
        }

        [Theory]
        [MemberData(nameof(Broken))]
        public void RefusedWithItsReason(string what, MdnsDrop expected, byte[] bytes)
        {
            var m = new DnsMessage();
            Assert.True(expected == m.Parse(bytes, 0, bytes.Length), what + ": " + m.Parse(bytes, 0, bytes.Length));
            Assert.Equal(0, m.RecordCount);
            Assert.Equal(0, m.QuestionCount);
        }

        [Theory]
        [MemberData(nameof(Broken))]
        public void CountedAndNothingChanges(string what, MdnsDrop expected, byte[] bytes)
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            lan.Run(100);
            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), Packets.Announce("Bob", BobFp, BobIp, 5060));
            lan.Run(20);
            string before = Table(alice);
            int dropsBefore = alice.Discovery.Counters.Drops(expected);

            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), bytes);
            lan.Run(20);

            Assert.True(dropsBefore + 1 == alice.Discovery.Counters.Drops(expected), what);
            Assert.Equal(0, alice.Discovery.Counters.Drops(MdnsDrop.Internal));
            Assert.Equal(before, Table(alice));
            Assert.Contains("Bob=" + BobFp + "@10.0.0.2:5060", before);
        }

        [Fact]
        public void AGoodbyeWithABrokenTailKeepsThePhone()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), Packets.Announce("Bob", BobFp, BobIp, 5060));
            lan.Run(100);
            byte[] goodbye = Packets.Announce("Bob", BobFp, BobIp, 5060, ttl: 0);
            byte[] moved = Packets.Announce("Bob", BobFp, new byte[] { 10, 0, 0, 66 }, 5060);
            moved[^6] = 5; // the A record's data length no longer fits: the whole message is refused

            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), goodbye[..^2]);
            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), moved);
            lan.Run(3000);

            Assert.Equal("Bob=" + BobFp + "@10.0.0.2:5060", Table(alice));
            Assert.Equal(2, alice.Discovery.Counters.TotalDrops);
        }

        [Fact]
        public void OtherEncodersStyleWithoutCompressionIsRead()
        {
            var lan = new MdnsLan();
            MdnsLan.Node alice = lan.Add("Alice", 1, 1);
            lan.Inject(MdnsLan.Ip(2, MdnsGroup.Port), Packets.Announce("Bob", BobFp, BobIp, 5060, compress: false));
            lan.Run(50);
            Assert.Equal("Bob=" + BobFp + "@10.0.0.2:5060", Table(alice));
        }

        internal static string Table(MdnsLan.Node node)
        {
            var parts = new List<string>();
            foreach (FoundPhone p in node.Discovery.PhonesFound())
            {
                parts.Add(p.Name + "=" + p.Fingerprint + "@" + node.Discovery.AddressOf(p));
            }

            return string.Join(";", parts);
        }

        private static object[] Case(string what, MdnsDrop reason, byte[] bytes) => new object[] { what, reason, bytes };

        // A record named "." of unknown type whose data is a chain of pointers, each to the one before
        // it, and a second record named by the last: every jump goes backwards, but there are too many.
        private static byte[] PointerChain(int jumps)
        {
            var body = new List<byte> { 0, 0, 99, 0, 1, 0, 0, 0, 120, 0, (byte)(2 * jumps) };
            int first = 12 + body.Count;
            for (int k = 0; k < jumps; k++)
            {
                int target = k == 0 ? 12 : first + 2 * (k - 1);
                body.Add((byte)(0xC0 | (target >> 8)));
                body.Add((byte)target);
            }

            int last = first + 2 * (jumps - 1);
            body.AddRange(new byte[] { (byte)(0xC0 | (last >> 8)), (byte)last, 0, 1, 0, 1, 0, 0, 0, 120, 0, 4, 1, 2, 3, 4 });
            return Packets.Raw(0x8400, 0, 2, 0, 0, body.ToArray());
        }

        private static byte[] LongName(int labels)
        {
            var body = new List<byte>();
            for (int i = 0; i < labels; i++)
            {
                body.Add(63);
                body.AddRange(new byte[63]);
            }

            body.AddRange(new byte[] { 0, 0, 12, 0, 1 });
            return Packets.Raw(0, 1, 0, 0, 0, body.ToArray());
        }

        private static byte[] BigRecord(int length)
        {
            var body = new List<byte> { 0, 0, 99, 0, 1, 0, 0, 0, 120, (byte)(length >> 8), (byte)length };
            body.AddRange(new byte[length]);
            return Packets.Raw(0x8400, 0, 1, 0, 0, body.ToArray());
        }
    }
}
