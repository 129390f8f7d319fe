// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>Several test phones on one fake network and one manual clock.</summary>
    public sealed class Rig : IDisposable
    {
        private readonly List<TestPhone> _phones = new List<TestPhone>();
        private readonly Dictionary<TestPhone, Phone.Sim.Timing.DeviceStall> _stalls =
            new Dictionary<TestPhone, Phone.Sim.Timing.DeviceStall>();

        public Rig()
        {
            Clock = new ManualClock();
            Net = new FakeNetwork(Clock);
        }

        public ManualClock Clock { get; }
        public FakeNetwork Net { get; }

        public TestPhone Add(string name, int address, Action<Phone.Firmware.PhoneConfig> configure = null,
            string directory = null)
        {
            var phone = new TestPhone(name, address, Net, Clock, configure, directory);
            _phones.Add(phone);
            return phone;
        }

        /// <summary>
        /// Device-timing mode for phone: its native calls stall it (and this rig's clock) for their
        /// estimated ESP32 duration; dmaBudgetMs overrides the boards' I2S budget (-1: the boards').
        /// </summary>
        public Phone.Sim.Timing.DeviceStall UseDeviceTiming(TestPhone phone, int dmaBudgetMs = -1)
        {
            var stall = new Phone.Sim.Timing.DeviceStall(Phone.Sim.Timing.DeviceTimingTable.LoadDefault(),
                Clock.Advance, dmaBudgetMs);
            _stalls[phone] = stall;
            Net.Attach(phone.Address, d => stall.Turn(() => phone.Core.OnDatagram(d.From, d.Bytes, 0, d.Bytes.Length)));
            return stall;
        }

        private void Tick(TestPhone p)
        {
            if (_stalls.TryGetValue(p, out var stall))
            {
                stall.Turn(p.Core.OnTick);
            }
            else
            {
                p.Core.OnTick();
            }
        }

        /// <summary>Closes phone (keeping its directory), lets edit change its files, starts it again.</summary>
        public TestPhone Restart(TestPhone phone, Action<string> edit = null)
        {
            int address = phone.Address.Octet(3);
            phone.Core.Dispose();
            phone.Core.Store.Dispose();
            phone.Store.Dispose();
            _phones.Remove(phone);
            _stalls.Remove(phone);
            edit?.Invoke(phone.Directory);
            var restarted = new TestPhone(phone.Name, address, Net, Clock, c => CopyConfig(phone.Config, c),
                phone.Directory);
            _phones.Add(restarted);
            return restarted;
        }

        /// <summary>Pairs a and b with both users confirming; returns (a's index of b, b's index of a).</summary>
        public (int, int) Pair(TestPhone a, TestPhone b)
        {
            b.Core.StartPairingMode();
            a.Core.Pair(b.Address);
            Settle();
            a.Core.ConfirmCode();
            b.Core.ConfirmCode();
            RunUntil(() => a.Core.IsIdle && b.Core.IsIdle, 10000);
            int ia = Array.FindIndex(a.Contacts, c => c.PublicKey.AsSpan().SequenceEqual(b.Core.IdentityKey));
            int ib = Array.FindIndex(b.Contacts, c => c.PublicKey.AsSpan().SequenceEqual(a.Core.IdentityKey));
            if (ia < 0 || ib < 0)
            {
                throw new InvalidOperationException("pairing failed");
            }

            return (a.Contacts[ia].Index, b.Contacts[ib].Index);
        }

        private static void CopyConfig(Phone.Firmware.PhoneConfig from, Phone.Firmware.PhoneConfig to)
        {
            foreach (var p in typeof(Phone.Firmware.PhoneConfig).GetProperties())
            {
                if (p.CanWrite)
                {
                    p.SetValue(to, p.GetValue(from));
                }
            }
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
                        Tick(p);
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
            foreach (var p in _phones.ToArray())
            {
                p.Dispose();
            }
        }
    }
}
