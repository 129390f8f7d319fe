// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Timing
{
    /// <summary>
    /// One deadline on the injected clock, owned by a state machine and fired
    /// by the TimerQueue. Arming and disarming allocate nothing.
    /// </summary>
    public class PhoneTimer
    {
        /// <summary>Deadline value of a disarmed timer.</summary>
        public const long Never = long.MaxValue;

        internal PhoneTimer(ITimerHandler handler, int id)
        {
            Handler = handler;
            Id = id;
            Deadline = Never;
        }

        /// <summary>The owner's tag for this timer.</summary>
        public int Id { get; private set; }

        /// <summary>Absolute deadline in clock milliseconds, or Never.</summary>
        public long Deadline { get; private set; }

        /// <summary>True while a deadline is set.</summary>
        public bool Armed
        {
            get { return Deadline != Never; }
        }

        internal ITimerHandler Handler { get; set; }

        /// <summary>Fires at the absolute time at (clock milliseconds).</summary>
        public void ArmAt(long at)
        {
            Deadline = at;
        }

        /// <summary>Disarms.</summary>
        public void Disarm()
        {
            Deadline = Never;
        }
    }
}
