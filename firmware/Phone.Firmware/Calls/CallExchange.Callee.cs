using Phone.Crypto;
using Phone.Firmware.Pairing;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Callee side: IKpsk2 responder (CALL_FALLBACK when it cannot continue),
    /// the XX fallback responder (VERIFY_*), ringing after the caller proved
    /// it is live.
    /// </summary>
    internal partial class CallExchange
    {
        /// <summary>Result of OnCall1: CALL_FALLBACK was sent; discard this object.</summary>
        internal const int FellBack = -2;

        /// <summary>
        /// Callee: reads CALL_1 and answers CALL_2, or sends CALL_FALLBACK.
        /// -1: half-open call waiting for READY; FellBack; else a DropReason.
        /// </summary>
        internal int OnCall1(uint senderId, byte[] buffer, int offset, int count)
        {
            PeerId = senderId;
            _ik = new Handshake(Ctx.Store, NoisePattern.IKpsk2, NoisePattern.Responder, Utf8.GetBytes(CallPrologue),
                null);
            int n = _ik.ReadMessage(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset, _payload);
            if (n < 0)
            {
                return SendFallback(FallbackReason.CannotDecrypt);
            }

            if (n != PayloadLayout.Call1Length || !CallInfo.CodecOk(_payload, 4))
            {
                Abort();
                return (int)DropReason.Malformed;
            }

            int index = Ctx.Store.FindContact(_ik.RemoteStatic());
            if (index < 0)
            {
                return SendFallback(FallbackReason.UnknownCaller);
            }

            int generation = (int)ByteIo.ReadU32Le(_payload, 0);
            if (generation <= 0 || !_ik.UseResumption(Ctx.Store, index, generation))
            {
                return SendFallback(FallbackReason.NoSecret);
            }

            CallId = ByteIo.ReadU32Le(_payload, 4);
            _contact = Ctx.Store.ReadContact(index);
            ContactIndex = index;
            PeerName = _contact.Name;
            Badge = _contact.Verified ? Badge.Verified : Badge.Unverified;
            CallInfo.Write(_payload, 0, CallId);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Call2, LocalId, PeerId);
            int length = _ik.WriteMessage(_payload, PayloadLayout.Call2Length, Buffer, WireFormat.HandshakeBodyOffset);
            CacheAnswer(WireFormat.HandshakeBodyOffset + length);
            TransportKeys session = _ik.Split();
            _ik = null;
            _channel = new SecureChannel(Ctx, session, PeerId, Peer, this);
            State = CallState.AwaitingReady;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.HandshakeTimeoutMs);
            return -1;
        }

        /// <summary>Callee: reads VERIFY_1, answers VERIFY_2. -1 or a DropReason.</summary>
        internal int OnVerify1(uint senderId, byte[] buffer, int offset, int count)
        {
            PeerId = senderId;
            _viaVerify = true;
            _xx = new CodeHandshake(Ctx, NoisePattern.Responder, VerifyPrologue);
            int r = _xx.ReadMessage1(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset, PayloadLayout.CallInfoLength);
            if (r < 0 || !CallInfo.CodecOk(_xx.Extra, 0))
            {
                Abort();
                return r == CodeHandshake.BadPayload || r >= 0 ? (int)DropReason.Malformed : (int)DropReason.HandshakeFailed;
            }

            CallId = ByteIo.ReadU32Le(_xx.Extra, 0);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Verify2, LocalId, PeerId);
            int n = _xx.WriteMessage2(Buffer, WireFormat.HandshakeBodyOffset);
            CacheAnswer(WireFormat.HandshakeBodyOffset + n);
            State = CallState.Verifying;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.HandshakeTimeoutMs);
            return -1;
        }

        private void HandleAsCallee(int type, byte[] buffer, int offset, int count)
        {
            if ((type == MessageType.Call1 && State == CallState.AwaitingReady)
                || (type == MessageType.Verify1 && State == CallState.Verifying))
            {
                Ctx.Counters.DuplicatesAnswered++;
                Retransmit.SendAgain(Ctx);
            }
            else if (type == MessageType.Verify3 && State == CallState.Verifying)
            {
                OnVerify3(buffer, offset, count);
            }
            else if (type == MessageType.Verify3 && _viaVerify && _channel != null)
            {
                Ctx.Counters.DuplicatesAnswered++;
                _channel.Send(ControlType.Ready, null, 0, false);
            }
            else
            {
                Drop(DropReason.UnexpectedMessage);
            }
        }

        private void OnVerify3(byte[] buffer, int offset, int count)
        {
            int verdict;
            SecureChannel channel = FinishCodeHandshake(_xx, buffer, offset, count, this, out verdict);
            if (channel == null)
            {
                return;
            }

            _channel = channel;
            if (verdict != CodeHandshake.CodeReady)
            {
                Drop((DropReason)verdict);
                EndQuietly(ReasonCode);
                return;
            }

            if (!Ctx.Host.Promote(this))
            {
                EndQuietly(ReasonBusy);
                return;
            }

            int index = Ctx.Store.FindContact(_xx.PeerKey);
            if (index >= 0)
            {
                _contact = Ctx.Store.ReadContact(index);
                PeerName = _contact.Name;
                ContactIndex = index;
            }
            else
            {
                _claimedName = _xx.PeerName;
                PeerName = "Unknown (says " + _xx.PeerName + ")";
            }

            _channel.Send(ControlType.Ready, null, 0, false);
            Badge = Badge.Unverified;
            KeysReady(2);
            Ring();
        }

        private void OnReady()
        {
            StateTimer.Disarm();
            if (!Ctx.Host.Promote(this))
            {
                EndQuietly(ReasonBusy);
                return;
            }

            Ctx.Store.Remember(ContactIndex, _channel.Keys);
            _remembered = true;
            KeysReady(1);
            Ring();
        }

        private void Ring()
        {
            State = CallState.RingingIn;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.RingTimeoutMs);
            StartIdleTimer();
            PhoneEvent e = NewEvent(PhoneEventKind.Ringing, _viaVerify ? "unverified: compare the code" : null);
            e.PeerName = PeerName;
            e.ContactIndex = ContactIndex;
            e.Badge = Badge;
            e.Code = _viaVerify ? _xx.CodeText : null;
            e.CodeWords = _viaVerify ? _xx.CodeWords : null;
            ShowRinging();
            Ctx.Host.Raise(e);
            if (Ctx.Config.AutoAnswer)
            {
                Accept();
            }
        }

        private int SendFallback(byte reason)
        {
            HandshakeDatagram.WriteHeader(Buffer, MessageType.CallFallback, 0, PeerId);
            Buffer[WireFormat.HandshakeBodyOffset] = reason;
            Ctx.Send(Peer, Buffer, 0, WireFormat.HandshakeBodyOffset + PayloadLayout.FallbackLength);
            Abort();
            return FellBack;
        }

        private void CacheAnswer(int length)
        {
            Retransmit.Start(Ctx, Peer, Buffer, length, Ctx.Now);
            Retransmit.Stop();
        }

        /// <summary>A half-open call that cannot go on: tell the peer (sealed) and wipe after the linger.</summary>
        private void EndQuietly(byte reason)
        {
            _reason[0] = reason;
            _channel.Send(ControlType.HangUp, _reason, 1, true);
            State = CallState.Ending;
            _endedAt = Ctx.Now;
            LingerTimer.ArmAt(Ctx.Now + Ctx.Config.LingerMs);
        }
    }
}
