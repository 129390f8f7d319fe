// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>Peer-supplied names are data: decoded as UTF-8 with control and direction characters replaced.</summary>
    public static class DisplayText
    {
        /// <summary>bytes[offset..offset+count) as safe display text.</summary>
        public static string Of(byte[] bytes, int offset, int count)
        {
            char[] chars = Phone.Crypto.Utf8.GetString(bytes, offset, count).ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!Safe(chars[i]))
                {
                    chars[i] = '?';
                }
            }

            return new string(chars);
        }

        private static bool Safe(char c)
        {
            if (c < 0x20 || c >= 0x7F && c <= 0x9F)
            {
                return false; // C0, DEL, C1 (terminal escapes)
            }

            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F)
            {
                return false; // bidirectional overrides could reorder what the user reads
            }

            return true;
        }
    }
}
