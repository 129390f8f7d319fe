// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// Byte conversion for locators and names (nanoFramework's mscorlib has no
    /// System.Text). Names are UTF-8; this encodes the Basic Multilingual Plane.
    /// </summary>
    public static class Utf8
    {
        /// <summary>UTF-8 bytes of s (surrogate pairs become U+FFFD).</summary>
        public static byte[] GetBytes(string s)
        {
            int length = 0;
            for (int i = 0; i < s.Length; i++)
            {
                length += EncodedLength(s[i]);
            }

            byte[] result = new byte[length];
            int at = 0;
            for (int i = 0; i < s.Length; i++)
            {
                at = Encode(s[i], result, at);
            }

            return result;
        }

        /// <summary>Decodes count bytes of UTF-8; malformed sequences become U+FFFD.</summary>
        public static string GetString(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            int n = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b = bytes[i];
                int need;
                int code;
                if (b < 0x80) { code = b; need = 0; }
                else if ((b & 0xE0) == 0xC0) { code = b & 0x1F; need = 1; }
                else if ((b & 0xF0) == 0xE0) { code = b & 0x0F; need = 2; }
                else { chars[n++] = '\uFFFD'; i++; continue; }

                if (i + need >= end)
                {
                    chars[n++] = '\uFFFD';
                    break;
                }

                bool ok = true;
                for (int k = 1; k <= need; k++)
                {
                    int c = bytes[i + k];
                    if ((c & 0xC0) != 0x80) { ok = false; break; }
                    code = (code << 6) | (c & 0x3F);
                }

                chars[n++] = ok ? (char)code : '\uFFFD';
                i += ok ? need + 1 : 1;
            }

            return new string(chars, 0, n);
        }

        private static int EncodedLength(char c)
        {
            if (c < 0x80) return 1;
            if (c < 0x800) return 2;
            return 3;
        }

        private static int Encode(char c, byte[] output, int at)
        {
            int code = (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c;
            if (code < 0x80)
            {
                output[at++] = (byte)code;
            }
            else if (code < 0x800)
            {
                output[at++] = (byte)(0xC0 | (code >> 6));
                output[at++] = (byte)(0x80 | (code & 0x3F));
            }
            else
            {
                output[at++] = (byte)(0xE0 | (code >> 12));
                output[at++] = (byte)(0x80 | ((code >> 6) & 0x3F));
                output[at++] = (byte)(0x80 | (code & 0x3F));
            }

            return at;
        }
    }
}
