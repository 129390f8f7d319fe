// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Media
{
    /// <summary>
    /// The call's audio: every 20 ms one G.711 µ-law frame from the microphone,
    /// framed in RTP, sealed in place and sent; received frames go to the
    /// speaker. Send and receive paths allocate nothing: fixed buffers, no
    /// boxing, no strings, no exceptions for hostile input.
    /// </summary>
    internal class MediaStream : ITimerHandler
    {
        /// <summary>Frame period.</summary>
        internal const int FrameMs = 20;

        private const int MaxCatchUpFrames = 5;

        private readonly PhoneContext _ctx;
        private readonly SecureChannel _channel;
        private readonly short[] _samples = new short[MuLaw.FrameSamples];
        private readonly PhoneTimer _frameTimer;
        private readonly uint _ssrc;
        private int _sequence;
        private uint _timestamp;
        private bool _marker = true;
        private long _nextFrame;

        internal MediaStream(PhoneContext ctx, SecureChannel channel)
        {
            _ctx = ctx;
            _channel = channel;
            _frameTimer = ctx.Timers.Create(this, 1);
            byte[] random = new byte[10];
            CryptoCore.Random(random);
            _ssrc = ByteIo.ReadU32Le(random, 0);
            _timestamp = ByteIo.ReadU32Le(random, 4);
            _sequence = random[8] | (random[9] << 8);
        }

        /// <summary>Frames read from the microphone and sent.</summary>
        internal int FramesSent { get; private set; }

        /// <summary>Starts sending now.</summary>
        internal void Start()
        {
            _nextFrame = _ctx.Now;
            _frameTimer.ArmAt(_nextFrame);
        }

        /// <summary>Stops sending.</summary>
        internal void Stop()
        {
            _frameTimer.Disarm();
        }

        /// <summary>Releases the timer.</summary>
        internal void Dispose()
        {
            _ctx.Timers.Release(_frameTimer);
        }

        /// <summary>One frame per 20 ms; catches up a few frames if the loop was late.</summary>
        public void OnTimer(PhoneTimer timer, long now)
        {
            int sent = 0;
            while (_nextFrame <= now && sent < MaxCatchUpFrames)
            {
                SendFrame();
                _nextFrame += FrameMs;
                sent++;
            }

            if (_nextFrame <= now)
            {
                long skipped = (now - _nextFrame) / FrameMs + 1;
                _timestamp += (uint)(skipped * MuLaw.FrameSamples);
                _nextFrame += skipped * FrameMs;
            }

            _frameTimer.ArmAt(_nextFrame);
        }

        /// <summary>A verified frame: hands its µ-law bytes to the speaker.</summary>
        internal void Receive(byte[] buffer, int rtpOffset, int payloadOffset, int payloadLength)
        {
            IAudioSink speaker = _ctx.Speaker;
            if (speaker != null)
            {
                speaker.PlayFrame(buffer, payloadOffset, payloadLength, RtpHeader.Sequence(buffer, rtpOffset));
            }
        }

        private void SendFrame()
        {
            IAudioSource mic = _ctx.Mic;
            if (mic == null || !mic.ReadFrame(_samples))
            {
                _timestamp += MuLaw.FrameSamples;
                _marker = true;
                return;
            }

            byte[] packet = _channel.TxBuffer;
            SecureHeader.Write(packet, InnerKind.Media, _channel.PeerId);
            RtpHeader.Write(packet, WireFormat.SecureHeaderLength, _marker, _sequence, _timestamp, _ssrc);
            MuLaw.EncodeFrame(_samples, MuLaw.FrameSamples, packet, WireFormat.MediaHeaderLength);
            _channel.SendSealed(WireFormat.MediaHeaderLength, MuLaw.FrameSamples);
            _ctx.Counters.MediaSent++;
            FramesSent++;
            _sequence = (_sequence + 1) & 0xFFFF;
            _timestamp += MuLaw.FrameSamples;
            _marker = false;
        }
    }
}
