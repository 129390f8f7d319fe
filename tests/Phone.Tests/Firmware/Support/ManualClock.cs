// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>A clock that moves only when the test says so.</summary>
    public sealed class ManualClock : IClock
    {
        public ManualClock(long start = 1000)
        {
            NowMilliseconds = start;
        }

        public long NowMilliseconds { get; private set; }

        public void Advance(long ms)
        {
            NowMilliseconds += ms;
        }
    }
}
