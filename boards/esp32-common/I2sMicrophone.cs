// SPDX-License-Identifier: MIT
using System;
using System.Device.I2s;
using Phone.Crypto;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// An I2S MEMS microphone (INMP441 or equivalent, L/R pin to ground) as the
    /// phone's IAudioSource: 8 kHz mono, 16 bits. nanoCLR's I2S driver reads the
    /// 32-bit slots by DMA and keeps each slot's top 16 bits (natively), so the
    /// frame goes from the driver's buffer to pc_media_seal with no managed
    /// loop over samples. Unchecked adapter: needs nanoFramework.System.Device.I2s.
    /// </summary>
    public class I2sMicrophone : IAudioSource, IDisposable
    {
        private readonly I2sDevice _device;

        /// <summary>Opens I2S bus busId (1 or 2; its pins set with Configuration.SetPinFunction first) as master receiver.</summary>
        public I2sMicrophone(int busId)
        {
            _device = new I2sDevice(new I2sConnectionSettings(busId)
            {
                Mode = I2sMode.Master | I2sMode.Rx,
                SampleRate = AudioRate.SampleRate,
                BitsPerSample = I2sBitsPerSample.Bit16,
                ChannelFormat = I2sChannelFormat.OnlyLeft,
                CommunicationFormat = I2sCommunicationFormat.I2S,
                BufferSize = AudioRate.MicDmaBytes,
            });
        }

        /// <inheritdoc />
        public int SampleBytes
        {
            get { return PcmLayout.Pcm16; }
        }

        /// <inheritdoc />
        public bool ReadFrame(byte[] pcm)
        {
            _device.Read(new SpanByte(pcm, 0, PcmLayout.FrameBytes));
            return true;
        }

        /// <summary>Stops the I2S bus.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
