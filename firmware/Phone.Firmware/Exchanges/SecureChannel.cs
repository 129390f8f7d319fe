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
    internal class SecureChannel : ITimerHandler
    {
        private const int OutboxSlots = 6;
        private const int TimerOutbox = 1;
        private const int TimerForget = 2;

        private readonly PhoneContext _ctx;
        private readonly ISecureListener _listener;
        private readonly byte[] _tx = new byte[WireFormat.MaxDatagram];
        private readonly byte[] _rx = new byte[WireFormat.MaxDatagram];
        private readonly byte[] _info = new byte[4];
        private readonly byte[] _ackArgs = new byte[4];
        private readonly byte[] _obType = new byte[OutboxSlots];
        private readonly uint[] _obSeq = new uint[OutboxSlots];
        private readonly byte[][] _obArgs = new byte[OutboxSlots][];
        private readonly int[] _obArgsLength = new int[OutboxSlots];
        private readonly int[] _obSends = new int[OutboxSlots];
        private readonly long[] _obNext = new long[OutboxSlots];
        private readonly long[] _obGiveUp = new long[OutboxSlots];
        private readonly PhoneTimer _outboxTimer;
        private readonly PhoneTimer _forgetTimer;
        private TransportKeys _session;
        private uint _nextSeq = 1;
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
            for (int i = 0; i < OutboxSlots; i++)
            {
                _obArgs[i] = new byte[ControlMessage.MaxArgs];
            }

            _outboxTimer = ctx.Timers.Create(this, TimerOutbox);
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

        /// <summary>
        /// Where received media frames are decoded (the call's jitter buffer);
        /// null until the call's audio runs: media is then opened and handed to
        /// the listener's OnMedia without decoding.
        /// </summary>
        internal Media.IMediaReceiver MediaReceiver { get; set; }

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
                int slot = FreeSlot();
                if (slot < 0)
                {
                    return 0;
                }

                seq = _nextSeq++;
                long now = _ctx.Now;
                _obType[slot] = type;
                _obSeq[slot] = seq;
                _obArgsLength[slot] = argsLength;
                for (int i = 0; i < argsLength; i++)
                {
                    _obArgs[slot][i] = args[i];
                }

                _obSends[slot] = 1;
                _obNext[slot] = now + _ctx.Backoff.Gap(1);
                _obGiveUp[slot] = now + _ctx.Config.HandshakeTimeoutMs;
                ArmOutbox();
            }

            SealControl(type, seq, args, argsLength);
            return seq;
        }

        /// <summary>True while a reliable message of type waits for its acknowledgement.</summary>
        internal bool Pending(byte type)
        {
            for (int i = 0; i < OutboxSlots; i++)
            {
                if (_obSeq[i] != 0 && _obType[i] == type)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Stops retransmitting everything.</summary>
        internal void CancelAll()
        {
            for (int i = 0; i < OutboxSlots; i++)
            {
                _obSeq[i] = 0;
            }

            _outboxTimer.Disarm();
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
        /// Sends one media frame: TxBuffer holds the media header; the PCM is
        /// encoded and the packet sealed in one native call (no allocation).
        /// </summary>
        internal void SendMedia(byte[] pcm, int sampleBytes, int samples)
        {
            int length = _session.SealMedia(pcm, 0, sampleBytes, samples, _tx, 0, WireFormat.MediaHeaderLength);
            _ctx.Send(Peer, _tx, 0, length);
            LastSent = _ctx.Now;
            SentInPhase++;
        }

        /// <summary>
        /// Opens a SECURE datagram addressed to this channel and dispatches it.
        /// Returns -1 when it was accepted, else the DropReason (as int).
        /// </summary>
        internal int Receive(byte[] buffer, int offset, int count)
        {
            if (_session == null)
            {
                return (int)DropReason.UnknownSession;
            }

            int kind = buffer[offset + WireFormat.InnerKindOffset];
            int headerLength = SecureHeader.HeaderLength(kind);
            if (headerLength < 0)
            {
                return (int)DropReason.Malformed;
            }

            if (count < headerLength + WireFormat.TagLength + 1)
            {
                return (int)DropReason.Truncated;
            }

            System.Array.Copy(buffer, offset, _rx, 0, count);
            if (kind == InnerKind.Media && MediaReceiver != null)
            {
                return ReceiveMedia(MediaReceiver, headerLength, count);
            }

            int body = _session.Open(_rx, 0, headerLength, count);
            if (body < 0)
            {
                return (int)DropReasonNames.FromCryptoStatus(body);
            }

            Verified();
            if (kind == InnerKind.Media)
            {
                if (!Media.RtpHeader.IsValid(_rx, WireFormat.SecureHeaderLength))
                {
                    return (int)DropReason.Malformed;
                }

                _ctx.Counters.MediaReceived++;
                _listener.OnMedia(_rx, WireFormat.SecureHeaderLength, headerLength, body);
                return -1;
            }

            return ReceiveControl(headerLength, body);
        }

        // A media frame opened and decoded in one native call into the receiver's buffer.
        private int ReceiveMedia(Media.IMediaReceiver media, int headerLength, int count)
        {
            int sequence = Media.RtpHeader.Sequence(_rx, WireFormat.SecureHeaderLength);
            int samples = _session.OpenMedia(_rx, 0, headerLength, count, media.Pcm, media.DecodeOffset(sequence),
                PcmLayout.FrameSamples);
            if (samples < 0)
            {
                return (int)DropReasonNames.FromCryptoStatus(samples);
            }

            Verified();
            if (!Media.RtpHeader.IsValid(_rx, WireFormat.SecureHeaderLength) || !media.Decoded(sequence, samples))
            {
                return (int)DropReason.Malformed;
            }

            _ctx.Counters.MediaReceived++;
            return -1;
        }

        // A packet's tag verified: the peer is live; key switches are noted.
        private void Verified()
        {
            LastReceived = _ctx.Now;
            if (_rx[WireFormat.PhaseOffset] != _lastPhaseByte)
            {
                _lastPhaseByte = _rx[WireFormat.PhaseOffset];
                RefreshInfo();
            }

            _listener.OnAuthenticated();
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

            for (int i = 0; i < OutboxSlots; i++)
            {
                if (_obSeq[i] == 0 || Due(i) > now)
                {
                    continue;
                }

                if (now >= _obGiveUp[i])
                {
                    byte type = _obType[i];
                    _obSeq[i] = 0;
                    _listener.OnControlTimeout(type);
                    continue;
                }

                _obSends[i]++;
                _obNext[i] = now + _ctx.Backoff.Gap(_obSends[i]);
                _ctx.Counters.Retransmissions++;
                SealControl(_obType[i], _obSeq[i], _obArgs[i], _obArgsLength[i]);
            }

            ArmOutbox();
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

        private int ReceiveControl(int headerLength, int body)
        {
            if (!ControlMessage.IsWellFormed(_rx, headerLength, body))
            {
                return (int)DropReason.Malformed;
            }

            _ctx.Counters.ControlReceived++;
            byte type = _rx[headerLength];
            uint seq = ByteIo.ReadU32Le(_rx, headerLength + 1);
            int args = headerLength + ControlMessage.FixedLength;
            if (type == ControlType.Ack)
            {
                Acknowledged(ByteIo.ReadU32Le(_rx, args));
                return -1;
            }

            if (seq == 0)
            {
                _listener.OnControl(type, _rx, args);
                return -1;
            }

            if (Seen(seq))
            {
                SendAck(seq);
                return -1;
            }

            if (_listener.OnControl(type, _rx, args))
            {
                MarkSeen(seq);
                SendAck(seq);
            }

            return -1;
        }

        private void Acknowledged(uint seq)
        {
            for (int i = 0; i < OutboxSlots; i++)
            {
                if (seq != 0 && _obSeq[i] == seq)
                {
                    _obSeq[i] = 0;
                    ArmOutbox();
                    _listener.OnAcked(_obType[i]);
                    return;
                }
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

        private long Due(int slot)
        {
            return _obNext[slot] < _obGiveUp[slot] ? _obNext[slot] : _obGiveUp[slot];
        }

        private int FreeSlot()
        {
            for (int i = 0; i < OutboxSlots; i++)
            {
                if (_obSeq[i] == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private void ArmOutbox()
        {
            long next = PhoneTimer.Never;
            for (int i = 0; i < OutboxSlots; i++)
            {
                if (_obSeq[i] != 0 && Due(i) < next)
                {
                    next = Due(i);
                }
            }

            if (next == PhoneTimer.Never)
            {
                _outboxTimer.Disarm();
            }
            else
            {
                _outboxTimer.ArmAt(next);
            }
        }
    }
}
