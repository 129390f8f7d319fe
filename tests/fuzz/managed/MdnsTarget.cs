// SPDX-License-Identifier: MIT
using System;
using Phone.Firmware.Board;
using Phone.Firmware.Discovery;
using Phone.Firmware.Timing;
using Phone.Firmware.Wire;

namespace Phone.Fuzz.Datagram
{
    /// <summary>
    /// One fuzz input = one datagram from the mDNS socket, handed to a fresh phone's
    /// discovery (PhoneDiscovery.OnDatagram, the bounded DNS parser, responder and
    /// browser) after it finished probing and announcing, as a board would; then the
    /// clock runs on through the answers and expiry that input scheduled. OnDatagram
    /// and OnTick swallow exceptions as an Internal drop, so the target checks the
    /// promises instead: no Internal drop, at most one drop counted for the datagram,
    /// the buffer left as it was, the table of phones found within its cap, and every
    /// message sent a well-formed mDNS message (our parser accepts it) within
    /// DnsLimits.MaxMessage, sent to the group or back to the sender (legacy unicast).
    /// </summary>
    public sealed class MdnsTarget : IFuzzTarget, IMulticastTransport, IClock
    {
        private const int Cap = 4;
        private const int MaxTicks = 64;
        private static readonly NetAddress Self = new NetAddress(10, 0, 0, 1, 5002);
        private static readonly NetAddress Sender = new NetAddress(10, 0, 0, 2, MdnsGroup.Port);
        private static readonly NetAddress Group = MdnsGroup.Address(MdnsGroup.Port);
        private static readonly byte[] IdentityKey = NewKey();
        private readonly DnsMessage _sent = new DnsMessage();
        private long _now = 1_000_000;

        public string Name => "managed_mdns";

        long IClock.NowMilliseconds => _now;

        /// <summary>Runs one input; throws BrokenPromise if discovery misbehaved.</summary>
        public void Run(byte[] input)
        {
            _now += 3_600_000; // a fresh discovery each input; the clock only moves forward
            var discovery = new PhoneDiscovery(new DiscoveryConfig { MaxPhones = Cap }, this, this, "fuzz",
                IdentityKey, WireFormat.Version);
            discovery.Start(Self);
            for (int i = 0; i < MaxTicks && discovery.State != ResponderState.Running; i++)
            {
                RunUntil(discovery, discovery.NextDeadline);
            }

            Check(discovery.State == ResponderState.Running, "not running after probing: " + discovery.State);
            Check(discovery.Counters.TotalDrops == 0, "drops before any input");

            byte[] copy = (byte[])input.Clone();
            discovery.OnDatagram(Sender, input, 0, input.Length);
            Check(discovery.Counters.Drops(MdnsDrop.Internal) == 0, "internal failure while handling the datagram");
            Check(copy.AsSpan().SequenceEqual(input), "the datagram's buffer was modified");
            Check(discovery.Counters.TotalDrops <= 1, "one datagram counted as several drops");
            CheckTable(discovery);

            // Answers, re-queries and expiry the input may have scheduled (bounded: a TTL of
            // hours would otherwise keep deadlines coming).
            for (int i = 0; i < MaxTicks && discovery.NextDeadline != PhoneTimer.Never; i++)
            {
                RunUntil(discovery, discovery.NextDeadline);
                Check(discovery.Counters.Drops(MdnsDrop.Internal) == 0, "internal failure in OnTick");
                CheckTable(discovery);
            }

            discovery.Stop();
            Check(discovery.Counters.Drops(MdnsDrop.Internal) == 0, "internal failure while stopping");
        }

        private void RunUntil(PhoneDiscovery discovery, long deadline)
        {
            if (deadline > _now)
            {
                _now = deadline;
            }

            discovery.OnTick();
        }

        private static void CheckTable(PhoneDiscovery discovery)
        {
            FoundPhone[] found = discovery.PhonesFound();
            Check(found.Length <= Cap, found.Length + " phones found, cap " + Cap);
            foreach (FoundPhone p in found)
            {
                Check(discovery.AddressOf(p) != null, "a listed phone without an address");
            }
        }

        bool IMulticastTransport.JoinGroup(NetAddress group)
        {
            Check(group.SameAs(Group), "joined another group than 224.0.0.251:5353");
            return true;
        }

        void IDatagramTransport.Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            Check(count >= DnsLimits.HeaderLength && count <= DnsLimits.MaxMessage, "sent " + count + " bytes");
            Check(to.SameAs(Group) || to.SameAs(Sender), "sent to " + to);
            MdnsDrop verdict = _sent.Parse(buffer, offset, count);
            Check(verdict == MdnsDrop.None, "sent a message our parser refuses: " + verdict);
        }

        private static void Check(bool ok, string what) => BrokenPromise.Check(ok, what);

        private static byte[] NewKey()
        {
            var key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(0xA0 + i);
            }

            return key;
        }

        public void Dispose()
        {
        }
    }
}
