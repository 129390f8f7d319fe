// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Crypto;
using Phone.Firmware.Pairing;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    public class CodeTests
    {
        public CodeTests()
        {
            CryptoCore.SelfTest();
        }

        [Fact]
        public void Input_is_label_then_h2_then_initiator_then_responder_nonce()
        {
            byte[] h2 = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
            byte[] ni = Enumerable.Repeat((byte)0xA1, 32).ToArray();
            byte[] nr = Enumerable.Repeat((byte)0xB2, 32).ToArray();
            byte[] input = VerificationCode.Input(h2, ni, nr);
            byte[] expected = System.Text.Encoding.ASCII.GetBytes("phone/v1/sas").Concat(h2).Concat(ni).Concat(nr)
                .ToArray();
            Assert.Equal(expected, input);
        }

        [Fact]
        public void Reduction_takes_the_first_eight_bytes_little_endian()
        {
            byte[] digest = new byte[32];
            digest[0] = 0x40;
            digest[1] = 0x42;
            digest[2] = 0x0F;
            Assert.Equal(0, VerificationCode.Reduce(digest, CodeFormat.FromDigits(6)));
            digest[0] = 0x41;
            Assert.Equal(1, VerificationCode.Reduce(digest, CodeFormat.FromDigits(6)));
            Assert.Equal(0x41, VerificationCode.Reduce(digest, CodeFormat.FromBits(8)));
            byte[] high = Enumerable.Repeat((byte)0xFF, 32).ToArray();
            Assert.Equal((int)(ulong.MaxValue % 1000000UL), VerificationCode.Reduce(high, CodeFormat.FromDigits(6)));
        }

        [Fact]
        public void Derivation_is_blake2b_256_of_the_input_reduced()
        {
            byte[] h2 = Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray();
            byte[] ni = Enumerable.Repeat((byte)1, 32).ToArray();
            byte[] nr = Enumerable.Repeat((byte)2, 32).ToArray();
            byte[] digest = new byte[32];
            CryptoCore.Hash(VerificationCode.Input(h2, ni, nr), digest);
            var format = CodeFormat.FromDigits(6);
            int code = VerificationCode.Derive(h2, ni, nr, format);
            Assert.Equal(VerificationCode.Reduce(digest, format), code);
            Assert.NotEqual(code, VerificationCode.Derive(h2, nr, ni, format));
        }

        [Fact]
        public void Formatting_pads_and_groups_digits()
        {
            Assert.Equal("000 007", VerificationCode.Format(7, CodeFormat.FromDigits(6)));
            Assert.Equal("123 456", VerificationCode.Format(123456, CodeFormat.FromDigits(6)));
            Assert.Equal("255", VerificationCode.Format(255, CodeFormat.FromBits(8)));
            Assert.Equal("1 048 575", VerificationCode.Format(1048575, CodeFormat.FromBits(20)));
            Assert.Equal(256, CodeFormat.FromBits(8).Space);
            Assert.Equal(1000000, CodeFormat.FromDigits(6).Space);
        }

        [Fact]
        public void Commitment_opens_only_with_its_nonce()
        {
            byte[] n = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
            byte[] c = Commitment.Compute(n);
            Assert.Equal(32, c.Length);
            Assert.True(Commitment.Opens(c, n));
            n[31] ^= 1;
            Assert.False(Commitment.Opens(c, n));
            byte[] digest = new byte[32];
            n[31] ^= 1;
            CryptoCore.Hash(System.Text.Encoding.ASCII.GetBytes("phone/v1/commit").Concat(n).ToArray(), digest);
            Assert.Equal(digest, c);
        }
    }
}
