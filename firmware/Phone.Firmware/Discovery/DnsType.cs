// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>DNS resource record types used by DNS-SD (RFC 1035, 2782, 6763).</summary>
    public enum DnsType
    {
        /// <summary>IPv4 host address.</summary>
        A = 1,
        /// <summary>Pointer: service type to instance name.</summary>
        Ptr = 12,
        /// <summary>Key=value strings of a service instance.</summary>
        Txt = 16,
        /// <summary>IPv6 host address (ignored: the phones speak IPv4).</summary>
        Aaaa = 28,
        /// <summary>Service location: port and host name.</summary>
        Srv = 33,
        /// <summary>Question for every type (probes ask it).</summary>
        Any = 255
    }
}
