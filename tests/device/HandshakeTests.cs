// SPDX-License-Identifier: MIT
using nanoFramework.TestFramework;
using Phone.Crypto;

namespace Phone.DeviceTests
{
    /// <summary>A Noise XX handshake between two in-process handles.</summary>
    [TestClass]
    public class HandshakeTests
    {
        /// <summary>Opens the suite's store (and runs the self-test) before the tests.</summary>
        [Setup]
        public void OpenStore()
        {
            Assert.IsNotNull(TestStore.Store);
        }

        /// <summary>Three messages with payloads; both sides end with the same hash and the peer's key.</summary>
        [TestMethod]
        public void XxCompletesWithEqualHashes()
        {
            using (Pair pair = new Pair())
            {
                byte[] hello = new byte[] { 1, 2, 3 };
                byte[] got = Pair.Send(pair.Initiator, pair.Responder, hello);
                Assert.IsTrue(Bytes.Equal(hello, 0, got, 0, 3) && got.Length == 3, "payload of message 1");
                Pair.Send(pair.Responder, pair.Initiator, new byte[] { 4 });
                Pair.Send(pair.Initiator, pair.Responder, new byte[] { 5, 6 });
                Assert.AreEqual(Handshake.StepDone, pair.Initiator.Step);
                Assert.AreEqual(Handshake.StepDone, pair.Responder.Step);
                Assert.IsTrue(Bytes.Equal(pair.Initiator.HandshakeHash(), 0, pair.Responder.HandshakeHash(), 0, 64), "handshake hashes");
                byte[] identity = TestStore.Store.IdentityPublicKey();
                Assert.IsTrue(Bytes.Equal(identity, 0, pair.Responder.RemoteStatic(), 0, 32), "responder learned the initiator's key");
            }
        }

        /// <summary>A corrupted message is returned as a negative status and leaves the handshake usable.</summary>
        [TestMethod]
        public void TamperedMessageIsRejectedWithoutKillingTheHandshake()
        {
            using (Pair pair = new Pair())
            {
                Pair.Send(pair.Initiator, pair.Responder, null);
                byte[] message = new byte[Pair.MaxMessage];
                int length = pair.Responder.WriteMessage(null, 0, message, 0);
                byte[] bad = Bytes.Copy(message);
                bad[length - 1] ^= 0x01;
                byte[] payload = new byte[Pair.MaxMessage];
                Assert.AreEqual(CryptoStatus.AuthFailed, pair.Initiator.ReadMessage(bad, 0, length, payload));
                Assert.AreEqual(Handshake.StepRead, pair.Initiator.Step);
                Assert.AreEqual(0, pair.Initiator.ReadMessage(message, 0, length, payload));
            }
        }

        /// <summary>Calls out of order are caller mistakes: InvalidOperationException on both targets.</summary>
        [TestMethod]
        public void OutOfOrderCallThrows()
        {
            using (Pair pair = new Pair())
            {
                byte[] payload = new byte[Pair.MaxMessage];
                Assert.ThrowsException(typeof(System.InvalidOperationException),
                    () => pair.Responder.WriteMessage(null, 0, payload, 0));
            }
        }
    }
}
