// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>Little-endian integers in native records (no BitConverter on nanoFramework's hot path).</summary>
    internal static class LittleEndian
    {
        internal static int ReadInt32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        internal static long ReadInt64(byte[] b, int at)
        {
            return (long)(uint)ReadInt32(b, at) | ((long)ReadInt32(b, at + 4) << 32);
        }
    }
}
