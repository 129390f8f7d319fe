// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Pairing;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Wire;

namespace Phone.Firmware
{
    /// <summary>
    /// Datagram routing (docs/protocol.md §2-3, §11): version and size checks,
    /// routing by receiver id or by (source, sender id) for repeated first
    /// messages, rate limits, busy errors and the bounded table of half-open
    /// inbound exchanges.
    /// </summary>
    public partial class PhoneCore
    {
        private void Dispatch(NetAddress from, byte[] buffer, int offset, int count)
        {
            if (!EnvelopeOk(from, buffer, offset, count))
            {
                return;
            }

            int type = buffer[offset + WireFormat.TypeOffset];
            if (type == MessageType.Secure)
            {
                DispatchSecure(buffer, offset, count);
            }
            else if (FragmentFormat.IsFragmented(type))
            {
                DispatchFragment(type, from, buffer, offset, count);
            }
            else if (MessageType.IsHandshake(type) || type == MessageType.CallFallback)
            {
                DispatchHandshake(type, from, buffer, offset, count);
            }
            else if (type == MessageType.Error)
            {
                DispatchError(buffer, offset, count);
            }
            else if (type == MessageType.CookieReply)
            {
                DispatchCookieReply(from, buffer, offset, count);
            }
            else
            {
                _ctx.Counters.Drop(DropReason.UnknownType);
            }
        }

        /// <summary>Size and version of any datagram; counts (and answers a wrong version) when not ok.</summary>
        private bool EnvelopeOk(NetAddress from, byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length || count < 2)
            {
                _ctx.Counters.Drop(DropReason.Truncated);
                return false;
            }

            if (count > WireFormat.MaxDatagram)
            {
                _ctx.Counters.Drop(DropReason.Oversized);
                return false;
            }

            if (buffer[offset] != WireFormat.Version)
            {
                _ctx.Counters.Drop(DropReason.UnsupportedVersion);
                // Never answered: an ERROR, and anything shorter than the ERROR would be (no reply outgrows its request).
                if (buffer[offset + WireFormat.TypeOffset] != MessageType.Error && count >= WireFormat.ErrorLength)
                {
                    SendError(from, ErrorCode.UnsupportedVersion, 0);
                }

                return false;
            }

            return true;
        }

        private void DispatchSecure(byte[] buffer, int offset, int count)
        {
            if (count < WireFormat.SecureHeaderLength + WireFormat.TagLength + ControlMessage.FixedLength)
            {
                _ctx.Counters.Drop(DropReason.Truncated);
                return;
            }

            Exchange target = FindById(SecureHeader.ReceiverId(buffer, offset));
            if (target == null)
            {
                _ctx.Counters.Drop(DropReason.UnknownSession);
                return;
            }

            target.HandleSecure(buffer, offset, count);
        }

        private void DispatchHandshake(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            if (count < WireFormat.HandshakeBodyOffset)
            {
                _ctx.Counters.Drop(DropReason.Truncated);
                return;
            }

            DropReason length = HandshakeDatagram.CheckLength(type, count);
            if (length != DropReason.None)
            {
                _ctx.Counters.Drop(length);
                return;
            }

            // The cookie gate, per datagram, before any exchange, reassembly or DH (§11).
            Admission admission = FirstMessageLayout.IsFirst(type)
                ? AdmitFirst(type, from, buffer, offset, count)
                : Admission.Unproven;
            if (admission == Admission.BadMac || admission == Admission.CookieSent)
            {
                return;
            }

            RouteHandshake(type, from, buffer, offset,
                FirstMessageLayout.IsFirst(type) ? HandshakeDatagram.FirstBodyLength(type) : count, admission);
        }

        /// <summary>An admitted handshake datagram (a first message without its padding and MACs) to its exchange.</summary>
        private void RouteHandshake(int type, NetAddress from, byte[] buffer, int offset, int count, Admission admission)
        {
            uint receiverId = HandshakeDatagram.ReceiverId(buffer, offset);
            if (receiverId != 0)
            {
                Exchange target = FindById(receiverId);
                if (target == null)
                {
                    _ctx.Counters.Drop(DropReason.UnknownSession);
                    return;
                }

                target.HandleHandshake(type, from, buffer, offset, count);
                return;
            }

            if (type != MessageType.Pair1 && type != MessageType.Call1 && type != MessageType.Verify1)
            {
                _ctx.Counters.Drop(DropReason.Malformed);
                return;
            }

            FirstMessage(type, from, buffer, offset, count, admission);
        }

        private void FirstMessage(int type, NetAddress from, byte[] buffer, int offset, int count, Admission admission)
        {
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            Exchange existing = FindStartedBy(from, senderId);
            if (existing != null)
            {
                Duplicate(existing, type, from, buffer, offset, count, admission);
                return;
            }

            if (senderId == 0)
            {
                _ctx.Counters.Drop(DropReason.Malformed);
                return;
            }

            if (type == MessageType.Pair1 && _active != null && _active.IsInitiator && senderId == _active.LocalId
                && _active is PairingExchange)
            {
                // Our own PAIR_1 came back: the user asked this phone to pair with itself.
                ((PairingExchange)_active).PairedWithItself();
                return;
            }

            // The rate limits first: they are also the cookie gate's load meter, so a flood that the
            // busy / pairing-mode check would drop still puts the phone under load (§11.1).
            if (!FirstAllowed(from, admission))
            {
                _ctx.Counters.Drop(DropReason.RateLimited);
                return;
            }

            if (!AdmitsFirstMessage(type, from, senderId))
            {
                return;
            }

            Respond(type, from, senderId, buffer, offset, count);
        }

