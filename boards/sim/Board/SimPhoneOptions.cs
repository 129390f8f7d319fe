// SPDX-License-Identifier: MIT
using System;
using System.Net;
using Phone.Firmware;

namespace Phone.Sim.Board
{
    /// <summary>How to start a simulated phone.</summary>
    internal sealed class SimPhoneOptions
    {
        /// <summary>Display name (sent to peers while pairing).</summary>
        public string Name { get; set; } = "Phone";

        /// <summary>Directory of its secure flash (flash/ records, efuse.key) and address book.</summary>
        public string FlashDir { get; set; }

        /// <summary>UDP address to listen on (port 0: any free port).</summary>
        public IPEndPoint Listen { get; set; } = new IPEndPoint(IPAddress.Loopback, 0);

        /// <summary>Changes to the firmware's settings (timers, auto-answer).</summary>
        public Action<PhoneConfig> Configure { get; set; }

        /// <summary>Network interface for discovery (mDNS), e.g. "eth0" or "lo"; null: no discovery.</summary>
        public string Lan { get; set; }

        /// <summary>UDP port of the mDNS group (5353; tests isolate themselves on another).</summary>
        public int MdnsPort { get; set; } = Phone.Firmware.Discovery.MdnsGroup.Port;

        /// <summary>Erase identity and contacts at start-up and create a new identity (the user asked for it).</summary>
        /// <summary>Organisation bundle applied at start, as a board applies its image's resource (null: none).</summary>
        public string OrgBundle { get; set; }

        public bool FactoryReset { get; set; }

        /// <summary>Each native call stalls the phone's loop as long as on a 240 MHz ESP32 (boards/sim/Timing).</summary>
        public bool DeviceTiming { get; set; }

        /// <summary>Keep the bytes of sent and played audio frames, not only their digests (tests).</summary>
        public bool KeepFrames { get; set; }
    }
}
