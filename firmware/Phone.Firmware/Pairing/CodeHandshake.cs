// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Trust;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// Hybrid Noise XX (X25519 + ML-KEM-768) with the nonce commitment and the verification
    /// code, for pairing and for the in-call fallback (docs/protocol.md §5, §5.1):
    ///   -> e                 payload: C = H(N_i) [|| extra]      then ek (ML-KEM public key)
    ///   &lt;- ct, then e, ee, s, es   payload: N_r || name     (h2 = h after this message)
    ///   -> s, se             payload: N_i || name          (responder checks H(N_i) == C)
    /// ek and ct are mixed into h and the KEM secret into ck natively (Handshake.Kem*), so
    /// the code, the keys and the pinned resumption secret depend on both secrets.
    /// code = SAS(h2, N_i, N_r). Keys stay native; nonces are public. Messages 2 and 3 end
    /// with the organisation section (certificate, revocation list) of a phone that has one.
    /// </summary>
    internal class CodeHandshake
    {
        private readonly PhoneContext _ctx;
        private readonly byte[] _payload = new byte[PayloadLayout.CommitLength + PayloadLayout.MaxName + 64
                                                    + OrgSection.MaxLength];
        private Handshake _hs;
        private byte[] _ni;
        private byte[] _nr;
        private byte[] _commitment;
        private byte[] _h2;
        private byte[] _ciphertext;
        private bool _retryable = true;

        internal CodeHandshake(PhoneContext ctx, int role, string prologue)
        {
            _ctx = ctx;
            IsInitiator = role == NoisePattern.Initiator;
            _hs = new Handshake(ctx.Store, NoisePattern.XX, role, Utf8.GetBytes(prologue), null);
            Code = -1;
        }

        internal bool IsInitiator { get; private set; }

        /// <summary>Code value once derived, else -1.</summary>
        internal int Code { get; private set; }

        /// <summary>Code as grouped digits.</summary>
        internal string CodeText { get; private set; }

        /// <summary>Code as PGP words.</summary>
        internal string CodeWords { get; private set; }

        /// <summary>The name the peer sent (unauthenticated claim until the code is compared).</summary>
        internal string PeerName { get; private set; }

        /// <summary>The peer's static public key once received.</summary>
        internal byte[] PeerKey { get; private set; }

        /// <summary>What the peer's organisation section came to (never null once message 2/3 was read).</summary>
        internal OrgVerdict Org { get; private set; }

        /// <summary>Responder: bytes after the commitment in message 1.</summary>
        internal byte[] Extra { get; private set; }

        /// <summary>True once the ML-KEM secret is in the keys (both sides, from message 2 on).</summary>
        internal bool Hybrid { get; private set; }

        /// <summary>Initiator: writes message 1 (commitment || extra) at output[offset..); returns its length.</summary>
        internal int WriteMessage1(byte[] extra, byte[] output, int offset)
        {
            _ni = new byte[PayloadLayout.NonceLength];
            CryptoCore.Random(_ni);
            _commitment = Commitment.Compute(_ni);
            PayloadWriter w = new PayloadWriter(_payload);
            w.Bytes(_commitment);
            if (extra != null)
            {
                w.Bytes(extra);
            }

            int n = _hs.WriteMessage(_payload, w.Length, output, offset);
            byte[] ek = _hs.KemOffer();
            System.Array.Copy(ek, 0, output, offset + n, ek.Length);
            return n + ek.Length;
        }

        /// <summary>
        /// Initiator: reads message 2 (ciphertext, then the Noise message) and derives the code. None; HandshakeFailed or BadKey when
        /// Noise refused it (handshake unchanged: keep waiting, see Refused); Malformed payload.
        /// </summary>
        internal DropReason ReadMessage2(byte[] buffer, int offset, int count)
        {
            const int ctLength = CryptoCore.KemCiphertextLength;
            byte[] ct = new byte[ctLength];
            System.Array.Copy(buffer, offset, ct, 0, ctLength);
            if (_hs.KemFinish(ct, ctLength) < 0)
            {
                return DropReason.Malformed;
            }

            Hybrid = true;
            int n = _hs.ReadMessage(buffer, offset + ctLength, count - ctLength, _payload);
            if (n < 0)
            {
                // The decapsulation key is spent: a message 2 that does not read ends the attempt.
                _retryable = false;
                return DropReasonNames.FromCryptoStatus(n) == DropReason.BadKey
                    ? DropReason.BadKey : DropReason.HandshakeFailed;
            }

            PayloadReader r = new PayloadReader(_payload, 0, n);
            _nr = r.Bytes(PayloadLayout.NonceLength);
            PeerName = r.Name(PayloadLayout.MaxName);
            Org = r.Ok ? OrgSection.Read(r, _ctx, _hs) : null;
            if (Org == null)
            {
                return DropReason.Malformed;
            }

            _h2 = _hs.HandshakeHash();
            PeerKey = _hs.RemoteStatic();
            SetCode(VerificationCode.Derive(_h2, _ni, _nr, _ctx.CodeFormat));
            return DropReason.None;
        }

        /// <summary>Initiator: writes message 3 (N_i || name); returns its length.</summary>
        internal int WriteMessage3(byte[] output, int offset)
        {
            PayloadWriter w = new PayloadWriter(_payload);
            w.Bytes(_ni);
            w.Name(_ctx.NameBytes);
            OrgSection.Write(w, _ctx);
            return _hs.WriteMessage(_payload, w.Length, output, offset);
        }

        /// <summary>
        /// Responder: reads message 1 with extraLength bytes after the commitment. None,
        /// HandshakeFailed (Noise refused it) or Malformed (payload).
        /// </summary>
        internal DropReason ReadMessage1(byte[] buffer, int offset, int count, int extraLength)
        {
            int noise = count - CryptoCore.KemPublicKeyLength;
            int n = noise < 0 ? -1 : _hs.ReadMessage(buffer, offset, noise, _payload);
            if (n < 0)
            {
                return DropReason.HandshakeFailed;
            }

            PayloadReader r = new PayloadReader(_payload, 0, n);
            _commitment = r.Bytes(PayloadLayout.CommitLength);
            Extra = r.Bytes(extraLength);
            if (!r.AtEndOk)
            {
                return DropReason.Malformed;
            }

            return Encapsulate(buffer, offset + noise);
        }

        /// <summary>Responder: encapsulates to the peer's ML-KEM key at buffer[offset..); Malformed if refused.</summary>
        private DropReason Encapsulate(byte[] buffer, int offset)
        {
            byte[] ek = new byte[CryptoCore.KemPublicKeyLength];
            System.Array.Copy(buffer, offset, ek, 0, ek.Length);
            _ciphertext = new byte[CryptoCore.KemCiphertextLength];
            if (_hs.KemAccept(ek, ek.Length, _ciphertext) < 0)
            {
                return DropReason.Malformed;
            }

            Hybrid = true;
            return DropReason.None;
        }

        /// <summary>Responder: writes message 2 (ciphertext, then N_r || name) and keeps h2; returns its length.</summary>
        internal int WriteMessage2(byte[] output, int offset)
        {
            _nr = new byte[PayloadLayout.NonceLength];
            CryptoCore.Random(_nr);
            PayloadWriter w = new PayloadWriter(_payload);
            w.Bytes(_nr);
            w.Name(_ctx.NameBytes);
            OrgSection.Write(w, _ctx);
            System.Array.Copy(_ciphertext, 0, output, offset, _ciphertext.Length);
            int length = _hs.WriteMessage(_payload, w.Length, output, offset + _ciphertext.Length);
            _h2 = _hs.HandshakeHash();
            return _ciphertext.Length + length;
        }

        /// <summary>
        /// Responder: reads message 3, checks the commitment and derives the
        /// code (only if it opened). None, HandshakeFailed (Noise refused it, handshake
        /// unchanged), Malformed (payload) or CommitmentMismatch.
        /// </summary>
        private DropReason ReadMessage3(byte[] buffer, int offset, int count)
        {
            int n = _hs.ReadMessage(buffer, offset, count, _payload);
            if (n < 0)
            {
                return DropReason.HandshakeFailed;
            }

            PayloadReader r = new PayloadReader(_payload, 0, n);
            _ni = r.Bytes(PayloadLayout.NonceLength);
            PeerName = r.Name(PayloadLayout.MaxName);
            if (!r.Ok)
            {
                return DropReason.Malformed;
            }

            PeerKey = _hs.RemoteStatic();
            if (!Commitment.Opens(_commitment, _ni))
            {
                return DropReason.CommitmentMismatch;
            }

            // only after the commitment opened: a list or time learned from a peer that
            // then fails the exchange would still be genuine, but nothing is taken from it
            Org = OrgSection.Read(r, _ctx, _hs);
            if (Org == null)
            {
                return DropReason.Malformed;
            }

            SetCode(VerificationCode.Derive(_h2, _ni, _nr, _ctx.CodeFormat));
            return DropReason.None;
        }

        /// <summary>
        /// True for a read result that means Noise refused the message and the handshake is
        /// unchanged: keep waiting. False once a message 2 spent the KEM and did not read.
        /// </summary>
        internal bool Refused(DropReason result)
        {
            return _retryable && (result == DropReason.HandshakeFailed || result == DropReason.BadKey);
        }

        /// <summary>
        /// Responder, pairing and the call's XX fallback alike: reads message 3 from a whole
        /// handshake datagram, checks the commitment and opens the sealed channel. Returns
        /// null when Noise refused the message (verdict HandshakeFailed: count it, keep
        /// waiting). Otherwise the channel, and verdict None (the code is ready) or the
        /// reason the finished exchange must be aborted (Malformed, CommitmentMismatch).
        /// </summary>
        internal SecureChannel FinishResponder(byte[] datagram, int offset, int count, uint peerId, NetAddress peer,
            ISecureListener listener, out DropReason verdict)
        {
            verdict = ReadMessage3(datagram, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset);
            if (Refused(verdict))
            {
                return null;
            }

            return new SecureChannel(_ctx, Split(), peerId, peer, listener);
        }

        /// <summary>Moves the finished handshake's keys into a session (the handshake is freed).</summary>
        internal TransportKeys Split()
        {
            TransportKeys session = _hs.Split();
            _hs = null;
            return session;
        }

        /// <summary>Wipes and frees the handshake if it is still held.</summary>
        internal void Dispose()
        {
            if (_hs != null)
            {
                _hs.Dispose();
                _hs = null;
            }
        }

        private void SetCode(int code)
        {
            Code = code;
            CodeText = VerificationCode.Format(code, _ctx.CodeFormat);
            CodeWords = VerificationCode.Words(code);
        }
    }
}
