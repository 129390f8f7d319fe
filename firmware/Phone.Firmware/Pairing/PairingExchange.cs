// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// One pairing, either side (docs/protocol.md §5-6): XX with the nonce
    /// commitment, the code on the display, then sealed CONFIRM/REJECT. The
    /// peer is pinned (verified) only when this user confirmed AND the
    /// peer's confirm arrived; anything else pins nothing. The session keys
    /// are wiped when the pairing ends.
    /// </summary>
    internal class PairingExchange : Exchange, ISecureListener
    {
        private const string Prologue = "phone/v1/pair";

        private readonly byte[] _reason = new byte[1];
        private CodeHandshake _xx;
        private SecureChannel _channel;
        private bool _localConfirmed;
        private bool _peerConfirmed;
        private long _endedAt;

        internal PairingExchange(PhoneContext ctx, bool initiator, NetAddress peer)
            : base(ctx, initiator, peer)
        {
        }

        /// <summary>Current state.</summary>
        internal PairingState State { get; private set; }

        /// <summary>Code text once shown, else null.</summary>
        internal override string CodeText
        {
            get { return _xx == null ? null : _xx.CodeText; }
        }

        /// <summary>Code words once shown, else null.</summary>
        internal override string CodeWords
        {
            get { return _xx == null ? null : _xx.CodeWords; }
        }

        /// <summary>The peer's claimed name once known.</summary>
        internal string PeerName
        {
            get { return _xx == null ? null : _xx.PeerName; }
        }

        internal override bool IsHalfOpen
        {
            get { return !IsInitiator && State == PairingState.AwaitingMessage3; }
        }

        /// <summary>Initiator: sends PAIR_1 and waits for PAIR_2.</summary>
        internal void Begin()
        {
            _xx = new CodeHandshake(Ctx, NoisePattern.Initiator, Prologue);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Pair1, LocalId, 0);
            int n = _xx.WriteMessage1(null, Buffer, WireFormat.HandshakeBodyOffset);
            State = PairingState.AwaitingMessage2;
            Retransmit.Start(Ctx, Peer, Buffer, WireFormat.HandshakeBodyOffset + n, Ctx.Now);
            Show(Screens.Pairing(Peer.ToString()));
            Ctx.Host.Raise(NewEvent(PhoneEventKind.PairingStarted, "to " + Peer.ToString()));
        }

        /// <summary>
        /// Responder: reads PAIR_1 and answers PAIR_2. Returns DropReason.None on
        /// success, else why PAIR_1 was dropped (this exchange is then finished).
        /// </summary>
        internal DropReason Respond(uint senderId, byte[] buffer, int offset, int count)
        {
            PeerId = senderId;
            _xx = new CodeHandshake(Ctx, NoisePattern.Responder, Prologue);
            DropReason r = _xx.ReadMessage1(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset, 0);
            if (r != DropReason.None)
            {
                Abort();
                return r;
            }

            HandshakeDatagram.WriteHeader(Buffer, MessageType.Pair2, LocalId, PeerId);
            int n = _xx.WriteMessage2(Buffer, WireFormat.HandshakeBodyOffset);
            Retransmit.Start(Ctx, Peer, Buffer, WireFormat.HandshakeBodyOffset + n, Ctx.Now);
            Retransmit.Stop();
            State = PairingState.AwaitingMessage3;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.HandshakeTimeoutMs);
            return DropReason.None;
        }

        internal override void HandleHandshake(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            if (type == MessageType.Pair1 && !IsInitiator)
            {
                RepeatAnswer();
                return;
            }

            if (type == MessageType.Pair2 && IsInitiator && State == PairingState.AwaitingMessage2)
            {
                OnMessage2(buffer, offset, count);
                return;
            }

            if (type == MessageType.Pair3 && !IsInitiator)
            {
                if (State == PairingState.AwaitingMessage3)
                {
                    OnMessage3(buffer, offset, count);
                }
                else if (_channel != null)
                {
                    Ctx.Counters.DuplicatesAnswered++;
                    _channel.Send(ControlType.Ready, null, 0, false);
                }

                return;
            }

            Drop(DropReason.UnexpectedMessage);
        }

        internal override void HandleSecure(byte[] buffer, int offset, int count)
        {
            if (_channel == null)
            {
                Drop(DropReason.UnknownSession);
                return;
            }

            Drop(_channel.Receive(buffer, offset, count));
        }

        internal override void HandlePeerError(int code)
        {
            if (IsInitiator && State == PairingState.AwaitingMessage2)
            {
                Fail("peer says: " + ErrorCode.Name(code));
            }
        }

        /// <summary>This user confirmed the code.</summary>
        internal override bool ConfirmCode()
        {
            if (State != PairingState.CodeShown)
            {
                return false;
            }

            _localConfirmed = true;
            State = PairingState.LocalConfirmed;
            _channel.Send(ControlType.Confirm, null, 0, true);
            ShowCode(_peerConfirmed ? "Peer confirmed" : "Waiting for peer...");
            Ctx.Host.Raise(NewEvent(PhoneEventKind.LocalConfirmed, null));
            TryPin();
            return true;
        }

        /// <summary>Hanging up during a pairing cancels it, as rejecting the code does.</summary>
        internal override bool HangUp()
        {
            return RejectCode();
        }

        /// <summary>The user says the codes differ, or cancels the pairing.</summary>
        internal override bool RejectCode()
        {
            if (PairingStateNames.IsFinal(State))
            {
                return false;
            }

            if (_channel != null)
            {
                _reason[0] = 1;
                _channel.Send(ControlType.Reject, _reason, 1, true);
            }

            State = PairingState.Rejected;
            Show(Screens.Message("Pairing rejected", "Nothing was saved."));
            Ctx.Host.Raise(NewEvent(PhoneEventKind.PairingRejected, "rejected here"));
            EndSoon();
            return true;
        }

        public override void OnTimer(PhoneTimer timer, long now)
        {
            if (timer.Id == TimerRetransmit)
            {
                RetransmitOutcome r = Retransmit.OnTimer(Ctx, now);
                if (r == RetransmitOutcome.Resent)
                {
                    Ctx.Counters.Retransmissions++;
                }
                else if (r == RetransmitOutcome.GaveUp && !PairingStateNames.IsFinal(State))
                {
                    Fail("no answer from peer");
                }
            }
            else if (timer.Id == TimerState)
            {
                if (State == PairingState.AwaitingMessage3)
                {
                    Finish();
                }
                else if (State == PairingState.CodeShown || State == PairingState.LocalConfirmed)
                {
                    if (_channel != null)
                    {
                        _reason[0] = 2;
                        _channel.Send(ControlType.Reject, _reason, 1, true);
                    }

                    Fail("timed out waiting for confirmation");
                }
            }
            else if (timer.Id == TimerLinger)
            {
                bool waiting = _channel != null && (_channel.Pending(ControlType.Confirm)
                                                    || _channel.Pending(ControlType.Reject));
                if (waiting && now - _endedAt < Ctx.Config.HandshakeTimeoutMs)
                {
                    LingerTimer.ArmAt(now + Ctx.Config.LingerMs);
                }
                else
                {
                    Finish();
                }
            }
        }

        /// <summary>ISecureListener.</summary>
        public bool OnControl(byte type, byte[] buffer, int argsOffset)
        {
            if (type == ControlType.Confirm)
            {
                if (State == PairingState.CodeShown || State == PairingState.LocalConfirmed)
                {
                    _peerConfirmed = true;
                    Ctx.Host.Raise(NewEvent(PhoneEventKind.PeerConfirmed, null));
                    if (State == PairingState.CodeShown)
                    {
                        ShowCode("Peer confirmed");
                    }

                    TryPin();
                }

                return true;
            }

            if (type == ControlType.Reject && !PairingStateNames.IsFinal(State))
            {
                State = PairingState.Rejected;
                Show(Screens.Message("Pairing rejected", "The other phone rejected. Nothing was saved."));
                Ctx.Host.Raise(NewEvent(PhoneEventKind.PairingRejected, "rejected by peer"));
                EndSoon();
            }

            return true;
        }

        /// <summary>ISecureListener.</summary>
        public void OnAcked(byte type)
        {
        }

        /// <summary>ISecureListener.</summary>
        public void OnControlTimeout(byte type)
        {
            if (type == ControlType.Confirm && State == PairingState.LocalConfirmed)
            {
                Fail("peer did not answer");
            }
        }

        /// <summary>ISecureListener.</summary>
        public void OnMedia(byte[] buffer, int rtpOffset, int payloadOffset, int payloadLength)
        {
            Drop(DropReason.NotConnected);
        }

        /// <summary>ISecureListener.</summary>
        public void OnAuthenticated()
        {
            if (IsInitiator && Retransmit.Active)
            {
                Retransmit.Stop();
            }
        }

        protected override void ReleaseResources()
        {
            if (_xx != null)
            {
                _xx.Dispose();
            }

            if (_channel != null)
            {
                _channel.Dispose();
                _channel = null;
            }
        }

        private void OnMessage2(byte[] buffer, int offset, int count)
        {
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            DropReason r = _xx.ReadMessage2(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset);
            if (r != DropReason.None)
            {
                Drop(r);
                if (!CodeHandshake.Refused(r))
                {
                    Fail("bad message from peer");
                }

                return;
            }

            PeerId = senderId;
            int retransmissions = Retransmit.Sends - 1;
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Pair3, LocalId, PeerId);
            int n = _xx.WriteMessage3(Buffer, WireFormat.HandshakeBodyOffset);
            Retransmit.Start(Ctx, Peer, Buffer, WireFormat.HandshakeBodyOffset + n, Ctx.Now);
            _channel = new SecureChannel(Ctx, _xx.Split(), PeerId, Peer, this);
            CodeReady(2, retransmissions);
        }

        private void OnMessage3(byte[] buffer, int offset, int count)
        {
            DropReason verdict;
            SecureChannel channel = _xx.FinishResponder(buffer, offset, count, PeerId, Peer, this, out verdict);
            Drop(verdict);
            if (channel == null)
            {
                return;
            }

            StateTimer.Disarm();
            _channel = channel;
            if (verdict != DropReason.None)
            {
                _reason[0] = 3;
                _channel.Send(ControlType.Reject, _reason, 1, true);
                if (Ctx.Host.Promote(this))
                {
                    Fail(verdict == DropReason.Malformed ? "bad message from peer" : "commitment mismatch (attack?)");
                }
                else
                {
                    State = PairingState.Failed;
                    EndSoon();
                }

                return;
            }

            if (!Ctx.Host.Promote(this))
            {
                _reason[0] = 4;
                _channel.Send(ControlType.Reject, _reason, 1, true);
                State = PairingState.Failed;
                EndSoon();
                return;
            }

            _channel.Send(ControlType.Ready, null, 0, false);
            CodeReady(3, 0);
        }

        private void CodeReady(int flights, int retransmissions)
        {
            State = PairingState.CodeShown;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.DecisionTimeoutMs);
            PhoneEvent e = NewEvent(PhoneEventKind.CodeShown, null);
            e.Code = _xx.CodeText;
            e.CodeWords = _xx.CodeWords;
            e.PeerName = _xx.PeerName;
            e.Flights = flights;
            e.RoundTrips = flights / 2;
            e.Retransmissions = retransmissions;
            ShowCode("Same code on both phones?");
            Ctx.Host.Raise(e);
        }

        private void RepeatAnswer()
        {
            if (State == PairingState.AwaitingMessage3)
            {
                Ctx.Counters.DuplicatesAnswered++;
                Retransmit.SendAgain(Ctx);
            }
            else
            {
                Drop(DropReason.UnexpectedMessage);
            }
        }

        private void TryPin()
        {
            if (!_localConfirmed || !_peerConfirmed || State != PairingState.LocalConfirmed)
            {
                return;
            }

            string name = _xx.PeerName.Length == 0 ? "Peer" : _xx.PeerName;
            ContactIndex = Ctx.Store.Pin(_channel.Keys, name, ContactRecord.FlagUsed | ContactRecord.FlagVerified);
            State = PairingState.Pinned;
            PhoneEvent e = NewEvent(PhoneEventKind.Pinned, null);
            e.PeerName = name;
            e.ContactIndex = ContactIndex;
            e.Code = _xx.CodeText;
            Show(Screens.Message("Paired", name + " saved as a verified contact."));
            Ctx.Host.Raise(e);
            EndSoon();
        }

        private void ShowCode(string status)
        {
            Show(Screens.PairingCode(_xx.CodeText, _xx.CodeWords, _xx.PeerName, status));
        }

        private void Fail(string why)
        {
            State = PairingState.Failed;
            Show(Screens.Message("Pairing failed", why + ". Nothing was saved."));
            Ctx.Host.Raise(NewEvent(PhoneEventKind.PairingFailed, why));
            EndSoon();
        }

        private void EndSoon()
        {
            StateTimer.Disarm();
            Retransmit.Stop();
            _endedAt = Ctx.Now;
            LingerTimer.ArmAt(Ctx.Now + Ctx.Config.LingerMs);
        }
    }
}
