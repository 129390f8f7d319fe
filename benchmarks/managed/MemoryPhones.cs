// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Calls;

namespace Phone.Benchmarks
{
    /// <summary>
    /// Two PhoneCores in this process on a MemoryWire and a ManualClock, paired,
    /// with timers that stay out of the way of the media path (no ratchet or
    /// re-key during a measurement).
    /// </summary>
    internal sealed class MemoryPhones : IDisposable
    {
        private readonly string _dirA = TempDir();
        private readonly string _dirB = TempDir();
        private readonly KeyStore _storeA;
        private readonly KeyStore _storeB;

        private readonly PhoneCore[] _both = new PhoneCore[2];

        public MemoryPhones()
        {
            CryptoCore.SelfTest();
            _storeA = KeyStore.Open(_dirA);
            _storeB = KeyStore.Open(_dirB);
            A = new PhoneCore(Config("Alice", false), _storeA, Wire.A, Clock, null, AudioA, AudioA);
            B = new PhoneCore(Config("Bob", true), _storeB, Wire.B, Clock, null, AudioB, AudioB);
            Wire.A.Core = A;
            Wire.B.Core = B;
            _both[0] = A;
            _both[1] = B;
            A.Start();
            B.Start();
            B.StartPairingMode();
            A.Pair(Wire.B.Address);
            Settle();
            A.ConfirmCode();
            B.ConfirmCode();
            RunUntil(() => A.IsIdle && B.IsIdle);
            if (A.Contacts().Length != 1)
            {
                throw new InvalidOperationException("pairing failed");
            }
        }

        public ManualClock Clock { get; } = new ManualClock();
        public MemoryWire Wire { get; } = new MemoryWire();
        public SilentAudio AudioA { get; } = new SilentAudio();
        public SilentAudio AudioB { get; } = new SilentAudio();
        public PhoneCore A { get; }
        public PhoneCore B { get; }

        /// <summary>A calls B (auto-answer) and the call connects; returns false if it did not.</summary>
        public bool Connect()
        {
            if (!A.Call(0, Wire.B.Address))
            {
                return false;
            }

            Settle();
            return A.CallState == CallState.Connected && B.CallState == CallState.Connected;
        }

        /// <summary>A hangs up; both return to idle.</summary>
        public void HangUp()
        {
            A.HangUp();
            RunUntil(() => A.IsIdle && B.IsIdle);
        }

        /// <summary>Delivers datagrams and fires due timers until quiet at the current time.</summary>
        public void Settle()
        {
            for (int round = 0; round < 10000; round++)
            {
                bool busy = Wire.Pump() > 0;
                foreach (PhoneCore p in _both) // a field: the harness itself must not allocate
                {
                    if (p.NextDeadline <= Clock.NowMilliseconds)
                    {
                        p.OnTick();
                        busy = true;
                    }
                }

                if (!busy)
                {
                    return;
                }
            }
        }

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
            _storeA.Dispose();
            _storeB.Dispose();
            Directory.Delete(_dirA, true);
            Directory.Delete(_dirB, true);
        }

        private void RunUntil(Func<bool> done)
        {
            for (int i = 0; i < 2000 && !done(); i++)
            {
                Clock.NowMilliseconds += 10;
                Settle();
            }

            if (!done())
            {
                throw new InvalidOperationException("phones did not settle");
            }
        }

        private static PhoneConfig Config(string name, bool autoAnswer)
        {
            const int Hour = 3_600_000;
            return new PhoneConfig
            {
                Name = name, AutoAnswer = autoAnswer, LingerMs = 100,
                RatchetIntervalMs = Hour, RekeyIntervalMs = Hour, KeepAliveMs = Hour, CallIdleTimeoutMs = Hour
            };
        }

        private static string TempDir()
        {
            string dir = Path.Combine(Path.GetTempPath(), "phone-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
