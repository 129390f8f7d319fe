// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Firmware.Board;
using Phone.Firmware.Media;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// Passes a microphone through to the firmware and notes, for every frame it
    /// hands over, the µ-law bytes the phone must put on the wire for it.
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

        /// <summary>Reads the next frame from the wrapped source and records it.</summary>
        public bool ReadFrame(short[] samples)
        {
            if (!_inner.ReadFrame(samples))
            {
                return false;
            }

            var ulaw = new byte[AudioFrame.Samples];
            MuLaw.EncodeFrame(samples, AudioFrame.Samples, ulaw, 0); // the firmware's own encoder
            lock (_digests)
            {
                _digests.Add(FrameDigest.Of(ulaw, 0, ulaw.Length));
                if (_keepFrames)
                {
                    _frames.Add(ulaw);
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

        /// <summary>The µ-law frames handed out so far (empty unless keepFrames).</summary>
        public List<byte[]> Frames()
        {
            lock (_digests)
            {
                return new List<byte[]>(_frames);
            }
        }
    }
}
