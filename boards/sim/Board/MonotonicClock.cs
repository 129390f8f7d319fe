// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Phone.Firmware.Board;

namespace Phone.Sim.Board
{
    /// <summary>
    /// The firmware's clock on the host: Stopwatch ticks, which on Linux are
    /// CLOCK_MONOTONIC and therefore comparable between the demo's processes.
    /// </summary>
    internal sealed class MonotonicClock : IClock
    {
        /// <summary>Milliseconds of the system-wide monotonic clock.</summary>
        public long NowMilliseconds
        {
            get { return Stopwatch.GetTimestamp() * 1000 / Stopwatch.Frequency; }
        }

        /// <summary>The same clock with sub-millisecond resolution, for reports.</summary>
        public static double NowPrecise()
        {
            return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        }
    }
}
