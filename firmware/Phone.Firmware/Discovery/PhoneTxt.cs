// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Discovery
{
    /// <summary>
    /// The TXT record of a phone: "v=&lt;protocol version&gt;" and "fp=&lt;16 hex
    /// digits&gt;", the first 8 bytes of its identity public key. The fingerprint
    /// finds a pinned contact; it is public and proves nothing (the handshake does).
    /// </summary>
    public static class PhoneTxt
    {
        /// <summary>Hex digits of the fingerprint (8 key bytes).</summary>
        public const int FingerprintDigits = 16;

        /// <summary>The record data for version and fingerprint.</summary>
        public static byte[] Build(int version, string fingerprint)
        {
            byte[] v = Utf8.GetBytes("v=" + version.ToString());
            byte[] fp = Utf8.GetBytes("fp=" + fingerprint);
            byte[] data = new byte[2 + v.Length + fp.Length];
            data[0] = (byte)v.Length;
            System.Array.Copy(v, 0, data, 1, v.Length);
            data[1 + v.Length] = (byte)fp.Length;
            System.Array.Copy(fp, 0, data, 2 + v.Length, fp.Length);
            return data;
        }

        /// <summary>The "fp" value of checked TXT data if it is 16 hex digits (lower-cased), else null.</summary>
        public static string Fingerprint(byte[] b, int data, int length)
        {
            int at;
            int n;
            if (!Find(b, data, length, "fp", out at, out n) || n != FingerprintDigits)
            {
                return null;
            }

            char[] text = new char[n];
            for (int i = 0; i < n; i++)
            {
                int c = b[at + i];
                if (c >= 'A' && c <= 'F')
                {
                    c += 32;
                }

                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f'))
                {
                    return null;
                }

                text[i] = (char)c;
            }

            return new string(text);
        }

        /// <summary>True when the "fp" value of checked TXT data is known (lower-case hex, compared without case); allocates nothing.</summary>
        public static bool FingerprintIs(byte[] b, int data, int length, string known)
        {
            int at;
            int n;
            if (known == null || !Find(b, data, length, "fp", out at, out n) || n != known.Length)
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                int c = b[at + i];
                if (c >= 'A' && c <= 'F')
                {
                    c += 32;
                }

                if (c != known[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The "v" value of checked TXT data (a decimal up to 4 digits), or -1.</summary>
        public static int Version(byte[] b, int data, int length)
        {
            int at;
            int n;
            if (!Find(b, data, length, "v", out at, out n) || n < 1 || n > 4)
            {
                return -1;
            }

            int v = 0;
            for (int i = 0; i < n; i++)
            {
                int c = b[at + i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                v = v * 10 + c - '0';
            }

            return v;
        }

        // The value of the first "key=" string (keys compare without ASCII case, RFC 6763 §6.4).
        private static bool Find(byte[] b, int data, int length, string key, out int valueAt, out int valueLength)
        {
            int end = data + length;
            int p = data;
            while (p < end)
            {
                int n = b[p];
                int s = p + 1;
                if (n > key.Length && b[s + key.Length] == (byte)'=' && KeyIs(b, s, key))
                {
                    valueAt = s + key.Length + 1;
                    valueLength = n - key.Length - 1;
                    return true;
                }

                p = s + n;
            }

            valueAt = 0;
            valueLength = 0;
            return false;
        }

        private static bool KeyIs(byte[] b, int at, string key)
        {
            for (int i = 0; i < key.Length; i++)
            {
                int c = b[at + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c += 32;
                }

                if (c != key[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
