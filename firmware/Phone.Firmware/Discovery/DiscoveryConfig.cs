// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>Settings of the discovery service.</summary>
    public class DiscoveryConfig
    {
        /// <summary>Defaults: standard mDNS port, 16 phones, queries at most a minute apart.</summary>
        public DiscoveryConfig()
        {
            GroupPort = MdnsGroup.Port;
            MaxPhones = 16;
            MaxQueryIntervalMs = 60000;
        }

        /// <summary>UDP port of the group (5353; tests may use another to stay among themselves).</summary>
        public int GroupPort { get; set; }

        /// <summary>Capacity of the table of phones found (and of the host address table).</summary>
        public int MaxPhones { get; set; }

        /// <summary>Longest interval between two browse queries (they start at 1 s and double).</summary>
        public int MaxQueryIntervalMs { get; set; }
    }
}
