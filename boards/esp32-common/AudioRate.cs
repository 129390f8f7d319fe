// SPDX-License-Identifier: MIT
namespace Phone.Boards.Esp32
{
    /// <summary>The phone's audio format on every board: G.711's 8 kHz, 20 ms frames, and the I2S DMA sizes.</summary>
    public static class AudioRate
    {
        /// <summary>Samples per second.</summary>
        public const int SampleRate = 8000;

        /// <summary>
        /// Microphone DMA buffer in bytes. nanoCLR's ESP32 driver reads 32-bit slots into DMA
        /// buffers of 256 frames each and allocates BufferSize / (256 x 4) of them: 4096 B are
        /// 4 buffers, 1,024 samples, 128 ms of audio the loop may stall without losing any.
        /// </summary>
        public const int MicDmaBytes = 4 * 256 * 4;

        /// <summary>
        /// Speaker DMA buffer in bytes: 16-bit mono slots, 4 buffers of 256 frames, 128 ms the
        /// speaker keeps playing while the loop stalls.
        /// </summary>
        public const int SpeakerDmaBytes = 4 * 256 * 2;
    }
}
