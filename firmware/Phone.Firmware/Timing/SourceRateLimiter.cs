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
        /// <summary>Load lasts this long after the global bucket was last seen empty.</summary>
        public const long LoadHoldMs = 1000;

        private readonly NetAddress[] _sources;
        private readonly TokenBucket[] _buckets;
        private readonly long[] _lastUse;
        private readonly TokenBucket _global;
        private long _loadUntil = long.MinValue;

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

        /// <summary>
        /// The global bucket is empty: first messages arrive faster than the phone answers them
        /// ("under load", docs/protocol.md §11).
        /// </summary>
        public bool UnderLoad(long now)
        {
            if (!_global.HasToken(now))
            {
                _loadUntil = now + LoadHoldMs;
            }

            return now < _loadUntil;
        }

        /// <summary>
        /// A first message answered by a cookie still drains the global bucket, so a sustained
        /// flood keeps the phone under load instead of letting one message through per refill.
        /// </summary>
        public void ChargeLoad(long now)
        {
            _global.TryTake(now);
        }

        /// <summary>A source that proved its address (valid mac2): its own bucket only, not the global one.</summary>
        public bool AllowProven(NetAddress source, long now)
        {
            return SourceBucket(source, now).TryTake(now);
        }

        /// <summary>True if source may cause one more unit of work now.</summary>
        public bool Allow(NetAddress source, long now)
        {
            if (!SourceBucket(source, now).TryTake(now))
            {
                return false;
            }

            return _global.TryTake(now);
        }

        private TokenBucket SourceBucket(NetAddress source, long now)
        {
            int slot = Find(source);
            if (slot < 0)
            {
                slot = Oldest();
                _sources[slot] = source;
                _buckets[slot].Reset(now);
            }

            _lastUse[slot] = now;
            return _buckets[slot];
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
