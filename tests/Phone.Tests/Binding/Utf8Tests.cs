// SPDX-License-Identifier: MIT
using System;
using System.Text;
using Phone.Crypto;
using Xunit;

namespace Phone.Tests.Binding
{
    /// <summary>
    /// Utf8 decodes names that a peer or the store supplies. The same decoded string must reach the
    /// screen on .NET and on nanoCLR. nanoCLR keeps strings as NUL-terminated UTF-8, and the real
    /// interpreter (nf-interpreter a3e8139, POSIX target) showed three differences:
    /// - new string(char[]) stops at the first U+0000, so "\0A" becomes "";
    /// - a lone surrogate becomes U+FFFD;
    /// - the low half of a surrogate pair reads back as the high half.
    /// So the decoder never produces U+0000 or a surrogate. It also refuses what RFC 3629 forbids:
    /// overlong forms (C0 80 would be a hidden NUL) and encoded surrogates (ED A0 80..ED BF BF).
    /// </summary>
    public class Utf8Tests
    {
        private const char Replacement = '\uFFFD';

        [Theory]
        [InlineData(new byte[] { 0x00 })]
        [InlineData(new byte[] { 0x41, 0x00, 0x42 })]
        public void NulBecomesReplacement(byte[] input)
        {
            string s = Utf8.GetString(input, 0, input.Length);

            Assert.Equal(input.Length, s.Length);
            Assert.DoesNotContain('\0', s);
            Assert.Equal(Replacement, s[Array.IndexOf(input, (byte)0x00)]);
        }

        [Theory]
        [InlineData(new byte[] { 0xC0, 0x80 })]       // overlong U+0000
        [InlineData(new byte[] { 0xC1, 0xBF })]       // overlong U+007F
        [InlineData(new byte[] { 0xE0, 0x80, 0x80 })] // overlong U+0000
        [InlineData(new byte[] { 0xE0, 0x9F, 0xBF })] // overlong U+07FF
        public void OverlongFormsAreRefused(byte[] input)
        {
            string s = Utf8.GetString(input, 0, input.Length);

            Assert.NotEmpty(s);
            Assert.All(s.ToCharArray(), c => Assert.Equal(Replacement, c));
        }

        [Theory]
        [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]                   // U+D800
        [InlineData(new byte[] { 0xED, 0xBF, 0xBF })]                   // U+DFFF
        [InlineData(new byte[] { 0xED, 0xA0, 0xBC, 0xED, 0xBE, 0xA7 })] // CESU-8 pair for U+1F3A7
        public void EncodedSurrogatesAreRefused(byte[] input)
        {
            string s = Utf8.GetString(input, 0, input.Length);

            Assert.NotEmpty(s);
            Assert.All(s.ToCharArray(), c => Assert.Equal(Replacement, c));
        }

        [Fact]
        public void BoundaryCodePointsStillDecode()
        {
            // The smallest two- and three-byte forms and the neighbours of the surrogate range.
            byte[] input = { 0xC2, 0x80, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80, 0xEF, 0xBF, 0xBD };

            Assert.Equal("\u0080\u0800\uD7FF\uE000\uFFFD", Utf8.GetString(input, 0, input.Length));
        }

        [Fact]
        public void WellFormedTextMatchesTheFrameworkDecoder()
        {
            // An independent decoder: System.Text's, on random strings of BMP scalars other than NUL.
            var random = new Random(20261202);
            for (int round = 0; round < 500; round++)
            {
                var chars = new char[random.Next(1, 40)];
                for (int i = 0; i < chars.Length; i++)
                {
                    int c;
                    do
                    {
                        c = random.Next(3) == 0 ? random.Next(1, 0x80) : random.Next(1, 0x10000);
                    }
                    while (c >= 0xD800 && c <= 0xDFFF);
                    chars[i] = (char)c;
                }

                string text = new string(chars);
                byte[] bytes = Encoding.UTF8.GetBytes(text);

                Assert.Equal(text, Utf8.GetString(bytes, 0, bytes.Length));
                Assert.Equal(bytes, Utf8.GetBytes(text));
            }
        }

        [Fact]
        public void NoInputDecodesToNulOrASurrogate()
        {
            var random = new Random(8);
            var bytes = new byte[64];
            for (int round = 0; round < 5000; round++)
            {
                int length = random.Next(bytes.Length + 1);
                for (int i = 0; i < length; i++)
                {
                    // Mostly the bytes that start or continue multi-byte forms, and some NULs.
                    int pick = random.Next(8);
                    bytes[i] = pick == 0 ? (byte)0 : pick < 3 ? (byte)random.Next(0x80) : (byte)random.Next(0x80, 0x100);
                }

                string s = Utf8.GetString(bytes, 0, length);

                foreach (char c in s)
                {
                    Assert.False(c == '\0' || char.IsSurrogate(c), $"U+{(int)c:X4} decoded from {Convert.ToHexString(bytes, 0, length)}");
                }

                // Decoded text survives a round trip unchanged: what the device stores is what it shows.
                byte[] again = Utf8.GetBytes(s);
                Assert.Equal(s, Utf8.GetString(again, 0, again.Length));
            }
        }
    }
}
