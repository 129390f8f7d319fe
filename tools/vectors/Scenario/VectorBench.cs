// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// Two phones, one clock, one network, and the native trace collected after every step:
    /// the whole scenario runs on one thread in a fixed order, so the same seed gives the
    /// same bytes.
    /// </summary>
    internal sealed class VectorBench : IDisposable
    {
        /// <summary>Clock step: a quarter of a media frame, finer than every timer of the phone.</summary>
        public const int StepMs = 5;

        public VectorBench(long clockStart, int latencyMs)
        {
            Clock = new VectorClock(clockStart);
            Net = new VectorNetwork(Clock, latencyMs);
        }

        public VectorClock Clock { get; }
        public VectorNetwork Net { get; }
        public List<VectorPhone> Phones { get; } = new List<VectorPhone>();

        /// <summary>The native trace since vector mode began, in order.</summary>
        public List<TraceEntry> Trace { get; } = new List<TraceEntry>();

        public VectorPhone Add(string name, int number)
        {
            var phone = new VectorPhone(name, number, Net, Clock);
            Phones.Add(phone);
            phone.Core.Start();
            Collect();
            return phone;
        }

        /// <summary>Delivers traffic and fires due timers until nothing is left at this time.</summary>
        public void Settle()
        {
            for (int round = 0; round < 1000; round++)
            {
                bool busy = Net.Pump() > 0;
                foreach (var p in Phones)
                {
                    if (p.Core.NextDeadline <= Clock.NowMilliseconds)
                    {
                        p.Core.OnTick();
                        busy = true;
                    }
                }

                Collect();
                if (!busy)
                {
                    return;
                }
            }

            throw new InvalidOperationException("the phones did not settle at " + Clock.NowMilliseconds + " ms");
        }

        /// <summary>Advances the clock in steps until condition holds; throws after maxMs.</summary>
        public void RunUntil(Func<bool> condition, long maxMs, string what)
        {
            Settle();
            for (long t = 0; !condition(); t += StepMs)
            {
                if (t >= maxMs)
                {
                    throw new InvalidOperationException("scenario: " + what + " did not happen within " + maxMs + " ms");
                }

                Clock.Advance(StepMs);
                Settle();
            }
        }

        /// <summary>Advances the clock by ms in steps.</summary>
        public void Run(long ms)
        {
            Settle();
            for (long t = 0; t < ms; t += StepMs)
            {
                Clock.Advance(StepMs);
                Settle();
            }
        }

        public void Collect()
        {
            Trace.AddRange(VectorHooks.Drain());
        }

        public void Dispose()
        {
            foreach (var p in Phones)
            {
                p.Dispose();
            }
        }
    }
}
