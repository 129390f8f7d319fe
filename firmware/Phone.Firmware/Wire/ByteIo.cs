// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Little- and big-endian integer access to byte arrays (no allocation).</summary>
    public static class ByteIo
    {
        /// <summary>Reads an unsigned 32-bit little-endian value.</summary>
        public static uint ReadU32Le(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }

        /// <summary>Writes an unsigned 32-bit little-endian value.</summary>
        public static void WriteU32Le(byte[] b, int at, uint v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        /// <summary>Reads an unsigned 64-bit little-endian value.</summary>
        public static ulong ReadU64Le(byte[] b, int at)
        {
            return ReadU32Le(b, at) | ((ulong)ReadU32Le(b, at + 4) << 32);
        }

        /// <summary>Writes an unsigned 16-bit big-endian value (RTP byte order).</summary>
        public static void WriteU16Be(byte[] b, int at, int v)
        {
            b[at] = (byte)(v >> 8);
            b[at + 1] = (byte)v;
        }

        /// <summary>Reads a little-endian 16-bit value.</summary>
        public static int ReadU16Le(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        /// <summary>Reads an unsigned 16-bit big-endian value.</summary>
        public static int ReadU16Be(byte[] b, int at)
        {
            return (b[at] << 8) | b[at + 1];
        }

        /// <summary>Writes an unsigned 32-bit big-endian value.</summary>
        public static void WriteU32Be(byte[] b, int at, uint v)
        {
            b[at] = (byte)(v >> 24);
            b[at + 1] = (byte)(v >> 16);
            b[at + 2] = (byte)(v >> 8);
            b[at + 3] = (byte)v;
        }

        /// <summary>Reads an unsigned 32-bit big-endian value.</summary>
        public static uint ReadU32Be(byte[] b, int at)
        {
            return (uint)((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
        }
    }
}
