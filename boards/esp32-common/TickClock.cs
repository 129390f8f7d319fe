// SPDX-License-Identifier: MIT
using nanoFramework.Hardware.Esp32;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// IClock from the ESP32's esp_timer (microseconds since boot): monotonic, unlike
    /// DateTime, which SNTP may step. (mscorlib 1.17 has no Environment.TickCount64.)
    /// </summary>
    public class TickClock : IClock
    {
        /// <summary>Milliseconds since boot.</summary>
        public long NowMilliseconds
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000); }
        }
    }
}
