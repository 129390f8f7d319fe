// SPDX-License-Identifier: MIT
using nanoFramework.TestFramework;
using Phone.Crypto;
using Phone.Firmware.Pairing;
using Phone.Firmware.Ui;

namespace Phone.DeviceTests
{
    /// <summary>The pairing code: both sides derive the same value after message 2; its rendering.</summary>
    [TestClass]
    public class CodeDerivationTests
    {
        /// <summary>Opens the suite's store before the tests.</summary>
        [Setup]
        public void OpenStore()
        {
            Assert.IsNotNull(TestStore.Store);
        }

        /// <summary>Hash after message 2 plus both nonces gives the same code on both phones.</summary>
        [TestMethod]
        public void BothSidesDeriveTheSameCode()
        {
            using (Pair pair = new Pair())
            {
                Pair.Send(pair.Initiator, pair.Responder, null);
                Pair.Send(pair.Responder, pair.Initiator, null);
                byte[] hInitiator = pair.Initiator.HandshakeHash();
                byte[] hResponder = pair.Responder.HandshakeHash();
                byte[] ni = new byte[32];
                byte[] nr = new byte[32];
                CryptoCore.Random(ni);
                CryptoCore.Random(nr);
                CodeFormat format = CodeFormat.FromDigits(6);
                int a = VerificationCode.Derive(hInitiator, ni, nr, format);
                int b = VerificationCode.Derive(hResponder, ni, nr, format);
                Assert.AreEqual(a, b);
                Assert.IsTrue(a >= 0 && a < 1000000, "code in range");
                nr[0] ^= 1;
                Assert.AreNotEqual(a, VerificationCode.Derive(hInitiator, ni, nr, format));
            }
        }

        /// <summary>Reduction and formatting of a fixed digest: LE64(ff..ff) mod 10^6 = 551615.</summary>
        [TestMethod]
        public void FixedDigestRendersAsGroupedDigits()
        {
            byte[] digest = new byte[32];
            for (int i = 0; i < digest.Length; i++)
            {
                digest[i] = 0xFF;
            }

            CodeFormat format = CodeFormat.FromDigits(6);
            int code = VerificationCode.Reduce(digest, format);
            Assert.AreEqual(551615, code);
            Assert.AreEqual("551 615", VerificationCode.Format(code, format));
            Assert.AreEqual("000 042", VerificationCode.Format(42, format));
        }

        /// <summary>Words use the PGP word lists; the pairing screen carries code and words.</summary>
        [TestMethod]
        public void CodeScreenShowsDigitsAndWords()
        {
            Assert.AreEqual("aardvark adroitness aardvark", VerificationCode.Words(0));
            CodeFormat format = CodeFormat.FromDigits(6);
            string digits = VerificationCode.Format(123456, format);
            string words = VerificationCode.Words(123456);
            Screen screen = Screens.PairingCode(digits, words, "Desk 2", "waiting");
            Assert.AreEqual(ScreenKind.PairingCode, screen.Kind);
            Assert.AreEqual("123 456", screen.Code);
            Assert.AreEqual(words, screen.CodeWords);
            Assert.AreEqual("Confirm", screen.LeftKey);
            Assert.AreEqual("Reject", screen.RightKey);
        }
    }
}