        /// <summary>A copy of an admitted first message: it costs the source its rate as a new one does.</summary>
        private void Duplicate(Exchange existing, int type, NetAddress from, byte[] buffer, int offset, int count,
            Admission admission)
        {
            if (FirstAllowed(from, admission))
            {
                existing.HandleHandshake(type, from, buffer, offset, count);
            }
            else
            {
                _ctx.Counters.Drop(DropReason.RateLimited);
            }
        }

        /// <summary>A new inbound pairing or call answers the first message; kept as half-open unless it finished.</summary>
        private void Respond(int type, NetAddress from, uint senderId, byte[] buffer, int offset, int count)
        {
            Exchange created = type == MessageType.Pair1
                ? (Exchange)new PairingExchange(_ctx, false, from)
                : new IncomingCall(_ctx, from);
            DropReason result;
            try
            {
                result = Answer(created, type, senderId, buffer, offset, count);
            }
            catch (System.Exception ex)
            {
                // Never keep a half-made exchange: its native handshake slot would
                // leak, and a few such datagrams would fill the table for good.
                created.Abort();
                CryptoException crypto = ex as CryptoException;
                if (crypto == null || crypto.Status != CryptoStatus.BadKey)
                {
                    throw;
                }

                // The reply's DH met a low-order ephemeral key from the peer.
                result = DropReason.BadKey;
            }

            _ctx.Counters.Drop(result);
            if (result == DropReason.None && !created.Finished)
            {
                AddPending(created);
            }

            AfterFirstMessage(created, type, result);
        }

        /// <summary>The new exchange's answer to the first message: None, or why it was dropped.</summary>
        private static DropReason Answer(Exchange created, int type, uint senderId, byte[] buffer, int offset, int count)
        {
            if (type == MessageType.Pair1)
            {
                return ((PairingExchange)created).Respond(senderId, buffer, offset, count);
            }

            IncomingCall call = (IncomingCall)created;
            return type == MessageType.Call1
                ? call.OnCall1(senderId, buffer, offset, count)
                : call.OnVerify1(senderId, buffer, offset, count);
        }

        private void DispatchError(byte[] buffer, int offset, int count)
        {
            _ctx.Counters.Drop(DropReason.ErrorReceived);
            if (count != WireFormat.ErrorLength)
            {
                return;
            }

            uint id = ErrorDatagram.ReceiverId(buffer, offset);
            Exchange target = id == 0 ? null : FindById(id);
            if (target != null && target == _active)
            {
                target.HandlePeerError(ErrorDatagram.Code(buffer, offset));
            }
        }

        private void SendError(NetAddress to, byte code, uint receiverId)
        {
            if (to == null || !_errorLimiter.TryTake(_ctx.Now))
            {
                return;
            }

            int n = ErrorDatagram.Write(_errorBuffer, code, receiverId);
            _ctx.Counters.ErrorsSent++;
            _ctx.Send(to, _errorBuffer, 0, n);
        }

        private void AddPending(Exchange exchange)
        {
            int free = -1;
            int oldest = 0;
            for (int i = 0; i < _pending.Length; i++)
            {
                if (_pending[i] == null)
                {
                    free = i;
                    break;
                }

                if (_pending[i].StartedAt < _pending[oldest].StartedAt)
                {
                    oldest = i;
                }
            }

            if (free < 0)
            {
                Exchange evicted = _pending[oldest];
                _pending[oldest] = null;
                evicted.Abort();
                free = oldest;
            }

            _pending[free] = exchange;
        }

        /// <summary>Forgets exchange if it is half-open here; true if it was.</summary>
        private bool RemovePending(Exchange exchange)
        {
            bool found = false;
            for (int i = 0; i < _pending.Length; i++)
            {
                if (_pending[i] == exchange)
                {
                    _pending[i] = null;
                    found = true;
                }
            }

            return found;
        }

        private Exchange FindById(uint id)
        {
            if (_active != null && _active.LocalId == id)
            {
                return _active;
            }

            for (int i = 0; i < _pending.Length; i++)
            {
                if (_pending[i] != null && _pending[i].LocalId == id)
                {
                    return _pending[i];
                }
            }

            return null;
        }

        private Exchange FindStartedBy(NetAddress from, uint senderId)
        {
            if (_active != null && _active.StartedBy(from, senderId))
            {
                return _active;
            }

            for (int i = 0; i < _pending.Length; i++)
            {
                if (_pending[i] != null && _pending[i].StartedBy(from, senderId))
                {
                    return _pending[i];
                }
            }

            return null;
        }
    }
}
