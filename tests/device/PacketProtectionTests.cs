// SPDX-License-Identifier: MIT
using nanoFramework.TestFramework;
using Phone.Crypto;

namespace Phone.DeviceTests
{
    /// <summary>Sealing and opening session packets: round trip, tamper, replay, ratchet.</summary>
    [TestClass]
    public class PacketProtectionTests
    {
        private const int Header = TransportKeys.MinHeaderLength;

        /// <summary>Opens the suite's store before the tests.</summary>
        [Setup]
        public void OpenStore()
        {
            Assert.IsNotNull(TestStore.Store);
        }

        /// <summary>What one side seals the other opens, byte for byte.</summary>
        [TestMethod]
        public void SealedPacketOpens()
        {
            using (Pair pair = new Pair())
            {
                pair.Complete();
                byte[] buffer = Packet(40);
                int length = pair.InitiatorKeys.Seal(buffer, 0, Header, 40);
                Assert.AreEqual(Header + 40 + CryptoCore.TagLength, length);
                Assert.AreEqual(40, pair.ResponderKeys.Open(buffer, 0, Header, length));
                Assert.IsTrue(Bytes.Equal(Packet(40), Header, buffer, Header, 40), "body after open");
            }
        }

        /// <summary>A flipped bit fails the tag, and the buffer is left as it arrived.</summary>
        [TestMethod]
        public void TamperedPacketIsDroppedUntouched()
        {
            using (Pair pair = new Pair())
            {
                pair.Complete();
                byte[] buffer = Packet(20);
                int length = pair.InitiatorKeys.Seal(buffer, 0, Header, 20);
                buffer[Header + 3] ^= 0x80;
                byte[] before = Bytes.Copy(buffer);
                Assert.AreEqual(CryptoStatus.AuthFailed, pair.ResponderKeys.Open(buffer, 0, Header, length));
                Assert.IsTrue(Bytes.Equal(before, 0, buffer, 0, buffer.Length), "rejected packet changed");
            }
        }

        /// <summary>The same packet twice: the second is a replay.</summary>
        [TestMethod]
        public void ReplayIsDropped()
        {
            using (Pair pair = new Pair())
            {
                pair.Complete();
                byte[] buffer = Packet(10);
                int length = pair.ResponderKeys.Seal(buffer, 0, Header, 10);
                byte[] copy = Bytes.Copy(buffer);
                Assert.AreEqual(10, pair.InitiatorKeys.Open(buffer, 0, Header, length));
                Assert.AreEqual(CryptoStatus.Replay, pair.InitiatorKeys.Open(copy, 0, Header, length));
            }
        }

        /// <summary>After the sender ratchets, the receiver still opens its packets.</summary>
        [TestMethod]
        public void RatchetedPacketOpens()
        {
            using (Pair pair = new Pair())
            {
                pair.Complete();
                pair.InitiatorKeys.Ratchet();
                byte[] buffer = Packet(8);
                int length = pair.InitiatorKeys.Seal(buffer, 0, Header, 8);
                Assert.AreEqual(8, pair.ResponderKeys.Open(buffer, 0, Header, length));
            }
        }

        private static byte[] Packet(int body)
        {
            byte[] b = new byte[Header + body + CryptoCore.TagLength];
            b[0] = 1;
            b[1] = 7;
            for (int i = 0; i < body; i++)
            {
                b[Header + i] = (byte)(i * 7);
            }

            return b;
        }
    }
}
