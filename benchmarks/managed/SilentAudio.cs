// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Benchmarks
{
    /// <summary>A microphone with an endless tone and a speaker that discards, both allocation-free.</summary>
    internal sealed class SilentAudio : IAudioSource, IAudioSink
    {
        private int _phase;

        public bool ReadFrame(short[] samples)
        {
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(((_phase++ & 31) - 16) * 500);
            }

            return true;
        }

        /// <summary>Frames played.</summary>
        public int Played { get; private set; }

        public void PlayFrame(byte[] buffer, int offset, int count, int rtpSequence)
        {
            Played++;
        }
    }
}
