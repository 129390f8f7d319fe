// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Timing;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// A finished handshake's transport: seals and opens SECURE packets in
    /// preallocated buffers, delivers reliable control messages (sequence
    /// numbers, acknowledgements, retransmission with backoff, duplicate
    /// suppression) and forgets the previous receiving key a little after
    /// each key switch. The media path through here allocates nothing.
    /// </summary>
    internal partial class SecureChannel : ITimerHandler
    {
        private const int TimerOutbox = 1;
        private const int TimerForget = 2;

        private readonly PhoneContext _ctx;
        private readonly ISecureListener _listener;
        private readonly byte[] _tx = new byte[WireFormat.MaxDatagram];
        private readonly byte[] _rx = new byte[WireFormat.MaxDatagram];
        private readonly byte[] _info = new byte[4];
        private readonly byte[] _ackArgs = new byte[4];
        private readonly ControlOutbox _outbox;
        private readonly PhoneTimer _outboxTimer;
        private readonly PhoneTimer _forgetTimer;
        private TransportKeys _session;
        private uint _rxHighest;
        private ulong _rxSeen;
        private int _lastPhaseByte = -1;

        internal SecureChannel(PhoneContext ctx, TransportKeys session, uint peerId, NetAddress peer,
            ISecureListener listener)
        {
            _ctx = ctx;
            _session = session;
            _listener = listener;
            PeerId = peerId;
            Peer = peer;
            _outboxTimer = ctx.Timers.Create(this, TimerOutbox);
            _outbox = new ControlOutbox(_outboxTimer);
            _forgetTimer = ctx.Timers.Create(this, TimerForget);
            LastReceived = ctx.Now;
            LastSent = ctx.Now;
            LastSendSwitch = ctx.Now;
            RefreshInfo();
        }

        /// <summary>The peer's session id (receiver id of every packet sent).</summary>
        internal uint PeerId { get; private set; }

        /// <summary>Where packets go.</summary>
        internal NetAddress Peer { get; private set; }

        /// <summary>The transport keys (null once disposed).</summary>
        internal TransportKeys Keys
        {
            get { return _session; }
        }

        /// <summary>Clock time of the last verified packet.</summary>
        internal long LastReceived { get; private set; }

        /// <summary>Clock time of the last packet sent.</summary>
        internal long LastSent { get; private set; }

        /// <summary>Packets sent since this side's sending key last changed.</summary>
        internal int SentInPhase { get; private set; }

        /// <summary>Clock time this side's sending key last changed.</summary>
        internal long LastSendSwitch { get; private set; }

        /// <summary>Current send phase byte (generation &lt;&lt; 4 | epoch).</summary>
        internal int SendPhase { get; private set; }

        /// <summary>Current receive phase byte.</summary>
        internal int ReceivePhase { get; private set; }

        /// <summary>True while a DH re-key's key is pending on either direction.</summary>
        internal bool RekeyPending { get; private set; }

        /// <summary>The transmit buffer media frames are built in (header at 0).</summary>
        internal byte[] TxBuffer
        {
            get { return _tx; }
        }

        /// <summary>Sends a control message; reliable ones are retransmitted until acknowledged. Returns its sequence (0 if unreliable).</summary>
        internal uint Send(byte type, byte[] args, int argsLength, bool reliable)
        {
            if (_session == null)
            {
                return 0;
            }

            uint seq = 0;
            if (reliable)
            {
                long now = _ctx.Now;
                OutboxEntry entry = _outbox.Add(type, args, argsLength, now + _ctx.Backoff.Gap(1),
                    now + _ctx.Config.HandshakeTimeoutMs);
                if (entry == null)
                {
                    return 0;
                }

                seq = entry.Seq;
            }

            SealControl(type, seq, args, argsLength);
            return seq;
        }

        /// <summary>True while a reliable message of type waits for its acknowledgement.</summary>
        internal bool Pending(byte type)
        {
            return _outbox.Pending(type);
        }

        /// <summary>Stops retransmitting everything.</summary>
        internal void CancelAll()
        {
            _outbox.Clear();
        }

        /// <summary>Seals TxBuffer[0..headerLength+bodyLength) and sends it (media path: no allocation).</summary>
        internal void SendSealed(int headerLength, int bodyLength)
        {
            int length = _session.Seal(_tx, 0, headerLength, bodyLength);
            _ctx.Send(Peer, _tx, 0, length);
            LastSent = _ctx.Now;
            SentInPhase++;
        }

        /// <summary>
        /// Opens a SECURE datagram addressed to this channel and dispatches it.
        /// Returns DropReason.None when it was accepted, else why it was dropped.
        /// </summary>
        internal DropReason Receive(byte[] buffer, int offset, int count)
        {
            if (_session == null)
            {
                return DropReason.UnknownSession;
            }

            int kind = buffer[offset + WireFormat.InnerKindOffset];
            int headerLength = SecureHeader.HeaderLength(kind);
            if (headerLength < 0)
            {
                return DropReason.Malformed;
            }

            if (count < headerLength + WireFormat.TagLength + 1)
            {
                return DropReason.Truncated;
            }

            System.Array.Copy(buffer, offset, _rx, 0, count);
            if (kind == InnerKind.Media)
            {
                return ReceiveMedia(headerLength, count);
            }

            int body = _session.Open(_rx, 0, headerLength, count);
            if (body < 0)
            {
                return DropReasonNames.FromCryptoStatus(body);
            }

            Authenticated();
            return ReceiveControl(headerLength, body);
        }

        /// <summary>Re-reads the public key-schedule state; notes key switches.</summary>
        internal void RefreshInfo()
        {
            if (_session == null)
            {
                return;
            }

            _session.ReadInfo(_info);
            if (_info[0] != SendPhase)
            {
                SendPhase = _info[0];
                LastSendSwitch = _ctx.Now;
                SentInPhase = 0;
            }

            if (_info[1] != ReceivePhase)
            {
                ReceivePhase = _info[1];
            }

            if (_info[2] != 0 && !_forgetTimer.Armed)
            {
                _forgetTimer.ArmAt(_ctx.Now + _ctx.Config.ForgetPreviousMs);
            }

            RekeyPending = _info[3] != 0;
        }

        /// <summary>Timers: retransmissions and forgetting the previous key.</summary>
        public void OnTimer(PhoneTimer timer, long now)
        {
            if (_session == null)
            {
                return;
            }

            if (timer.Id == TimerForget)
            {
                _session.ForgetPrevious();
                RefreshInfo();
                return;
            }

            for (int i = 0; i < _outbox.Count; i++)
            {
                OutboxEntry entry = _outbox[i];
                if (!entry.InUse || entry.Due > now)
                {
                    continue;
                }

                if (now >= entry.GiveUpAt)
                {
                    entry.Seq = 0;
                    _listener.OnControlTimeout(entry.Type);
                    continue;
                }

                entry.Sends++;
                entry.NextSend = now + _ctx.Backoff.Gap(entry.Sends);
                _ctx.Counters.Retransmissions++;
                SealControl(entry.Type, entry.Seq, entry.Args, entry.ArgsLength);
            }

            _outbox.Rearm();
        }

        /// <summary>Wipes the session keys and stops all timers.</summary>
        internal void Dispose()
        {
            _ctx.Timers.Release(_outboxTimer);
            _ctx.Timers.Release(_forgetTimer);
            if (_session != null)
            {
                _session.Dispose();
                _session = null;
            }
        }

        /// <summary>A packet verified: the peer is alive; a new key phase refreshes the schedule.</summary>
        private void Authenticated()
        {
            LastReceived = _ctx.Now;
            if (_rx[WireFormat.PhaseOffset] != _lastPhaseByte)
            {
                _lastPhaseByte = _rx[WireFormat.PhaseOffset];
                RefreshInfo();
            }

            _listener.OnAuthenticated();
        }

        private DropReason ReceiveControl(int headerLength, int body)
        {
            if (!ControlMessage.IsWellFormed(_rx, headerLength, body))
            {
                return DropReason.Malformed;
            }

            _ctx.Counters.ControlReceived++;
            byte type = _rx[headerLength];
            uint seq = ByteIo.ReadU32Le(_rx, headerLength + 1);
            int args = headerLength + ControlMessage.FixedLength;
            if (type == ControlType.Ack)
            {
                Acknowledged(ByteIo.ReadU32Le(_rx, args));
                return DropReason.None;
            }

            if (seq == 0)
            {
                _listener.OnControl(type, _rx, args);
                return DropReason.None;
            }

            if (Seen(seq))
            {
                SendAck(seq);
                return DropReason.None;
            }

            if (_listener.OnControl(type, _rx, args))
            {
                MarkSeen(seq);
                SendAck(seq);
            }

            return DropReason.None;
        }

        private void Acknowledged(uint seq)
        {
            byte type;
            if (_outbox.Acknowledge(seq, out type))
            {
                _listener.OnAcked(type);
            }
        }

        private void SendAck(uint seq)
        {
            if (_session == null)
            {
                return;
            }

            ByteIo.WriteU32Le(_ackArgs, 0, seq);
            SealControl(ControlType.Ack, 0, _ackArgs, 4);
        }

        private void SealControl(byte type, uint seq, byte[] args, int argsLength)
        {
            SecureHeader.Write(_tx, InnerKind.Control, PeerId);
            int body = ControlMessage.Write(_tx, WireFormat.SecureHeaderLength, type, seq, args, argsLength);
            _ctx.Counters.ControlSent++;
            SendSealed(WireFormat.SecureHeaderLength, body);
        }

        private bool Seen(uint seq)
        {
            if (seq > _rxHighest)
            {
                return false;
            }

            uint distance = _rxHighest - seq;
            return distance >= 64 || (_rxSeen & (1UL << (int)distance)) != 0;
        }

        private void MarkSeen(uint seq)
        {
            if (seq > _rxHighest)
            {
                uint shift = seq - _rxHighest;
                _rxSeen = shift >= 64 ? 0 : _rxSeen << (int)shift;
                _rxSeen |= 1;
                _rxHighest = seq;
                return;
            }

            _rxSeen |= 1UL << (int)(_rxHighest - seq);
        }
    }
}
