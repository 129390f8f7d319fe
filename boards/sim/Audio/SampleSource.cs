// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// A simulated microphone that produces 160 samples a frame (a tone, a WAV file): hands
    /// them to the firmware as 16-bit little-endian PCM, as an I2S buffer would, through one
    /// buffer kept for the source's life (nothing allocated per frame).
    /// </summary>
    internal abstract class SampleSource : IAudioSource
    {
        private readonly short[] _frame = new short[AudioFrame.Samples];

        /// <summary>16-bit PCM.</summary>
        public int SampleBytes
        {
            get { return Phone.Crypto.PcmLayout.Pcm16; }
        }

        /// <summary>Fills the next frame as 16-bit LE PCM; false once the source has no whole frame left.</summary>
        public bool ReadFrame(byte[] pcm)
        {
            if (!ReadSamples(_frame))
            {
                return false;
            }

            for (int i = 0; i < _frame.Length; i++)
            {
                pcm[2 * i] = (byte)_frame[i];
                pcm[2 * i + 1] = (byte)(_frame[i] >> 8);
            }

            return true;
        }

        /// <summary>Fills the next 160 samples; false once the source has no whole frame left.</summary>
        public abstract bool ReadSamples(short[] samples);
    }
}
