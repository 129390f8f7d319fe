// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware.Board;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// Passes a microphone (16-bit PCM) through to the firmware and notes, for
    /// every frame it hands over, the PCM the other phone must play for it:
    /// the frame after a G.711 round trip (the reference MuLaw predicts the
    /// native codec).
    /// </summary>
    internal sealed class RecordingSource : IAudioSource
    {
        private readonly IAudioSource _inner;
        private readonly List<ulong> _digests = new List<ulong>();
        private readonly List<byte[]> _frames = new List<byte[]>();
        private readonly bool _keepFrames;

        /// <summary>Wraps inner; keepFrames also keeps the bytes themselves (tests).</summary>
        public RecordingSource(IAudioSource inner, bool keepFrames)
        {
            _inner = inner;
            _keepFrames = keepFrames;
        }

        /// <summary>16-bit PCM.</summary>
        public int SampleBytes
        {
            get { return Phone.Crypto.PcmLayout.Pcm16; }
        }

        /// <summary>Reads the next frame from the wrapped source and records it.</summary>
        public bool ReadFrame(byte[] pcm)
        {
            if (!_inner.ReadFrame(pcm))
            {
                return false;
            }

            var samples = new short[AudioFrame.Samples];
            Buffer.BlockCopy(pcm, 0, samples, 0, 2 * AudioFrame.Samples);
            byte[] played = MuLaw.RoundTripPcm(samples);
            lock (_digests)
            {
                _digests.Add(FrameDigest.Of(played, 0, played.Length));
                if (_keepFrames)
                {
                    _frames.Add(played);
                }
            }

            return true;
        }

        /// <summary>Digests of the frames handed out so far, in order.</summary>
        public List<ulong> Digests()
        {
            lock (_digests)
            {
                return new List<ulong>(_digests);
            }
        }

        /// <summary>The PCM expected at the far end for each frame so far (empty unless keepFrames).</summary>
        public List<byte[]> Frames()
        {
            lock (_digests)
            {
                return new List<byte[]>(_frames);
            }
        }
    }
}
