// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Firmware.Discovery
{
    /// <summary>The mDNS multicast group and port (RFC 6762 §3).</summary>
    public static class MdnsGroup
    {
        /// <summary>The standard mDNS UDP port.</summary>
        public const int Port = 5353;

        /// <summary>224.0.0.251 at port (5353 on a real network; tests may isolate themselves on another).</summary>
        public static NetAddress Address(int port)
        {
            return new NetAddress(224, 0, 0, 251, port);
        }
    }
}
