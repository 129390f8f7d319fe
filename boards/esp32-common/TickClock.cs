using System;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>IClock from the system tick count (monotonic; never set by SNTP).</summary>
    public class TickClock : IClock
    {
        /// <summary>Milliseconds since boot.</summary>
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
