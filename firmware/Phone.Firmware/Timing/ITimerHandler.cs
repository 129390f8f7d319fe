// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Timing
{
    /// <summary>Receives timer expiries from the TimerQueue.</summary>
    public interface ITimerHandler
    {
        /// <summary>Called once when timer's deadline has passed; the timer is disarmed first.</summary>
        void OnTimer(PhoneTimer timer, long now);
    }
}
