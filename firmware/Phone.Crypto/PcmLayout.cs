// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// How PCM samples lie in a byte[] handed to the native media calls
    /// (pc_sample_width): the value is the bytes per sample.
    /// </summary>
    public static class PcmLayout
    {
        /// <summary>16-bit little-endian samples (what the decoder writes).</summary>
        public const int Pcm16 = 2;

        /// <summary>32-bit little-endian I2S slots, the sample in the top 16 bits (24/32-bit MEMS mics).</summary>
        public const int I2s32 = 4;

        /// <summary>Samples in one 20 ms frame at 8 kHz.</summary>
        public const int FrameSamples = 160;

        /// <summary>Bytes of one decoded 16-bit frame.</summary>
        public const int FrameBytes = FrameSamples * Pcm16;
    }
}
