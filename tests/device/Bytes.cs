// SPDX-License-Identifier: MIT
namespace Phone.DeviceTests
{
    /// <summary>Small byte helpers for the tests (no System.Linq on the device).</summary>
    public static class Bytes
    {
        /// <summary>Bytes of a hex string ("0a1B..").</summary>
        public static byte[] FromHex(string hex)
        {
            byte[] result = new byte[hex.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
            }

            return result;
        }

        /// <summary>True when a[aOff..aOff+count) equals b[bOff..bOff+count).</summary>
        public static bool Equal(byte[] a, int aOff, byte[] b, int bOff, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[aOff + i] != b[bOff + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A copy of b.</summary>
        public static byte[] Copy(byte[] b)
        {
            byte[] c = new byte[b.Length];
            System.Array.Copy(b, c, b.Length);
            return c;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c - 'A' + 10;
        }
    }
}
