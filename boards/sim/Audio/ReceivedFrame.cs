// SPDX-License-Identifier: MIT
namespace Phone.Sim.Audio
{
    /// <summary>One frame a speaker played: its RTP sequence number, length and digest.</summary>
    internal sealed class ReceivedFrame
    {
        /// <summary>Creates the record; bytes may be null.</summary>
        public ReceivedFrame(int sequence, int length, ulong digest, byte[] bytes)
        {
            Sequence = sequence;
            Length = length;
            Digest = digest;
            Bytes = bytes;
        }

        /// <summary>RTP sequence number (16 bits).</summary>
        public int Sequence { get; }

        /// <summary>PCM bytes in the frame.</summary>
        public int Length { get; }

        /// <summary>FrameDigest of the bytes.</summary>
        public ulong Digest { get; }

        /// <summary>The bytes, when kept.</summary>
        public byte[] Bytes { get; }
    }
}
