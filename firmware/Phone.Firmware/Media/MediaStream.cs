// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Media
{
    /// <summary>
    /// The call's audio: every 20 ms one frame from the microphone is framed in
    /// RTP and encoded to G.711 µ-law and sealed in one native call; received
    /// frames are opened and decoded in one native call straight into the
    /// jitter buffer (SecureChannel.MediaReceiver), which plays one frame per
    /// tick. Managed code never touches a sample. Send and receive paths
    /// allocate nothing: fixed buffers, no boxing, no strings, no exceptions
    /// for hostile input.
    /// </summary>
    internal class MediaStream : ITimerHandler
    {
        /// <summary>Frame period.</summary>
        internal const int FrameMs = 20;

        private const int MaxCatchUpFrames = 5;

        private readonly PhoneContext _ctx;
        private readonly SecureChannel _channel;
        private readonly byte[] _micPcm = new byte[PcmLayout.FrameSamples * PcmLayout.I2s32];
        private readonly JitterBuffer _jitter;
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
            _jitter = new JitterBuffer(ctx.Counters);
            channel.MediaReceiver = _jitter;
            byte[] random = new byte[10];
            CryptoCore.Random(random);
            _ssrc = ByteIo.ReadU32Le(random, 0);
            _timestamp = ByteIo.ReadU32Le(random, 4);
            _sequence = random[8] | (random[9] << 8);
        }

        /// <summary>Frames read from the microphone and sent.</summary>
        internal int FramesSent { get; private set; }

        /// <summary>The receive side's jitter buffer (depth, losses).</summary>
        internal JitterBuffer Jitter
        {
            get { return _jitter; }
        }

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

        /// <summary>Releases the timer and stops receiving frames.</summary>
        internal void Dispose()
        {
            _ctx.Timers.Release(_frameTimer);
            if (_channel.MediaReceiver == _jitter)
            {
                _channel.MediaReceiver = null;
            }
        }

        /// <summary>One frame out and one played per 20 ms; catches up a few frames if the loop was late.</summary>
        public void OnTimer(PhoneTimer timer, long now)
        {
            int sent = 0;
            while (_nextFrame <= now && sent < MaxCatchUpFrames)
            {
                SendFrame();
                _jitter.Play(_ctx.Speaker);
                _nextFrame += FrameMs;
                sent++;
            }

            if (_nextFrame <= now)
            {
                long skipped = (now - _nextFrame) / FrameMs + 1;
                _timestamp += (uint)(skipped * PcmLayout.FrameSamples);
                _nextFrame += skipped * FrameMs;
            }

            _frameTimer.ArmAt(_nextFrame);
        }

        private void SendFrame()
        {
            IAudioSource mic = _ctx.Mic;
            if (mic == null || !mic.ReadFrame(_micPcm))
            {
                _timestamp += PcmLayout.FrameSamples;
                _marker = true;
                return;
            }

            byte[] packet = _channel.TxBuffer;
            SecureHeader.Write(packet, InnerKind.Media, _channel.PeerId);
            RtpHeader.Write(packet, WireFormat.SecureHeaderLength, _marker, _sequence, _timestamp, _ssrc);
            _channel.SendMedia(_micPcm, mic.SampleBytes, PcmLayout.FrameSamples);
            _ctx.Counters.MediaSent++;
            FramesSent++;
            _sequence = (_sequence + 1) & 0xFFFF;
            _timestamp += PcmLayout.FrameSamples;
            _marker = false;
        }
    }
}
