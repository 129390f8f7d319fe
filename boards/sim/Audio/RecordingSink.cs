// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware.Board;

namespace Phone.Sim.Audio
{
    /// <summary>A speaker that keeps what it is given: each frame's RTP sequence and digest (and bytes).</summary>
    internal sealed class RecordingSink : IAudioSink
    {
        private readonly List<ReceivedFrame> _frames = new List<ReceivedFrame>();
        private readonly bool _keepBytes;

        /// <summary>keepBytes also keeps each frame's bytes (tests).</summary>
        public RecordingSink(bool keepBytes)
        {
            _keepBytes = keepBytes;
        }

        /// <summary>Records one played frame.</summary>
        public void PlayFrame(byte[] buffer, int offset, int count, int rtpSequence)
        {
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
            }
        }
    }
}
