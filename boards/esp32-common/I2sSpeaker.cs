// SPDX-License-Identifier: MIT
using System;
using System.Device.I2s;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// An I2S class-D amplifier (MAX98357A, NS4168 or equivalent) as the phone's
    /// IAudioSink: 8 kHz mono, 16 bits. The jitter buffer's PCM (decoded by
    /// pc_media_open, or concealed natively) is written to the I2S DMA buffer
    /// as it is: no managed loop over samples. Unchecked adapter: needs
    /// nanoFramework.System.Device.I2s.
    /// </summary>
    public class I2sSpeaker : IAudioSink, IDisposable
    {
        private readonly I2sDevice _device;

        /// <summary>Opens I2S bus busId (its pins set with Configuration.SetPinFunction first) as master transmitter.</summary>
        public I2sSpeaker(int busId)
        {
            _device = new I2sDevice(new I2sConnectionSettings(busId)
            {
                Mode = I2sMode.Master | I2sMode.Tx,
                SampleRate = AudioRate.SampleRate,
                BitsPerSample = I2sBitsPerSample.Bit16,
                ChannelFormat = I2sChannelFormat.OnlyLeft,
                CommunicationFormat = I2sCommunicationFormat.I2S,
                BufferSize = AudioRate.SpeakerDmaBytes,
            });
        }

        /// <inheritdoc />
        public void PlayFrame(byte[] pcm, int offset, int samples, int rtpSequence, bool concealed)
        {
            _device.Write(new SpanByte(pcm, offset, 2 * samples));
        }

        /// <summary>Stops the I2S bus.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
