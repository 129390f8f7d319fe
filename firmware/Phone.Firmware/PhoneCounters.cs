// SPDX-License-Identifier: MIT
using Phone.Firmware.Wire;

namespace Phone.Firmware
{
    /// <summary>Traffic and security counters of one phone (read by tests, the simulator and benchmarks).</summary>
    public class PhoneCounters
    {
        private readonly int[] _drops = new int[DropReasonNames.Count];

        /// <summary>Datagrams handed to OnDatagram.</summary>
        public int DatagramsReceived { get; internal set; }

        /// <summary>Datagrams sent (all types, retransmissions included).</summary>
        public int DatagramsSent { get; internal set; }

        /// <summary>Media packets sealed and sent.</summary>
        public int MediaSent { get; internal set; }

        /// <summary>Media packets opened and decoded into the jitter buffer.</summary>
        public int MediaReceived { get; internal set; }

        /// <summary>Received frames played in their turn.</summary>
        public int FramesPlayed { get; internal set; }

        /// <summary>Frames that arrived after their turn to play (or that a stalled loop left behind).</summary>
        public int FramesLate { get; internal set; }

        /// <summary>Frames of a running stream that never arrived (late ones not included).</summary>
        public int FramesLost { get; internal set; }

        /// <summary>Concealment frames played for missing frames or to deepen the jitter buffer.</summary>
        public int FramesConcealed { get; internal set; }

        /// <summary>Control messages sent (retransmissions included).</summary>
        public int ControlSent { get; internal set; }

        /// <summary>Control messages opened.</summary>
        public int ControlReceived { get; internal set; }

        /// <summary>Handshake and reliable-control retransmissions.</summary>
        public int Retransmissions { get; internal set; }

        /// <summary>Duplicate handshake messages answered from a cached reply.</summary>
        public int DuplicatesAnswered { get; internal set; }

        /// <summary>Duplicate first messages not answered: faster than the retransmission schedule, or after it ended.</summary>
        public int DuplicatesIgnored { get; internal set; }

        /// <summary>Symmetric ratchet steps of this side's sending key.</summary>
        public int Ratchets { get; internal set; }

        /// <summary>DH re-keys completed (offered or answered).</summary>
        public int Rekeys { get; internal set; }

        /// <summary>ERROR datagrams sent.</summary>
        public int ErrorsSent { get; internal set; }

        /// <summary>Fragmented handshake messages put back together (§2.1).</summary>
        public int MessagesReassembled { get; internal set; }

        /// <summary>Partly received messages discarded (evicted for room or timed out; their fragments are drops).</summary>
        public int PartialsDiscarded { get; internal set; }
        /// <summary>COOKIE_REPLY datagrams sent: first messages under load without a valid mac2 (§11).</summary>
        public int CookieRepliesSent { get; internal set; }

        /// <summary>Cookies taken from a COOKIE_REPLY answering our own first message (§11).</summary>
        public int CookiesReceived { get; internal set; }

        /// <summary>Datagrams dropped for reason.</summary>
        public int Drops(DropReason reason)
        {
            return reason == DropReason.None ? 0 : _drops[(int)reason];
        }

        /// <summary>All dropped datagrams.</summary>
        public int TotalDrops
        {
            get
            {
                int total = 0;
                for (int i = 0; i < _drops.Length; i++)
                {
                    total += _drops[i];
                }

                return total;
            }
        }

        internal void Drop(DropReason reason)
        {
            if (reason == DropReason.None)
            {
                return;
            }

            _drops[(int)reason]++;
        }

        /// <summary>Multi-line summary (drop reasons with a non-zero count).</summary>
        public override string ToString()
        {
            string s = "sent " + DatagramsSent.ToString() + ", received " + DatagramsReceived.ToString()
                       + ", media out/in " + MediaSent.ToString() + "/" + MediaReceived.ToString()
                       + ", frames played/late/lost/concealed " + FramesPlayed.ToString() + "/"
                       + FramesLate.ToString() + "/" + FramesLost.ToString() + "/" + FramesConcealed.ToString()
                       + ", retransmissions " + Retransmissions.ToString() + ", ratchets " + Ratchets.ToString()
                       + ", re-keys " + Rekeys.ToString();
            for (int i = 0; i < _drops.Length; i++)
            {
                if (_drops[i] > 0)
                {
                    s += "\n  dropped (" + DropReasonNames.Name((DropReason)i) + "): " + _drops[i].ToString();
                }
            }

            return s;
        }
    }
}
