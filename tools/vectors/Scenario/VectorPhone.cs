// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;

namespace Phone.Vectors.Scenario
{
    /// <summary>A firmware phone of the scenario: product settings, a fresh key store, a fixed test tone.</summary>
    internal sealed class VectorPhone : IDisposable
    {
        public VectorPhone(string name, int number, VectorNetwork net, VectorClock clock)
        {
            Name = name;
            Address = new NetAddress(10, 0, 0, (byte)number, 5000 + number);
            Directory = Path.Combine(Path.GetTempPath(), "phone-vectors-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            Config = new PhoneConfig { Name = name };
            Store = KeyStore.Open(Directory);
            Core = new PhoneCore(Config, Store, net.TransportFor(Address), clock, null, new TestTone(number),
                new Silence());
            net.Attach(name, Address, Core);
        }

        public string Name { get; }
        public NetAddress Address { get; }
        public string Directory { get; }
        public PhoneConfig Config { get; }
        public KeyStore Store { get; }
        public PhoneCore Core { get; }

        public void Dispose()
        {
            Core.Dispose();
            Store.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>Integer-only sawtooth (no floating point: the same samples on every machine).</summary>
        private sealed class TestTone : IAudioSource
        {
            private readonly int _step;
            private int _sample;

            public TestTone(int number)
            {
                _step = 97 + 64 * number;
            }

            public int SampleBytes => PcmLayout.Pcm16;

            public bool ReadFrame(byte[] pcm)
            {
                for (int i = 0; i < PcmLayout.FrameSamples; i++)
                {
                    short s = (short)(((long)_sample++ * _step) % 16000 - 8000);
                    pcm[2 * i] = (byte)s;
                    pcm[2 * i + 1] = (byte)(s >> 8);
                }

                return true;
            }
        }

        private sealed class Silence : IAudioSink
        {
            public void PlayFrame(byte[] pcm, int offset, int samples, int rtpSequence, bool concealed)
            {
            }
        }
    }
}
