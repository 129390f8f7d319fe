// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>
    /// The microphone: 8 kHz mono, 160 samples (20 ms) per frame, as raw bytes
    /// straight from the board's audio buffer. Managed code never touches the
    /// samples: the native media call encodes them (Phone.Crypto.PcmLayout).
    /// </summary>
    public interface IAudioSource
    {
        /// <summary>Bytes per sample of the frames this source fills: PcmLayout.Pcm16 or PcmLayout.I2s32.</summary>
        int SampleBytes { get; }

        /// <summary>Fills pcm[0 .. 160 * SampleBytes) with the next frame; false when there is no audio.</summary>
        bool ReadFrame(byte[] pcm);
    }
}
