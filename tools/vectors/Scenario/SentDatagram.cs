// SPDX-License-Identifier: MIT
namespace Phone.Vectors.Scenario
{
    /// <summary>One datagram a phone sent, as the network recorded it.</summary>
    internal sealed class SentDatagram
    {
        public SentDatagram(int index, long timeMs, string from, string to, byte[] bytes, long due)
        {
            Index = index;
            TimeMs = timeMs;
            From = from;
            To = to;
            Bytes = bytes;
            Due = due;
        }

        /// <summary>Position in the whole run's traffic.</summary>
        public int Index { get; }
        public long TimeMs { get; }
        public string From { get; }
        public string To { get; }
        public byte[] Bytes { get; }
        public long Due { get; }
    }
}
