// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// RTP fixed header (RFC 3550 §5.1) for G.711 µ-law: V=2, no padding, no
    /// extension, no CSRC, PT=0. Big-endian fields. Here it sits inside the
    /// sealed header, so it is authenticated (not encrypted).
    /// </summary>
    public static class RtpHeader
    {
        /// <summary>RTP payload type of PCMU.</summary>
        public const int PayloadTypePcmu = 0;

        /// <summary>Writes the 12-byte header at offset.</summary>
        public static void Write(byte[] buffer, int offset, bool marker, int sequence, uint timestamp, uint ssrc)
        {
            buffer[offset] = 0x80;
            buffer[offset + 1] = (byte)((marker ? 0x80 : 0) | PayloadTypePcmu);
            ByteIo.WriteU16Be(buffer, offset + 2, sequence & 0xFFFF);
            ByteIo.WriteU32Be(buffer, offset + 4, timestamp);
            ByteIo.WriteU32Be(buffer, offset + 8, ssrc);
        }

        /// <summary>True for V=2, no padding/extension/CSRC, PT=0.</summary>
        public static bool IsValid(byte[] buffer, int offset)
        {
            return buffer[offset] == 0x80 && (buffer[offset + 1] & 0x7F) == PayloadTypePcmu;
        }

        /// <summary>Sequence number.</summary>
        public static int Sequence(byte[] buffer, int offset)
        {
            return ByteIo.ReadU16Be(buffer, offset + 2);
        }

        /// <summary>Timestamp.</summary>
        public static uint Timestamp(byte[] buffer, int offset)
        {
            return ByteIo.ReadU32Be(buffer, offset + 4);
        }

        /// <summary>Synchronisation source.</summary>
        public static uint Ssrc(byte[] buffer, int offset)
        {
            return ByteIo.ReadU32Be(buffer, offset + 8);
        }
    }
}
