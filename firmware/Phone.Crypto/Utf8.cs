// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// Byte conversion for locators and names (nanoFramework's mscorlib has no
    /// System.Text). Names are UTF-8; this encodes the Basic Multilingual Plane.
    /// Decoding never yields U+0000 or a surrogate: nanoCLR strings are NUL-terminated UTF-8
    /// (new string(char[]) stops at the first U+0000 and rewrites lone surrogates), so such a
    /// name would read differently on the device than on .NET.
    /// </summary>
    public static class Utf8
    {
        private const char Replacement = '\uFFFD';
        private const int SurrogateFirst = 0xD800;
        private const int SurrogateLast = 0xDFFF;

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

        /// <summary>
        /// Decodes count bytes of UTF-8. Malformed or overlong sequences, encoded surrogates and
        /// U+0000 become U+FFFD (RFC 3629 section 3, and see the class comment).
        /// </summary>
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
                int smallest; // below this the form is overlong
                if (b < 0x80) { code = b; need = 0; smallest = 0; }
                else if ((b & 0xE0) == 0xC0) { code = b & 0x1F; need = 1; smallest = 0x80; }
                else if ((b & 0xF0) == 0xE0) { code = b & 0x0F; need = 2; smallest = 0x800; }
                else { chars[n++] = Replacement; i++; continue; }

                if (i + need >= end)
                {
                    chars[n++] = Replacement;
                    break;
                }

                bool ok = true;
                for (int k = 1; k <= need; k++)
                {
                    int c = bytes[i + k];
                    if ((c & 0xC0) != 0x80) { ok = false; break; }
                    code = (code << 6) | (c & 0x3F);
                }

                // No new method here: every method counts in the native checksum (MDP).
                bool decodable = code != 0 && code >= smallest && (code < SurrogateFirst || code > SurrogateLast);
                chars[n++] = ok && decodable ? (char)code : Replacement;
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
            int code = (c >= SurrogateFirst && c <= SurrogateLast) ? Replacement : c;
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
