// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Ui
{
    /// <summary>Hex text of public bytes (key fingerprints); never used for secrets.</summary>
    public static class Hex
    {
        /// <summary>Lower-case hex of bytes[0..count).</summary>
        public static string Of(byte[] bytes, int count)
        {
            const string digits = "0123456789abcdef";
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                text[2 * i] = digits[bytes[i] >> 4];
                text[2 * i + 1] = digits[bytes[i] & 0x0F];
            }

            return new string(text);
        }
    }
}
