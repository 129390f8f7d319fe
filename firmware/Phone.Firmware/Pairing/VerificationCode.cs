// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// The short authentication string both displays show (docs/protocol.md §5):
    /// code = LE64(BLAKE2b-256("phone/v1/sas" || h2 || N_i || N_r)[0..8)) mod space,
    /// where h2 is the Noise handshake hash right after message 2. Message 3
    /// cannot influence it, and N_i is fixed by its commitment before anyone
    /// sees N_r, so neither side (nor a man in the middle) can grind it.
    /// </summary>
    public static class VerificationCode
    {
        private static readonly byte[] Label = Utf8.GetBytes("phone/v1/sas");

        /// <summary>The hash input: label || h2 || N_i || N_r.</summary>
        public static byte[] Input(byte[] h2, byte[] initiatorNonce, byte[] responderNonce)
        {
            byte[] input = new byte[Label.Length + h2.Length + initiatorNonce.Length + responderNonce.Length];
            int at = 0;
            System.Array.Copy(Label, 0, input, at, Label.Length);
            at += Label.Length;
            System.Array.Copy(h2, 0, input, at, h2.Length);
            at += h2.Length;
            System.Array.Copy(initiatorNonce, 0, input, at, initiatorNonce.Length);
            at += initiatorNonce.Length;
            System.Array.Copy(responderNonce, 0, input, at, responderNonce.Length);
            return input;
        }

        /// <summary>The code value in 0..format.Space-1.</summary>
        public static int Derive(byte[] h2, byte[] initiatorNonce, byte[] responderNonce, CodeFormat format)
        {
            byte[] digest = new byte[32];
            CryptoCore.Hash(Input(h2, initiatorNonce, responderNonce), digest);
            return Reduce(digest, format);
        }

        /// <summary>First 8 digest bytes as LE64, reduced modulo the code space.</summary>
        public static int Reduce(byte[] digest, CodeFormat format)
        {
            ulong value = Wire.ByteIo.ReadU64Le(digest, 0);
            return (int)(value % (ulong)format.Space);
        }

        /// <summary>The code as zero-padded decimal digits, grouped in threes ("012 345").</summary>
        public static string Format(int code, CodeFormat format)
        {
            int digits = format.DisplayDigits;
            char[] text = new char[digits + (digits - 1) / 3];
            int value = code;
            int at = text.Length - 1;
            for (int i = 0; i < digits; i++)
            {
                if (i > 0 && i % 3 == 0)
                {
                    text[at--] = ' ';
                }

                text[at--] = (char)('0' + value % 10);
                value /= 10;
            }

            return new string(text);
        }

        /// <summary>
        /// The code as PGP words: its 24-bit big-endian value b0 b1 b2 shown as
        /// even[b0] odd[b1] even[b2].
        /// </summary>
        public static string Words(int code)
        {
            int b0 = (code >> 16) & 0xFF;
            int b1 = (code >> 8) & 0xFF;
            int b2 = code & 0xFF;
            return PgpWords.Even[b0] + " " + PgpWords.Odd[b1] + " " + PgpWords.Even[b2];
        }
    }
}
