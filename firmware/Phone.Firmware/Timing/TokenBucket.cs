// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Timing
{
    /// <summary>Integer token bucket: ratePerSecond tokens per second, at most burst saved.</summary>
    public class TokenBucket
    {
        private readonly long _capacityMilli;
        private readonly int _ratePerSecond;
        private long _tokensMilli;
        private long _last;

        /// <summary>Creates a full bucket.</summary>
        public TokenBucket(int ratePerSecond, int burst, long now)
        {
            _ratePerSecond = ratePerSecond;
            _capacityMilli = (long)burst * 1000;
            _tokensMilli = _capacityMilli;
            _last = now;
        }

        /// <summary>Takes one token if available.</summary>
        public bool TryTake(long now)
        {
            if (!HasToken(now))
            {
                return false;
            }

            _tokensMilli -= 1000;
            return true;
        }

        /// <summary>Refills to now and says whether a token is there, without taking it.</summary>
        public bool HasToken(long now)
        {
            if (now > _last)
            {
                _tokensMilli += (now - _last) * _ratePerSecond;
                if (_tokensMilli > _capacityMilli)
                {
                    _tokensMilli = _capacityMilli;
                }

                _last = now;
            }

            return _tokensMilli >= 1000;
        }

        /// <summary>Refills completely (a new source takes over this slot).</summary>
        public void Reset(long now)
        {
            _tokensMilli = _capacityMilli;
            _last = now;
        }
    }
}
