// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Timing
{
    /// <summary>
    /// Exponential retransmission schedule: first retry after InitialMs, each
    /// following one after twice the previous gap (capped at MaxMs), until
    /// TimeoutMs after the first send.
    /// </summary>
    public class Backoff
    {
        /// <summary>Creates a schedule.</summary>
        public Backoff(int initialMs, int maxMs, int timeoutMs)
        {
            InitialMs = initialMs;
            MaxMs = maxMs;
            TimeoutMs = timeoutMs;
        }

        /// <summary>Gap before the first retransmission.</summary>
        public int InitialMs { get; private set; }

        /// <summary>Largest gap between retransmissions.</summary>
        public int MaxMs { get; private set; }

        /// <summary>Overall time after the first send before giving up.</summary>
        public int TimeoutMs { get; private set; }

        /// <summary>Gap after the given number of sends so far (1 = after the first send).</summary>
        public int Gap(int sends)
        {
            long gap = InitialMs;
            for (int i = 1; i < sends && gap < MaxMs; i++)
            {
                gap *= 2;
            }

            return gap > MaxMs ? MaxMs : (int)gap;
        }
    }
}
