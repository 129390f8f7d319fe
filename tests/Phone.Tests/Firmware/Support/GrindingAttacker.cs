// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>
    /// A man in the middle of a pairing, driving native Noise handshakes with
    /// its own identity: it pairs with the responder itself (so it knows that
    /// side's code first) and then answers the initiator, grinding its nonce
    /// N_r' over many fresh handshakes to make the initiator's code equal when
    /// it can predict that code, i.e. when it knows N_i before it must answer.
    /// Hybrid like the phones (protocol version 2): it runs its own ML-KEM with each side, so
    /// the KEM stops nobody in the middle; only the codes do. Messages here are whole
    /// (Fragments.Split/Join turn them into datagrams and back).
    /// </summary>
    public sealed class GrindingAttacker : IDisposable
    {
        private static readonly byte[] Prologue = Utf8.GetBytes("phone/v1/pair");
        private readonly string _directory;
        private readonly CodeFormat _format;
        private readonly byte[] _payload = new byte[256];

        public GrindingAttacker(CodeFormat format)
        {
            _format = format;
            _directory = Path.Combine(Path.GetTempPath(), "phone-fw-mitm-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            CryptoCore.SelfTest();
            Store = KeyStore.Open(_directory);
        }

        public KeyStore Store { get; }

        /// <summary>Handshakes tried while grinding, over all runs.</summary>
        public long Candidates { get; private set; }

        /// <summary>Builds PAIR_1 with a commitment to a fresh nonce (attacker as initiator toward the responder).</summary>
        public byte[] StartTowardResponder(uint senderId, out Handshake hs, out byte[] nonce)
        {
            hs = new Handshake(Store, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            nonce = Random32();
            byte[] commitment = Commitment.Compute(nonce);
            byte[] noise = Datagram(MessageType.Pair1, senderId, 0, hs, commitment, commitment.Length);
            return Concat(noise, hs.KemOffer());
        }

        /// <summary>Reads the responder's PAIR_2, returns PAIR_3 and the responder's code (known to the attacker now).</summary>
        public byte[] FinishTowardResponder(Handshake hs, byte[] nonce, byte[] pair2, uint senderId, out int code)
        {
            const int ct = CryptoCore.KemCiphertextLength;
            byte[] ciphertext = new byte[ct];
            Array.Copy(pair2, WireFormat.HandshakeBodyOffset, ciphertext, 0, ct);
            if (hs.KemFinish(ciphertext, ct) != 0)
            {
                throw new InvalidOperationException("attacker could not decapsulate PAIR_2");
            }

            int n = hs.ReadMessage(pair2, WireFormat.HandshakeBodyOffset + ct,
                pair2.Length - WireFormat.HandshakeBodyOffset - ct, _payload);
            if (n < PayloadLayout.NonceLength)
            {
                throw new InvalidOperationException("attacker could not read PAIR_2: " + n);
            }

            byte[] nr = new byte[32];
            Array.Copy(_payload, nr, 32);
            code = VerificationCode.Derive(hs.HandshakeHash(), nonce, nr, _format);
            int length = NonceAndName(nonce, "Alice");
            uint receiverId = HandshakeDatagram.SenderId(pair2, 0);
            byte[] pair3 = Datagram(MessageType.Pair3, senderId, receiverId, hs, _payload, length);
            hs.Dispose();
            return pair3;
        }

        /// <summary>
        /// Answers the initiator's message 1 with PAIR_2. knownInitiatorNonce
        /// is null when the initiator only committed to it: then no candidate
        /// can be evaluated and any one is as good as another.
        /// </summary>
        public byte[] AnswerInitiator(byte[] pair1, byte[] knownInitiatorNonce, int target, uint senderId,
            int maxCandidates, out Handshake chosen)
        {
            uint receiverId = HandshakeDatagram.SenderId(pair1, 0);
            int tries = knownInitiatorNonce == null ? 1 : maxCandidates;
            for (int i = 0; i < tries; i++)
            {
                Candidates++;
                var hs = new Handshake(Store, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
                int noise = pair1.Length - WireFormat.HandshakeBodyOffset - CryptoCore.KemPublicKeyLength;
                int n = hs.ReadMessage(pair1, WireFormat.HandshakeBodyOffset, noise, _payload);
                if (n != 32)
                {
                    throw new InvalidOperationException("attacker could not read PAIR_1: " + n);
                }

                byte[] ek = new byte[CryptoCore.KemPublicKeyLength];
                Array.Copy(pair1, WireFormat.HandshakeBodyOffset + noise, ek, 0, ek.Length);
                byte[] ct = new byte[CryptoCore.KemCiphertextLength];
                if (hs.KemAccept(ek, ek.Length, ct) != ct.Length)
                {
                    throw new InvalidOperationException("attacker could not encapsulate");
                }

                byte[] nr = Random32();
                int length = NonceAndName(nr, "Bob");
                byte[] noise2 = Datagram(MessageType.Pair2, senderId, receiverId, hs, _payload, length);
                byte[] pair2 = Concat(noise2.AsSpan(0, WireFormat.HandshakeBodyOffset).ToArray(), ct);
                pair2 = Concat(pair2, noise2.AsSpan(WireFormat.HandshakeBodyOffset).ToArray());
                if (knownInitiatorNonce == null
                    || VerificationCode.Derive(hs.HandshakeHash(), knownInitiatorNonce, nr, _format) == target
                    || i == tries - 1)
                {
                    chosen = hs;
                    return pair2;
                }

                hs.Dispose();
            }

            throw new InvalidOperationException("unreachable");
        }

        public void Dispose()
        {
            Store.Dispose();
            try
            {
                Directory.Delete(_directory, true);
            }
            catch (IOException)
            {
            }
        }

        private int NonceAndName(byte[] nonce, string name)
        {
            var w = new PayloadWriter(_payload);
            w.Bytes(nonce);
            w.Name(Utf8.GetBytes(name));
            return w.Length;
        }

        private static byte[] Datagram(byte type, uint senderId, uint receiverId, Handshake hs, byte[] payload,
            int payloadLength)
        {
            byte[] buffer = new byte[WireFormat.MaxDatagram];
            HandshakeDatagram.WriteHeader(buffer, type, senderId, receiverId);
            // Whole messages, first ones too: Fragments.Split pads each fragment and stamps its mac1.
            int n = hs.WriteMessage(payload, payloadLength, buffer, WireFormat.HandshakeBodyOffset);
            byte[] datagram = new byte[WireFormat.HandshakeBodyOffset + n];
            Array.Copy(buffer, datagram, datagram.Length);
            return datagram;
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] c = new byte[a.Length + b.Length];
            Array.Copy(a, c, a.Length);
            Array.Copy(b, 0, c, a.Length, b.Length);
            return c;
        }

        public static byte[] Random32()
        {
            byte[] b = new byte[32];
            CryptoCore.Random(b);
            return b;
        }
    }
}
