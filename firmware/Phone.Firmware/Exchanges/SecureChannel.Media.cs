// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// The channel's audio frames: each one crosses into native code once per
    /// direction, sealed from PCM or opened straight into the jitter buffer.
    /// </summary>
    internal partial class SecureChannel
    {
        /// <summary>
        /// Where received media is decoded (the call's jitter buffer); while null,
        /// media is opened without decoding and handed to the listener's OnMedia.
        /// </summary>
        internal Media.IMediaReceiver MediaReceiver { get; set; }

        /// <summary>
        /// Sends one media frame: TxBuffer holds the media header; the PCM is
        /// encoded and the packet sealed in one native call (no allocation).
        /// </summary>
        internal void SendMedia(byte[] pcm, int sampleBytes, int samples)
        {
            int length = _session.SealMedia(pcm, 0, sampleBytes, samples, _tx, 0, WireFormat.MediaHeaderLength);
            _ctx.Send(Peer, _tx, 0, length);
            LastSent = _ctx.Now;
            SentInPhase++;
        }

        // A media frame opened and decoded in one native call into the receiver's buffer.
        private DropReason ReceiveDecodedMedia(Media.IMediaReceiver media, int headerLength, int count)
        {
            int sequence = Media.RtpHeader.Sequence(_rx, WireFormat.SecureHeaderLength);
            int samples = _session.OpenMedia(_rx, 0, headerLength, count, media.Pcm, media.DecodeOffset(sequence),
                PcmLayout.FrameSamples);
            if (samples < 0)
            {
                return DropReasonNames.FromCryptoStatus(samples);
            }

            Authenticated();
            if (!Media.RtpHeader.IsValid(_rx, WireFormat.SecureHeaderLength) || !media.Decoded(sequence, samples))
            {
                return DropReason.Malformed;
            }

            _ctx.Counters.MediaReceived++;
            return DropReason.None;
        }
    }
}
