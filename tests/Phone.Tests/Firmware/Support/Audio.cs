// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Firmware.Board;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>Deterministic test signal: a sweep with noise, full 16-bit range, every frame different.</summary>
    public sealed class TestSignal : IAudioSource
    {
        private readonly int _seed;
        private int _frame;

        public TestSignal(int seed, int frames = int.MaxValue)
        {
            _seed = seed;
            Limit = frames;
        }

        public int Limit { get; set; }

        /// <summary>Every frame handed out, in order.</summary>
        public List<short[]> Frames { get; } = new List<short[]>();

        public int SampleBytes => Phone.Crypto.PcmLayout.Pcm16;

        public bool ReadFrame(byte[] pcm)
        {
            if (_frame >= Limit)
            {
                return false;
            }

            var samples = new short[Phone.Crypto.PcmLayout.FrameSamples];
            uint x = (uint)(_seed * 7919 + _frame * 104729 + 1);
            for (int i = 0; i < samples.Length; i++)
            {
                x = x * 1103515245 + 12345;
                double t = (_frame * 160 + i) / 8000.0;
                double tone = System.Math.Sin(2 * System.Math.PI * (300 + 50 * _seed) * t) * 20000;
                samples[i] = (short)(tone + (int)((x >> 16) % 4096) - 2048);
            }

            Frames.Add(samples);
            System.Buffer.BlockCopy(samples, 0, pcm, 0, 2 * samples.Length);
            _frame++;
            return true;
        }
    }

    /// <summary>Records every received frame played (16-bit PCM and RTP sequence); counts concealment frames.</summary>
    public sealed class RecordingSpeaker : IAudioSink
    {
        public List<byte[]> Frames { get; } = new List<byte[]>();
        public List<int> Sequences { get; } = new List<int>();
        public int Concealed { get; private set; }

        public void PlayFrame(byte[] buffer, int offset, int samples, int rtpSequence, bool concealed)
        {
            if (concealed)
            {
                Concealed++;
                return;
            }

            int count = 2 * samples;
            var copy = new byte[count];
            System.Array.Copy(buffer, offset, copy, 0, count);
            Frames.Add(copy);
            Sequences.Add(rtpSequence);
        }
    }
}
