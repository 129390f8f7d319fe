// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>
    /// One phone seen on the network: its advertised name and fingerprint and
    /// where it says it is. All of it is a claim by whoever sent it: a hint for
    /// finding a pinned contact, never a reason to trust (the handshake decides).
    /// </summary>
    public class FoundPhone
    {
        internal FoundPhone(byte[] instance, string name)
        {
            Instance = instance;
            Name = name;
            Version = -1;
        }

        /// <summary>Instance name in wire form (label + service type).</summary>
        internal byte[] Instance { get; private set; }

        /// <summary>Display name (instance label, control characters replaced).</summary>
        public string Name { get; private set; }

        /// <summary>The TXT "fp" (16 hex digits), or null if not (yet) known or malformed.</summary>
        public string Fingerprint { get; internal set; }

        /// <summary>The TXT "v" protocol version, or -1.</summary>
        public int Version { get; internal set; }

        /// <summary>SRV target host (wire form), or null.</summary>
        internal byte[] Host { get; set; }

        /// <summary>SRV port (0: unknown).</summary>
        public int Port { get; internal set; }

        internal long ExpiresAt { get; set; }

        internal long SrvExpiresAt { get; set; }

        internal long TxtExpiresAt { get; set; }

        internal long RefreshAt { get; set; }

        internal long AskedAt { get; set; }

        internal int AskCount { get; set; }

        /// <summary>Clock time its records were last received.</summary>
        public long LastHeardAt { get; internal set; }
    }
}
