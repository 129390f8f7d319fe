// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Xunit;

namespace Phone.Tests.Binding
{
    /// <summary>
    /// The hybrid pairing calls through the managed binding: ML-KEM-768 mixed into XX between
    /// messages 1 and 2. Only the public key and ciphertext cross into managed memory; a
    /// modified ciphertext comes back as message 2 failing authentication, a malformed key or
    /// ciphertext as a status with the handshake unchanged.
    /// </summary>
    public sealed class HybridHandshakeBindingTests : IDisposable
    {
        private static readonly byte[] Prologue = { (byte)'p', (byte)'q' };
        private readonly string _root = Path.Combine(Path.GetTempPath(), "phone-hybrid-" + Guid.NewGuid().ToString("N"));
        private readonly KeyStore _alice;
        private readonly KeyStore _bob;

        public HybridHandshakeBindingTests()
        {
            CryptoCore.SelfTest();
            _alice = KeyStore.Open(Directory.CreateDirectory(Path.Combine(_root, "alice")).FullName);
            _bob = KeyStore.Open(Directory.CreateDirectory(Path.Combine(_root, "bob")).FullName);
        }

        public void Dispose()
        {
            _alice.Dispose();
            _bob.Dispose();
            Directory.Delete(_root, true);
        }

        [Fact]
        public void Hybrid_XX_agrees_and_both_sides_report_the_KEM_mixed_in()
        {
            using var initiator = new Handshake(_alice, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            using var responder = new Handshake(_bob, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
            Relay(initiator, responder);
            byte[] pk = initiator.KemOffer();
            Assert.Equal(CryptoCore.KemPublicKeyLength, pk.Length);
            var ct = new byte[CryptoCore.KemCiphertextLength];
            Assert.Equal(CryptoCore.KemCiphertextLength, responder.KemAccept(pk, pk.Length, ct));
            Assert.Equal(0, initiator.KemFinish(ct, ct.Length));
            Assert.True(Relay(responder, initiator) >= 0);
            Assert.True(Relay(initiator, responder) >= 0);
            Assert.True(initiator.KemMixed);
            Assert.True(responder.KemMixed);
            Assert.Equal(initiator.HandshakeHash(), responder.HandshakeHash());
        }

        [Fact]
        public void A_modified_ciphertext_makes_message_2_fail()
        {
            using var initiator = new Handshake(_alice, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            using var responder = new Handshake(_bob, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
            Relay(initiator, responder);
            byte[] pk = initiator.KemOffer();
            var ct = new byte[CryptoCore.KemCiphertextLength];
            responder.KemAccept(pk, pk.Length, ct);
            ct[7] ^= 0x80;
            Assert.Equal(0, initiator.KemFinish(ct, ct.Length)); // implicit rejection: no error here
            Assert.Equal(CryptoStatus.AuthFailed, Relay(responder, initiator));
        }

        [Fact]
        public void Malformed_KEM_input_is_a_status_and_skipping_the_KEM_is_refused()
        {
            using var initiator = new Handshake(_alice, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            using var responder = new Handshake(_bob, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
            Relay(initiator, responder);
            byte[] pk = initiator.KemOffer();
            var ct = new byte[CryptoCore.KemCiphertextLength];
            Assert.Equal(CryptoStatus.Malformed, responder.KemAccept(pk, pk.Length - 1, ct));
            Assert.Equal(CryptoStatus.Malformed, initiator.KemFinish(ct, ct.Length - 1));
            // The initiator offered a KEM: a classical message 2 is a caller error (state), thrown.
            var message = new byte[1024];
            int n = responder.WriteMessage(null, 0, message, 0);
            Assert.Throws<InvalidOperationException>(() => initiator.ReadMessage(message, 0, n, new byte[1024]));
        }

        // Writes the next message of `from` and reads it at `to`: the read's result.
        private static int Relay(Handshake from, Handshake to)
        {
            var message = new byte[1024];
            int n = from.WriteMessage(null, 0, message, 0);
            return to.ReadMessage(message, 0, n, new byte[1024]);
        }
    }
}
