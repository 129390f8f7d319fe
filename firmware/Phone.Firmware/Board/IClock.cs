// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>
    /// Monotonic milliseconds. Injected so tests and the simulator can run
    /// timers deterministically or faster than real time.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long NowMilliseconds { get; }
    }
}
