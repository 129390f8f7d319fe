// SPDX-License-Identifier: MIT
using System;
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// A Noise handshake held in a native slot. Messages go in and out as
    /// bytes; keys stay native. A rejected message leaves the handshake as it was.
    /// </summary>
    public class Handshake : IDisposable
    {
        /// <summary>Step: the next call is WriteMessage.</summary>
        public const int StepWrite = 1;

        /// <summary>Step: the next call is ReadMessage.</summary>
        public const int StepRead = 2;

        /// <summary>Step: finished, call Split.</summary>
        public const int StepDone = 3;

        private static readonly byte[] NoBytes = new byte[0];
        private int _handle;

        /// <summary>
        /// Starts a handshake with the store's identity as local static key.
        /// remoteStatic is required for IK/IKpsk2 initiators, else null.
        /// </summary>
        public Handshake(KeyStore store, int pattern, int role, byte[] prologue, byte[] remoteStatic)
        {
            byte[] p = prologue == null ? NoBytes : prologue;
            byte[] rs = remoteStatic == null ? NoBytes : remoteStatic;
            _handle = NativeResult.Check(
                NativeCrypto.HandshakeNew(store.Handle, pattern, role, p, p.Length, rs, rs.Length), "new handshake");
        }

        /// <summary>Native handle.</summary>
        public int Handle
        {
            get
            {
                if (_handle < 0)
                {
                    throw new ObjectDisposedException("Handshake");
                }

                return _handle;
            }
        }

        /// <summary>StepWrite, StepRead or StepDone.</summary>
        public int Step
        {
            get { return NativeResult.Check(NativeCrypto.HandshakeStatus(Handle), "handshake status"); }
        }

        /// <summary>
        /// IKpsk2: use the contact's resumption secret of that generation as
        /// PSK. Returns false if the store does not hold it (fall back to XX).
        /// </summary>
        public bool UseResumption(KeyStore store, int contactIndex, int generation)
        {
            int result = NativeCrypto.HandshakeUseResumption(Handle, store.Handle, contactIndex, generation);
            if (result == CryptoStatus.NoPsk)
            {
                return false;
            }

            NativeResult.Check(result, "use resumption secret");
            return true;
        }

        /// <summary>Writes the next message into output at offset; returns its length.</summary>
        public int WriteMessage(byte[] payload, int payloadLength, byte[] output, int offset)
        {
            byte[] p = payload == null ? NoBytes : payload;
            if (payloadLength < 0 || payloadLength > p.Length)
            {
                throw new ArgumentOutOfRangeException("payloadLength");
            }

            return NativeResult.Check(
                NativeCrypto.HandshakeWrite(Handle, p, payloadLength, output, output.Length, offset), "write handshake");
        }

        /// <summary>
        /// Reads message[offset..offset+count) and writes its payload into
        /// payload. Returns the payload length, or a negative CryptoStatus for
        /// input that was rejected (the handshake is unchanged).
        /// </summary>
        public int ReadMessage(byte[] message, int offset, int count, byte[] payload)
        {
            return NativeResult.CheckAllowHostile(
                NativeCrypto.HandshakeRead(Handle, message, message.Length, offset, count, payload, payload.Length),
                "read handshake");
        }

        /// <summary>The current handshake hash h (public).</summary>
        public byte[] HandshakeHash()
        {
            byte[] h = new byte[CryptoCore.HashLength];
            NativeResult.Check(NativeCrypto.HandshakeHash(Handle, h, h.Length), "handshake hash");
            return h;
        }

        /// <summary>The peer's static public key once known.</summary>
        public byte[] RemoteStatic()
        {
            byte[] rs = new byte[CryptoCore.KeyLength];
            NativeResult.Check(NativeCrypto.HandshakeRemoteStatic(Handle, rs, rs.Length), "remote static");
            return rs;
        }

        /// <summary>
        /// Hybrid pairing, initiator, after writing XX message 1: a fresh ML-KEM-768 key pair
        /// whose secret half stays native; its public key is mixed into h and returned to send.
        /// </summary>
        public byte[] KemOffer()
        {
            byte[] pk = new byte[CryptoCore.KemPublicKeyLength];
            NativeResult.Check(NativeCrypto.HandshakeKemOffer(Handle, pk, pk.Length), "KEM offer");
            return pk;
        }

        /// <summary>
        /// Hybrid pairing, responder, after reading XX message 1: encapsulates to the peer's
        /// public key (pk[0..length)), mixes key, ciphertext and shared secret in natively and
        /// writes the ciphertext to send into ciphertext. Returns its length, or a negative
        /// CryptoStatus for a malformed key (the handshake is unchanged).
        /// </summary>
        public int KemAccept(byte[] publicKey, int length, byte[] ciphertext)
        {
            if (length < 0 || length > publicKey.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }
            return NativeResult.CheckAllowHostile(
                NativeCrypto.HandshakeKemAccept(Handle, publicKey, length, ciphertext, ciphertext.Length), "KEM accept");
        }

        /// <summary>
        /// Hybrid pairing, initiator, before reading XX message 2: decapsulates the peer's
        /// ciphertext (ciphertext[0..length)) and mixes it in. Returns 0, or a negative
        /// CryptoStatus for a ciphertext of the wrong size (the handshake is unchanged).
        /// </summary>
        public int KemFinish(byte[] ciphertext, int length)
        {
            if (length < 0 || length > ciphertext.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }
            return NativeResult.CheckAllowHostile(
                NativeCrypto.HandshakeKemFinish(Handle, ciphertext, length), "KEM finish");
        }

        /// <summary>True once the ML-KEM shared secret is in the handshake's keys (both sides).</summary>
        public bool KemMixed
        {
            get { return NativeResult.Check(NativeCrypto.HandshakeKemMixed(Handle), "KEM mixed") == 1; }
        }

        /// <summary>Finishes: the transport keys move into their own native slot; this handshake is freed.</summary>
        public TransportKeys Split()
        {
            int keys = NativeResult.Check(NativeCrypto.HandshakeSplit(Handle), "split");
            _handle = -1;
            return new TransportKeys(keys);
        }

        /// <summary>Frees the native slot of a handle nobody disposed (a forgotten one must not hold it for good).</summary>
        ~Handshake()
        {
            Dispose(false);
        }

        /// <summary>Wipes and frees the native handshake.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Frees the native slot once; also run by the finalizer (disposing false).</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (_handle >= 0)
            {
                NativeCrypto.HandshakeFree(_handle);
                _handle = -1;
            }
        }
    }
}
