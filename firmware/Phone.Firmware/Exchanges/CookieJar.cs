// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// The initiator's half of the stateless cookie (docs/protocol.md §11), at the datagram level:
    /// every first-message datagram this phone sends (and every retransmission of one) gets mac1
    /// and, while a fresh cookie from that responder is held, mac2. A COOKIE_REPLY is accepted only
    /// from the address the last first message went to, naming its sender id, and only if it opens
    /// with that message's mac1 as associated data. The mac1 of each fragment of a fragmented first
    /// message is kept, so a reply to any of them is taken. One cookie, one outstanding first message: a
    /// phone runs one pairing or call at a time.
    /// </summary>
    internal class CookieJar
    {
        /// <summary>The responder keeps its secret two epochs: a cookie is good for at least one.</summary>
        private const long LifetimeMs = CookieGate.EpochMs;

        private readonly CookieKeys _open = CookieKeys.Open();
        private readonly byte[] _cookie = new byte[CookieMacs.MacLength];
        private readonly byte[] _opened = new byte[CookieMacs.MacLength];
        // mac1 of the last datagrams sent: a fragmented first message's fragments each carry one (§2.1).
        private readonly byte[][] _lastMac1 = NewMacs(FragmentFormat.MaxFragments);
        private int _nextMac1;
        private CookieKeys _callee;
        private NetAddress _cookieFrom;
        private long _cookieAt;
        private NetAddress _lastTo;
        private uint _lastSender;
        private CookieKeys _lastKeys;

        /// <summary>The pinned static key of the contact being called: CALL_1's mac1 is under it.</summary>
        internal void CallTo(byte[] calleeStaticKey)
        {
            _callee = CookieKeys.ForStaticKey(calleeStaticKey);
        }

        /// <summary>Fills mac1/mac2 of a first-message datagram about to be sent; any other datagram is left alone.</summary>
        internal void Stamp(NetAddress to, byte[] buffer, int offset, int count, long now)
        {
            if (count < FirstMessageLayout.PaddedLength || !FirstMessageLayout.IsFirst(buffer[offset + WireFormat.TypeOffset]))
            {
                return;
            }

            int type = buffer[offset + WireFormat.TypeOffset];
            CookieKeys keys = CookieKeys.UsesStaticKey(type) && _callee != null ? _callee : _open;
            bool fresh = _cookieFrom != null && _cookieFrom.SameAs(to) && now - _cookieAt < LifetimeMs;
            CookieMacs.Stamp(keys.Mac1Key, fresh ? _cookie : null, buffer, offset, count);
            _lastTo = to;
            _lastSender = HandshakeDatagram.SenderId(buffer, offset);
            _lastKeys = keys;
            System.Array.Copy(buffer, offset + FirstMessageLayout.Mac1Offset(count), _lastMac1[_nextMac1], 0,
                CookieMacs.MacLength);
            _nextMac1 = (_nextMac1 + 1) % _lastMac1.Length;
        }

        /// <summary>Takes the cookie of a COOKIE_REPLY answering our last first message; false if it is not one.</summary>
        internal bool OnReply(NetAddress from, byte[] buffer, int offset, int count, long now)
        {
            if (count != CookieReplyDatagram.Length || _lastTo == null || !_lastTo.SameAs(from)
                || CookieReplyDatagram.ReceiverId(buffer, offset) != _lastSender || !OpensWithLastMac1(buffer, offset))
            {
                return false;
            }

            System.Array.Copy(_opened, _cookie, CookieMacs.MacLength);
            _cookieFrom = from;
            _cookieAt = now;
            return true;
        }

        /// <summary>True if the reply opens with the mac1 of one of the last datagrams sent (any fragment of the message).</summary>
        private bool OpensWithLastMac1(byte[] buffer, int offset)
        {
            for (int i = 0; i < _lastMac1.Length; i++)
            {
                if (CookieMacs.Open(_lastKeys.CookieKey, _lastMac1[i], buffer, offset + CookieReplyDatagram.SealedOffset,
                        _opened))
                {
                    return true;
                }
            }

            return false;
        }

        private static byte[][] NewMacs(int n)
        {
            byte[][] macs = new byte[n][];
            for (int i = 0; i < n; i++)
            {
                macs[i] = new byte[CookieMacs.MacLength];
            }

            return macs;
        }
    }
}
