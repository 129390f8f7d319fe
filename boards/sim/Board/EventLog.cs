// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Threading;

namespace Phone.Sim.Board
{
    /// <summary>
    /// Everything a simulated phone reported, in order, with waits: the phone's
    /// loop thread appends, tests and front ends wait for what they expect.
    /// </summary>
    internal sealed class EventLog
    {
        private readonly List<SimEvent> _entries = new List<SimEvent>();

        /// <summary>Raised (on the appending thread) for each new entry.</summary>
        public event Action<SimEvent> Added;

        /// <summary>Index the next entry will get: wait "from here on" after an action.</summary>
        public int Mark()
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }

        /// <summary>Appends an entry and wakes the waiters.</summary>
        public void Add(SimEvent entry)
        {
            lock (_entries)
            {
                _entries.Add(entry);
                Monitor.PulseAll(_entries);
            }

            Added?.Invoke(entry);
        }

        /// <summary>A copy of all entries.</summary>
        public List<SimEvent> All()
        {
            lock (_entries)
            {
                return new List<SimEvent>(_entries);
            }
        }

        /// <summary>The first entry from index on that matches, or null after timeout.</summary>
        public SimEvent TryWait(Func<SimEvent, bool> match, int fromIndex, TimeSpan timeout)
        {
            DateTime end = DateTime.UtcNow + timeout;
            lock (_entries)
            {
                int i = fromIndex;
                while (true)
                {
                    for (; i < _entries.Count; i++)
                    {
                        if (match(_entries[i]))
                        {
                            return _entries[i];
                        }
                    }

                    TimeSpan left = end - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        return null;
                    }

                    Monitor.Wait(_entries, left);
                }
            }
        }

        /// <summary>Like TryWait, but throws TimeoutException naming what was awaited.</summary>
        public SimEvent Wait(Func<SimEvent, bool> match, int fromIndex, TimeSpan timeout, string what)
        {
            SimEvent e = TryWait(match, fromIndex, timeout);
            if (e == null)
            {
                throw new TimeoutException("no " + what + " within " + timeout.TotalSeconds + " s");
            }

            return e;
        }

        /// <summary>Number of entries from index on that match.</summary>
        public int Count(Func<SimEvent, bool> match, int fromIndex = 0)
        {
            lock (_entries)
            {
                int n = 0;
                for (int i = fromIndex; i < _entries.Count; i++)
                {
                    if (match(_entries[i]))
                    {
                        n++;
                    }
                }

                return n;
            }
        }
    }
}
