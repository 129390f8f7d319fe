// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>
    /// The speaker: one 20 ms frame of 16-bit little-endian PCM every 20 ms,
    /// from the jitter buffer, in sequence order.
    /// </summary>
    public interface IAudioSink
    {
        /// <summary>
        /// Plays pcm[offset .. offset + 2 * samples); must not keep the buffer.
        /// rtpSequence is the frame's RTP sequence number; concealed is true when
        /// the frame stands in for one that was lost or late (or stretches the
        /// buffer), and then carries the sequence it replaces.
        /// </summary>
        void PlayFrame(byte[] pcm, int offset, int samples, int rtpSequence, bool concealed);
    }
}
