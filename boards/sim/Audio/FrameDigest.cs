// SPDX-License-Identifier: MIT
using System;
using System.Security.Cryptography;

namespace Phone.Sim.Audio
{
    /// <summary>A short fingerprint of one audio frame, so processes can compare frames cheaply.</summary>
    internal static class FrameDigest
    {
        /// <summary>The first 8 bytes of SHA-256 over bytes[offset..offset+count).</summary>
        public static ulong Of(byte[] bytes, int offset, int count)
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes.AsSpan(offset, count), hash);
            return BitConverter.ToUInt64(hash);
        }
    }
}
