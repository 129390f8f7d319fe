// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>The microphone: 8 kHz 16-bit linear PCM, 160 samples (20 ms) per frame.</summary>
    public interface IAudioSource
    {
        /// <summary>Fills samples[0..160) with the next frame; false when there is no more audio.</summary>
        bool ReadFrame(short[] samples);
    }
}
