// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Benchmarks
{
    /// <summary>A microphone with an endless tone and a speaker that discards, both allocation-free.</summary>
    internal sealed class SilentAudio : IAudioSource, IAudioSink
    {
        private int _phase;

        public int SampleBytes => Phone.Crypto.PcmLayout.Pcm16;

        public bool ReadFrame(byte[] pcm)
        {
            for (int i = 0; i < Phone.Crypto.PcmLayout.FrameSamples; i++)
            {
                short s = (short)(((_phase++ & 31) - 16) * 500);
                pcm[2 * i] = (byte)s;
                pcm[2 * i + 1] = (byte)(s >> 8);
            }

            return true;
        }

        /// <summary>Frames played.</summary>
        public int Played { get; private set; }

        public void PlayFrame(byte[] buffer, int offset, int samples, int rtpSequence, bool concealed)
        {
            Played++;
        }
    }
}
