// SPDX-License-Identifier: MIT
using Phone.Firmware.Ui;

namespace Phone.Firmware
{
    /// <summary>One thing that happened in a PhoneCore, with its timing. Never carries key material.</summary>
    public class PhoneEvent
    {
        /// <summary>Creates an event.</summary>
        public PhoneEvent(PhoneEventKind kind, long timeMs, string text)
        {
            Kind = kind;
            TimeMs = timeMs;
            Text = text;
            ContactIndex = -1;
        }

        /// <summary>What happened.</summary>
        public PhoneEventKind Kind { get; private set; }

        /// <summary>Clock time (ms) when it happened.</summary>
        public long TimeMs { get; private set; }

        /// <summary>Human-readable detail, or null.</summary>
        public string Text { get; set; }

        /// <summary>Milliseconds since the user action that started this step (Pair, Call), or 0.</summary>
        public long ElapsedMs { get; set; }

        /// <summary>Full round trips on the critical path (CallKeysReady: 1 on the IK path).</summary>
        public int RoundTrips { get; set; }

        /// <summary>Handshake messages on the critical path up to this point (pairing code: 2 or 3).</summary>
        public int Flights { get; set; }

        /// <summary>Handshake retransmissions spent so far in this step.</summary>
        public int Retransmissions { get; set; }

        /// <summary>Verification code (CodeShown, KeyChanged, Unverified), or null.</summary>
        public string Code { get; set; }

        /// <summary>The code as PGP words, or null.</summary>
        public string CodeWords { get; set; }

        /// <summary>Peer's display name, or null.</summary>
        public string PeerName { get; set; }

        /// <summary>Contact slot concerned, or -1.</summary>
        public int ContactIndex { get; set; }

        /// <summary>Security badge of the call at this point.</summary>
        public Badge Badge { get; set; }

        /// <summary>One-line description for logs.</summary>
        public override string ToString()
        {
            string s = "[" + TimeMs.ToString() + " ms] " + PhoneEventNames.Name(Kind);
            if (PeerName != null)
            {
                s += " peer=" + PeerName;
            }

            if (Code != null)
            {
                s += " code=" + Code;
            }

            if (ElapsedMs > 0 || RoundTrips > 0)
            {
                s += " elapsed=" + ElapsedMs.ToString() + "ms rtt=" + RoundTrips.ToString();
            }

            if (Text != null)
            {
                s += " (" + Text + ")";
            }

            return s;
        }
    }
}
