// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Vectors.Scenario
{
    /// <summary>The scenario's clock: moves only when the scenario says so.</summary>
    internal sealed class VectorClock : IClock
    {
        public VectorClock(long start)
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
