// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>Traffic and drop counters of the discovery service.</summary>
    public class MdnsCounters
    {
        /// <summary>Number of MdnsDrop values.</summary>
        public const int ReasonCount = 13;

        private readonly int[] _drops = new int[ReasonCount];

        /// <summary>mDNS messages received (accepted or not).</summary>
        public int Received { get; internal set; }

        /// <summary>mDNS messages sent.</summary>
        public int Sent { get; internal set; }

        /// <summary>Messages written too large for the buffer (not sent).</summary>
        public int WriteOverflows { get; internal set; }

        /// <summary>Name conflicts seen for our instance name (each one renamed or re-probed).</summary>
        public int Conflicts { get; internal set; }

        /// <summary>How many were dropped for reason.</summary>
        public int Drops(MdnsDrop reason)
        {
            return _drops[(int)reason];
        }

        /// <summary>All drops.</summary>
        public int TotalDrops
        {
            get
            {
                int n = 0;
                for (int i = 0; i < ReasonCount; i++)
                {
                    n += _drops[i];
                }

                return n;
            }
        }

        internal void Drop(MdnsDrop reason)
        {
            _drops[(int)reason]++;
        }
    }
}
