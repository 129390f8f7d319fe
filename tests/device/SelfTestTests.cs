// SPDX-License-Identifier: MIT
using nanoFramework.TestFramework;
using Phone.Crypto;

namespace Phone.DeviceTests
{
    /// <summary>The power-on self-test and the public helpers, through the binding.</summary>
    [TestClass]
    public class SelfTestTests
    {
        /// <summary>Known-answer tests and the loopback handshake pass; the version matches.</summary>
        [TestMethod]
        public void SelfTestPasses()
        {
            CryptoCore.SelfTest();
        }

        /// <summary>BLAKE2b-512("abc") of RFC 7693 appendix A, through pc_hash.</summary>
        [TestMethod]
        public void HashMatchesRfc7693()
        {
            CryptoCore.SelfTest();
            byte[] expected = Bytes.FromHex(
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
            byte[] output = new byte[64];
            CryptoCore.Hash(new byte[] { (byte)'a', (byte)'b', (byte)'c' }, output);
            Assert.IsTrue(Bytes.Equal(expected, 0, output, 0, 64), "BLAKE2b-512(abc)");
        }

        /// <summary>Random bytes differ between calls (a stuck RNG would repeat).</summary>
        [TestMethod]
        public void RandomIsNotConstant()
        {
            CryptoCore.SelfTest();
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            CryptoCore.Random(a);
            CryptoCore.Random(b);
            Assert.IsFalse(Bytes.Equal(a, 0, b, 0, 32), "two random draws were equal");
        }

        /// <summary>A caller mistake (output too long) is an ArgumentException on both targets.</summary>
        [TestMethod]
        public void BadLengthThrowsArgumentException()
        {
            CryptoCore.SelfTest();
            Assert.ThrowsException(typeof(System.ArgumentException), () => CryptoCore.Hash(new byte[1], new byte[65]));
        }
    }
}
