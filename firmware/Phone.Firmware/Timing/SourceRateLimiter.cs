// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Firmware.Timing
{
    /// <summary>
    /// Bounded per-source rate limit for work that costs crypto (handshake
    /// first messages, ERROR replies): a fixed table of token buckets keyed by
    /// address, the least recently used slot reused for a new source, plus
    /// one global bucket so spoofed sources cannot multiply the budget.
    /// </summary>
    public class SourceRateLimiter
    {
        private readonly NetAddress[] _sources;
        private readonly TokenBucket[] _buckets;
        private readonly long[] _lastUse;
        private readonly TokenBucket _global;

        /// <summary>Creates the table (slots sources) with per-source and global rates.</summary>
        public SourceRateLimiter(int slots, int perSourcePerSecond, int perSourceBurst, int globalPerSecond,
            int globalBurst, long now)
        {
            _sources = new NetAddress[slots];
            _buckets = new TokenBucket[slots];
            _lastUse = new long[slots];
            for (int i = 0; i < slots; i++)
            {
                _buckets[i] = new TokenBucket(perSourcePerSecond, perSourceBurst, now);
            }

            _global = new TokenBucket(globalPerSecond, globalBurst, now);
        }

        /// <summary>True if source may cause one more unit of work now.</summary>
        public bool Allow(NetAddress source, long now)
        {
            int slot = Find(source);
            if (slot < 0)
            {
                slot = Oldest();
                _sources[slot] = source;
                _buckets[slot].Reset(now);
            }

            _lastUse[slot] = now;
            if (!_buckets[slot].TryTake(now))
            {
                return false;
            }

            return _global.TryTake(now);
        }

        private int Find(NetAddress source)
        {
            for (int i = 0; i < _sources.Length; i++)
            {
                if (_sources[i] != null && _sources[i].SameAs(source))
                {
                    return i;
                }
            }

            return -1;
        }

        private int Oldest()
        {
            int best = 0;
            for (int i = 0; i < _sources.Length; i++)
            {
                if (_sources[i] == null)
                {
                    return i;
                }

                if (_lastUse[i] < _lastUse[best])
                {
                    best = i;
                }
            }

            return best;
        }
    }
}
