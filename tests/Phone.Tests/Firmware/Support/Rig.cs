using System;
using System.Collections.Generic;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>Several test phones on one fake network and one manual clock.</summary>
    public sealed class Rig : IDisposable
    {
        private readonly List<TestPhone> _phones = new List<TestPhone>();

        public ManualClock Clock { get; } = new ManualClock();
        public FakeNetwork Net { get; } = new FakeNetwork();

        public TestPhone Add(string name, int address, Action<Phone.Firmware.PhoneConfig> configure = null,
            string directory = null)
        {
            var phone = new TestPhone(name, address, Net, Clock, configure, directory);
            _phones.Add(phone);
            return phone;
        }

        /// <summary>Delivers traffic and fires due timers until quiet at the current time.</summary>
        public void Settle()
        {
            for (int round = 0; round < 1000; round++)
            {
                bool busy = Net.Pump() > 0;
                foreach (var p in _phones)
                {
                    if (p.Core.NextDeadline <= Clock.NowMilliseconds)
                    {
                        p.Core.OnTick();
                        busy = true;
                    }
                }

                if (!busy)
                {
                    return;
                }
            }
        }

        /// <summary>Advances the clock by ms in steps, settling after each.</summary>
        public void Run(long ms, int stepMs = 10)
        {
            Settle();
            for (long t = 0; t < ms; t += stepMs)
            {
                Clock.Advance(stepMs);
                Settle();
            }
        }

        /// <summary>Runs until condition holds (or maxMs passes); returns whether it held.</summary>
        public bool RunUntil(Func<bool> condition, long maxMs = 20000, int stepMs = 10)
        {
            Settle();
            for (long t = 0; t < maxMs && !condition(); t += stepMs)
            {
                Clock.Advance(stepMs);
                Settle();
            }

            return condition();
        }

        public void Dispose()
        {
            foreach (var p in _phones)
            {
                p.Dispose();
            }
        }
    }
}
