// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>Small helpers for uncompressed wire names and TTLs.</summary>
    internal static class DnsWire
    {
        private const int MaxTtlSeconds = 86400;

        /// <summary>Two uncompressed wire names are equal (ASCII letters without case).</summary>
        internal static bool Same(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (Fold(a[i]) != Fold(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A TTL in milliseconds, capped at a day so clock arithmetic stays far from overflow.</summary>
        internal static long Milliseconds(int ttlSeconds)
        {
            return (ttlSeconds > MaxTtlSeconds ? MaxTtlSeconds : ttlSeconds) * 1000L;
        }

        /// <summary>ASCII upper case to lower case (RFC 6762 §16: names compare without case).</summary>
        internal static int Fold(byte c)
        {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
    }
}
