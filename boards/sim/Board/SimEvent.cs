// SPDX-License-Identifier: MIT
using Phone.Firmware;
using Phone.Firmware.Ui;

namespace Phone.Sim.Board
{
    /// <summary>One entry of a simulated phone's log: a firmware event or a new screen, with its time.</summary>
    internal sealed class SimEvent
    {
        /// <summary>A firmware event.</summary>
        public SimEvent(double time, PhoneEvent phoneEvent)
        {
            Time = time;
            Event = phoneEvent;
        }

        /// <summary>A screen change.</summary>
        public SimEvent(double time, Screen screen)
        {
            Time = time;
            Screen = screen;
        }

        /// <summary>Monotonic time in ms (MonotonicClock.NowPrecise).</summary>
        public double Time { get; }

        /// <summary>The firmware event, or null for a screen change.</summary>
        public PhoneEvent Event { get; }

        /// <summary>The new screen, or null for an event.</summary>
        public Screen Screen { get; }

        /// <summary>True for an event of this kind.</summary>
        public bool Is(PhoneEventKind kind)
        {
            return Event != null && Event.Kind == kind;
        }
    }
}
