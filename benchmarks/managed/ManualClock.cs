// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Benchmarks
{
    /// <summary>A clock the benchmark moves by hand, so timers fire exactly when asked.</summary>
    internal sealed class ManualClock : IClock
    {
        /// <summary>Current time in ms.</summary>
        public long NowMilliseconds { get; set; } = 1000;
    }
}
