// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware.Board;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// A speaker that keeps what it is given: each received frame's RTP sequence
    /// and digest (and bytes); concealment frames are only counted.
    /// </summary>
    internal sealed class RecordingSink : IAudioSink
    {
        private readonly List<ReceivedFrame> _frames = new List<ReceivedFrame>();
        private readonly bool _keepBytes;

        /// <summary>keepBytes also keeps each frame's bytes (tests).</summary>
        public RecordingSink(bool keepBytes)
        {
            _keepBytes = keepBytes;
        }

        /// <summary>Concealment frames played (lost or late frames, buffer deepening).</summary>
        public int Concealed { get; private set; }

        /// <summary>Records one played frame.</summary>
        public void PlayFrame(byte[] buffer, int offset, int samples, int rtpSequence, bool concealed)
        {
            if (concealed)
            {
                lock (_frames)
                {
                    Concealed++;
                }

                return;
            }

            int count = 2 * samples;
            byte[] copy = null;
            if (_keepBytes)
            {
                copy = new byte[count];
                Array.Copy(buffer, offset, copy, 0, count);
            }

            var frame = new ReceivedFrame(rtpSequence, count, FrameDigest.Of(buffer, offset, count), copy);
            lock (_frames)
            {
                _frames.Add(frame);
            }
        }

        /// <summary>Frames played so far, in order of arrival.</summary>
        public List<ReceivedFrame> Frames()
        {
            lock (_frames)
            {
                return new List<ReceivedFrame>(_frames);
            }
        }

        /// <summary>Forgets everything (between calls).</summary>
        public void Clear()
        {
            lock (_frames)
            {
                _frames.Clear();
                Concealed = 0;
            }
        }
    }
}
