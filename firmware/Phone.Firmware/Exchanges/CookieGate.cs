// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// The responder's half of the stateless cookie (docs/protocol.md §11), per datagram and before
    /// any exchange, reassembly or Diffie-Hellman: checks mac1 (and mac2) of a first message, and
    /// under load answers one without a valid mac2 with a COOKIE_REPLY (62 bytes, smaller than any
    /// first message) instead of a handshake. The cookie secret lives in the native core.
    /// </summary>
    internal class CookieGate
    {
        /// <summary>The cookie secret changes every 120 s; a cookie is good for this epoch and the next.</summary>
        internal const long EpochMs = 120000;

        private const int SourceLength = 6;

        private readonly PhoneContext _ctx;
        private readonly CookieKeys _open = CookieKeys.Open();
        private readonly byte[] _source = new byte[SourceLength];
        private readonly byte[] _reply = new byte[CookieReplyDatagram.Length];
        private readonly byte[] _fallback = new byte[WireFormat.HandshakeBodyOffset + PayloadLayout.FallbackLength];
        private CookieKeys _own;
        private KeyStore _ownFor;

        internal CookieGate(PhoneContext ctx)
        {
            _ctx = ctx;
        }

        /// <summary>Admission of the first-message datagram buffer[offset..offset+count) from a source.</summary>
        internal Admission Admit(int type, NetAddress from, byte[] buffer, int offset, int count, bool underLoad)
        {
            CookieKeys keys = KeysFor(type);
            int epoch = (int)(_ctx.Now / EpochMs);
            int flags = CookieMacs.Check(keys.Mac1Key, Source(from), epoch, buffer, offset, count);
            if ((flags & CookieMacs.Mac1Ok) == 0)
            {
                return Admission.BadMac;
            }

            if ((flags & CookieMacs.Mac2Ok) != 0)
            {
                return Admission.Proven;
            }

            if (!underLoad)
            {
                return Admission.Unproven;
            }

            CookieReplyDatagram.WriteHeader(_reply, HandshakeDatagram.SenderId(buffer, offset));
            CookieMacs.Reply(keys.CookieKey, _source, epoch, buffer, offset, count, _reply,
                CookieReplyDatagram.SealedOffset);
            _ctx.Counters.CookieRepliesSent++;
            _ctx.Send(from, _reply, 0, _reply.Length);
            return Admission.CookieSent;
        }

        /// <summary>
        /// A CALL_1 whose mac1 is not under this phone's key was made for another key (the caller
        /// pinned a key this phone no longer has): CALL_FALLBACK "cannot decrypt" at once, statelessly,
        /// as the Noise read would have ended, without its DH. 11 bytes.
        /// </summary>
        internal void SendCannotDecrypt(NetAddress from, byte[] buffer, int offset)
        {
            HandshakeDatagram.WriteHeader(_fallback, MessageType.CallFallback, 0, HandshakeDatagram.SenderId(buffer, offset));
            _fallback[WireFormat.HandshakeBodyOffset] = FallbackReason.CannotDecrypt;
            _ctx.Send(from, _fallback, 0, _fallback.Length);
        }

        private CookieKeys KeysFor(int type)
        {
            if (!CookieKeys.UsesStaticKey(type))
            {
                return _open;
            }

            // A factory reset replaces the store and its identity: derive again for the new key.
            if (_own == null || _ownFor != _ctx.Store)
            {
                _own = CookieKeys.ForStaticKey(_ctx.Store.IdentityPublicKey());
                _ownFor = _ctx.Store;
            }

            return _own;
        }

        private byte[] Source(NetAddress from)
        {
            for (int i = 0; i < 4; i++)
            {
                _source[i] = from.Octet(i);
            }

            _source[4] = (byte)(from.Port & 0xFF);
            _source[5] = (byte)((from.Port >> 8) & 0xFF);
            return _source;
        }
    }
}
