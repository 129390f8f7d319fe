// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// The channel's audio frames: each one crosses into native code once per
    /// direction, sealed from PCM or opened and decoded straight into the
    /// jitter buffer.
    /// </summary>
    internal partial class SecureChannel
    {
        // One frame decoded before the call's audio runs (a caller's first frame can be the answer).
        private readonly byte[] _earlyPcm = new byte[PcmLayout.FrameBytes];

        /// <summary>
        /// Where received media is decoded (the call's jitter buffer). While it is
        /// null, verified media goes to the listener's OnMedia first, which may
        /// start the call's audio and set it.
        /// </summary>
        internal IMediaReceiver MediaReceiver { get; set; }

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

        // A media frame opened and decoded in one native call (into the jitter buffer when there is one).
        private DropReason ReceiveMedia(int headerLength, int count)
        {
            IMediaReceiver media = MediaReceiver;
            int sequence = RtpHeader.Sequence(_rx, WireFormat.SecureHeaderLength);
            int samples = _session.OpenMedia(_rx, 0, headerLength, count, media == null ? _earlyPcm : media.Pcm,
                media == null ? 0 : media.DecodeOffset(sequence), PcmLayout.FrameSamples);
            if (samples < 0)
            {
                return DropReasonNames.FromCryptoStatus(samples);
            }

            Authenticated();
            if (!RtpHeader.IsValid(_rx, WireFormat.SecureHeaderLength))
            {
                return DropReason.Malformed;
            }

            _ctx.Counters.MediaReceived++;
            return media != null ? Decoded(media, sequence, samples) : EarlyMedia(headerLength, sequence, samples);
        }

        // Before the audio runs the listener decides; if that started it, the frame joins the buffer.
        private DropReason EarlyMedia(int headerLength, int sequence, int samples)
        {
            _listener.OnMedia(_rx, WireFormat.SecureHeaderLength, headerLength, samples);
            IMediaReceiver media = MediaReceiver;
            if (media == null)
            {
                return DropReason.None;
            }

            System.Array.Copy(_earlyPcm, 0, media.Pcm, media.DecodeOffset(sequence), PcmLayout.FrameBytes);
            return Decoded(media, sequence, samples);
        }

        private static DropReason Decoded(IMediaReceiver media, int sequence, int samples)
        {
            return media.Decoded(sequence, samples) ? DropReason.None : DropReason.Malformed;
        }
    }
}
