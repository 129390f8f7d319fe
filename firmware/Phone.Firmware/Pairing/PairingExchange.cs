// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// One pairing, either side (docs/protocol.md §5-6): XX with the nonce
    /// commitment, the code on the display, then sealed CONFIRM/REJECT. The
    /// peer is pinned (verified) only when this user confirmed AND the
    /// peer's confirm arrived; anything else pins nothing. The session keys
    /// are wiped when the pairing ends. Every state change is a row of Table
    /// (State moves only through Move). This file: the handshake and the user's
    /// decisions; PairingExchange.Control.cs: sealed messages, timers, endings.
    /// </summary>
    internal partial class PairingExchange : Exchange, ISecureListener
    {
        /// <summary>Every state change of a pairing, both sides (docs/protocol.md §14 lists the same rows).</summary>
        internal static readonly PairingTransition[] Table = new PairingTransition[]
        {
            new PairingTransition(PairingState.Idle, PairingEvent.Pair, PairingState.AwaitingMessage2),
            new PairingTransition(PairingState.Idle, PairingEvent.Message1, PairingState.AwaitingMessage3),
            new PairingTransition(PairingState.AwaitingMessage2, PairingEvent.Message2, PairingState.CodeShown),
            new PairingTransition(PairingState.AwaitingMessage3, PairingEvent.Message3, PairingState.CodeShown),
            new PairingTransition(PairingState.CodeShown, PairingEvent.Confirm, PairingState.LocalConfirmed),
            new PairingTransition(PairingState.CodeShown, PairingEvent.PeerConfirm, PairingState.PeerConfirmed),
            new PairingTransition(PairingState.LocalConfirmed, PairingEvent.PeerConfirm, PairingState.Pinned),
            new PairingTransition(PairingState.PeerConfirmed, PairingEvent.Confirm, PairingState.Pinned),
            new PairingTransition(PairingState.AwaitingMessage2, PairingEvent.Reject, PairingState.Rejected),
            new PairingTransition(PairingState.CodeShown, PairingEvent.Reject, PairingState.Rejected),
            new PairingTransition(PairingState.LocalConfirmed, PairingEvent.Reject, PairingState.Rejected),
            new PairingTransition(PairingState.PeerConfirmed, PairingEvent.Reject, PairingState.Rejected),
            new PairingTransition(PairingState.AwaitingMessage2, PairingEvent.Fail, PairingState.Failed),
            new PairingTransition(PairingState.AwaitingMessage3, PairingEvent.Fail, PairingState.Failed),
            new PairingTransition(PairingState.CodeShown, PairingEvent.Fail, PairingState.Failed),
            new PairingTransition(PairingState.LocalConfirmed, PairingEvent.Fail, PairingState.Failed),
            new PairingTransition(PairingState.PeerConfirmed, PairingEvent.Fail, PairingState.Failed)
        };

        private const string Prologue = "phone/v1/pair";

        /// <summary>REJECT reason: the user rejected.</summary>
        private const byte RejectUser = 1;
        /// <summary>REJECT reason: nobody decided in time.</summary>
        private const byte RejectTimeout = 2;
        /// <summary>REJECT reason: commitment mismatch or bad payload.</summary>
        private const byte RejectBadMessage = 3;
        /// <summary>REJECT reason: busy.</summary>
        private const byte RejectBusy = 4;

        private readonly byte[] _reason = new byte[1];
        private CodeHandshake _xx;
        private SecureChannel _channel;
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
            Move(PairingEvent.Pair);
            Retransmit.Start(Ctx, Peer, Buffer, FirstMessageLayout.Finish(Buffer, WireFormat.HandshakeBodyOffset + n), Ctx.Now);
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
            Move(PairingEvent.Message1);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.HandshakeTimeoutMs);
            return DropReason.None;
        }

        internal override void HandleHandshake(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            if (type == MessageType.Pair1 && !IsInitiator)
            {
                RepeatAnswer();
            }
            else if (type == MessageType.Pair2 && IsInitiator && State == PairingState.AwaitingMessage2)
            {
                OnMessage2(buffer, offset, count);
            }
            else if (type == MessageType.Pair3 && !IsInitiator && State == PairingState.AwaitingMessage3)
            {
                OnMessage3(buffer, offset, count);
            }
            else if (type == MessageType.Pair3 && !IsInitiator && _channel != null)
            {
                Ctx.Counters.DuplicatesAnswered++;
                _channel.Send(ControlType.Ready, null, 0, false);
            }
            else if (type != MessageType.Pair3 || IsInitiator)
            {
                Drop(DropReason.UnexpectedMessage);
            }
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
                Fail(code == ErrorCode.NotPairing
                    ? "the other phone is not in pairing mode: start it there, then pair again"
                    : "peer says: " + ErrorCode.Name(code));
            }
        }

        /// <summary>This user confirmed the code.</summary>
        internal override bool ConfirmCode()
        {
            if (State != PairingState.CodeShown && State != PairingState.PeerConfirmed)
            {
                return false;
            }

            bool peerDone = State == PairingState.PeerConfirmed;
            if (!peerDone)
            {
                Move(PairingEvent.Confirm);
            }

            _channel.Send(ControlType.Confirm, null, 0, true);
            ShowCode(peerDone ? "Peer confirmed" : "Waiting for peer...");
            Ctx.Host.Raise(NewEvent(PhoneEventKind.LocalConfirmed, null));
            if (peerDone)
            {
                Pin(PairingEvent.Confirm);
            }

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

            SendReject(RejectUser);
            Move(PairingEvent.Reject);
            Show(Screens.Message("Pairing rejected", "Nothing was saved."));
            Ctx.Host.Raise(NewEvent(PhoneEventKind.PairingRejected, "rejected here"));
            EndSoon();
            return true;
        }

        /// <summary>Moves State along Table (a step the table lacks throws: a bug).</summary>
        private void Move(PairingEvent e)
        {
            State = PairingTransition.Next(Table, State, e);
        }

        private void OnMessage2(byte[] buffer, int offset, int count)
        {
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            DropReason r = _xx.ReadMessage2(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset);
            if (r != DropReason.None)
            {
                Drop(r);
                if (!_xx.Refused(r))
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
            CodeReady(PairingEvent.Message2, 2, retransmissions);
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
            bool promoted = Ctx.Host.Promote(this);
            if (verdict == DropReason.None && promoted)
            {
                _channel.Send(ControlType.Ready, null, 0, false);
                CodeReady(PairingEvent.Message3, 3, 0);
                return;
            }

            SendReject(verdict != DropReason.None ? RejectBadMessage : RejectBusy);
            if (verdict != DropReason.None && promoted)
            {
                Fail(verdict == DropReason.Malformed ? "bad message from peer" : "commitment mismatch (attack?)");
                return;
            }

            Move(PairingEvent.Fail);
            EndSoon();
        }

        private void CodeReady(PairingEvent e, int flights, int retransmissions)
        {
            Move(e);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.DecisionTimeoutMs);
            PhoneEvent shown = NewEvent(PhoneEventKind.CodeShown, null);
            shown.Code = _xx.CodeText;
            shown.CodeWords = _xx.CodeWords;
            shown.PeerName = _xx.PeerName;
            shown.Flights = flights;
            shown.RoundTrips = flights / 2;
            shown.Retransmissions = retransmissions;
            ShowCode("Same code on both phones?");
            Ctx.Host.Raise(shown);
        }

        private void RepeatAnswer()
        {
            if (State == PairingState.AwaitingMessage3)
            {
                AnswerDuplicate();
            }
            else
            {
                Drop(DropReason.UnexpectedMessage);
            }
        }

        private void ShowCode(string status)
        {
            Show(Screens.PairingCode(_xx.CodeText, _xx.CodeWords, _xx.PeerName, status, _xx.Hybrid));
        }
    }
}
