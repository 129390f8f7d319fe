// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Firmware.Discovery
{
    /// <summary>The writer and socket the responder and browser share: one message is built and sent at a time.</summary>
    internal class MdnsLink
    {
        private readonly IMulticastTransport _transport;

        internal MdnsLink(IMulticastTransport transport, NetAddress group, MdnsCounters counters)
        {
            _transport = transport;
            Group = group;
            Counters = counters;
            Writer = new DnsWriter(DnsLimits.MaxMessage);
        }

        internal DnsWriter Writer { get; private set; }

        internal NetAddress Group { get; private set; }

        internal MdnsCounters Counters { get; private set; }

        /// <summary>Sends the written message to the group (nothing if it overflowed).</summary>
        internal void SendToGroup()
        {
            SendTo(Group);
        }

        /// <summary>Sends the written message to one address (legacy unicast answers).</summary>
        internal void SendTo(NetAddress to)
        {
            if (Writer.Overflowed)
            {
                Counters.WriteOverflows++;
                return;
            }

            Counters.Sent++;
            _transport.Send(to, Writer.Buffer, 0, Writer.Length);
        }
    }
}
