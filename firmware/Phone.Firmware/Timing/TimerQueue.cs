// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Timing
{
    /// <summary>
    /// The phone's single timer module: every timeout, retransmission, media
    /// frame and key-schedule step is a PhoneTimer here, fired from OnTick by
    /// the injected clock, so tests and the simulator run deterministically.
    /// A fixed array, linear scans, no allocation after registration.
    /// </summary>
    public class TimerQueue
    {
        private PhoneTimer[] _timers = new PhoneTimer[16];
        private int _count;

        /// <summary>Creates a disarmed timer for handler.</summary>
        public PhoneTimer Create(ITimerHandler handler, int id)
        {
            PhoneTimer timer = new PhoneTimer(handler, id);
            if (_count == _timers.Length)
            {
                PhoneTimer[] larger = new PhoneTimer[_timers.Length * 2];
                System.Array.Copy(_timers, larger, _count);
                _timers = larger;
            }

            _timers[_count++] = timer;
            return timer;
        }

        /// <summary>Disarms and removes timer (its owner is going away).</summary>
        public void Release(PhoneTimer timer)
        {
            if (timer == null)
            {
                return;
            }

            timer.Disarm();
            timer.Handler = null;
            for (int i = 0; i < _count; i++)
            {
                if (_timers[i] == timer)
                {
                    _timers[i] = _timers[_count - 1];
                    _timers[_count - 1] = null;
                    _count--;
                    return;
                }
            }
        }

        /// <summary>Registered timers (armed or not).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Earliest deadline of any armed timer, or PhoneTimer.Never.</summary>
        public long NextDeadline
        {
            get
            {
                long next = PhoneTimer.Never;
                for (int i = 0; i < _count; i++)
                {
                    if (_timers[i].Deadline < next)
                    {
                        next = _timers[i].Deadline;
                    }
                }

                return next;
            }
        }

        /// <summary>
        /// Fires every timer whose deadline is at or before now, earliest
        /// first. A handler may arm, disarm, create or release timers; a timer
        /// re-armed for a time not after now fires again within this call
        /// (bounded to avoid a handler that never advances).
        /// </summary>
        public int RunDue(long now)
        {
            int fired = 0;
            int limit = 64 + _count * 8;
            while (fired < limit)
            {
                PhoneTimer due = Earliest(now);
                if (due == null)
                {
                    break;
                }

                due.Disarm();
                fired++;
                ITimerHandler handler = due.Handler;
                if (handler != null)
                {
                    handler.OnTimer(due, now);
                }
            }

            return fired;
        }

        private PhoneTimer Earliest(long now)
        {
            PhoneTimer best = null;
            for (int i = 0; i < _count; i++)
            {
                PhoneTimer t = _timers[i];
                if (t.Deadline <= now && (best == null || t.Deadline < best.Deadline))
                {
                    best = t;
                }
            }

            return best;
        }
    }
}
