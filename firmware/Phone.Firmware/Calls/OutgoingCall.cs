// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Pairing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// The caller: IKpsk2 to the pinned key with the newest resumption secret (keys after
    /// one round trip), the XX fallback on CALL_FALLBACK or an undecryptable CALL_2, and
    /// the loud warning after any fallback (docs/protocol.md §7.1, §7.3, §7.4).
    /// </summary>
    internal partial class OutgoingCall : CallExchange
    {
        /// <summary>Every state change of the caller (docs/protocol.md §14 lists the same rows).</summary>
        internal static readonly CallTransition[] Table = new CallTransition[]
        {
            new CallTransition(CallState.Idle, CallEvent.Dial, CallState.Dialing),
            new CallTransition(CallState.Dialing, CallEvent.Call2, CallState.RingingOut),
            new CallTransition(CallState.Dialing, CallEvent.NoResumptionSecret, CallState.Verifying),
            new CallTransition(CallState.Dialing, CallEvent.CallFallback, CallState.Verifying),
            new CallTransition(CallState.Dialing, CallEvent.Call2Undecryptable, CallState.Verifying),
            new CallTransition(CallState.Verifying, CallEvent.Verify2, CallState.KeyWarning),
            new CallTransition(CallState.KeyWarning, CallEvent.AcceptUnverified, CallState.RingingOut),
            new CallTransition(CallState.KeyWarning, CallEvent.CodeVerified, CallState.RingingOut),
            new CallTransition(CallState.RingingOut, CallEvent.Answer, CallState.Connected),
            new CallTransition(CallState.Dialing, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.Verifying, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.KeyWarning, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.KeyWarning, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.RingingOut, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.RingingOut, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.Connected, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.Connected, CallEvent.EndWithoutHangUp, CallState.Ended)
        };

        private FallbackWarning _warning;
        private byte _fallbackReason;
        private PeerProgress _peer;
        private ResumptionStep _resumption;

        internal OutgoingCall(PhoneContext ctx, NetAddress peer)
            : base(ctx, true, peer)
        {
        }

        internal override bool IsHalfOpen
        {
            get { return false; }
        }

        protected override CallTransition[] Transitions
        {
            get { return Table; }
        }

        protected override int ReplacedContact
        {
            get { return Contact != null && _warning == FallbackWarning.KeyChanged ? Contact.Index : -1; }
        }

        /// <summary>Starts the call to contact: CALL_1 over IKpsk2, or VERIFY when no resumption secret is held.</summary>
        internal void Dial(ContactRecord contact)
        {
            Contact = contact;
            ContactIndex = contact.Index;
            PeerName = contact.Name;
            Badge = BadgeFor(contact);
            CallId = Ctx.Host.NewSessionId();
            Move(CallEvent.Dial);
            PhoneEvent e = NewEvent(PhoneEventKind.Dialing, "to " + Peer.ToString());
            e.PeerName = PeerName;
            e.ContactIndex = ContactIndex;
            ShowCalling("Setting up keys...");
            Ctx.Host.Raise(e);
            if (!StartIk(contact))
            {
                StartVerify(CallEvent.NoResumptionSecret, FallbackReason.NoLocalSecret);
                return;
            }

            ByteIo.WriteU32Le(Payload, 0, (uint)ResumptionGenerations.ForCall(contact));
            CallInfo.Write(Payload, 4, CallId);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Call1, LocalId, 0);
            int n = Ik.WriteMessage(Payload, PayloadLayout.Call1Length, Buffer, WireFormat.HandshakeBodyOffset);
            Ctx.Cookies.CallTo(contact.PublicKey);
            Retransmit.Start(Ctx, Peer, Buffer, FirstMessageLayout.Finish(Buffer, WireFormat.HandshakeBodyOffset + n), Ctx.Now);
            RoundTrips = 1;
        }

        /// <summary>Accepts the key warning as unverified.</summary>
        internal override bool Accept()
        {
            if (State != CallState.KeyWarning)
            {
                return false;
            }

            Ctx.Host.Raise(NewEvent(PhoneEventKind.Unverified, "key warning accepted by the user"));
            LeaveWarning(CallEvent.AcceptUnverified);
            return true;
        }

        internal override void HandlePeerError(int code)
        {
            if (Channel == null && (State == CallState.Dialing || State == CallState.Verifying))
            {
                End(ReasonBusy, "peer says: " + ErrorCode.Name(code), false);
            }
        }

        internal override void HandleHandshake(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            if (State == CallState.Dialing && type == MessageType.Call2)
            {
                OnCall2(buffer, offset, count);
            }
            else if (State == CallState.Dialing && type == MessageType.CallFallback)
            {
                AbandonIk();
                StartVerify(CallEvent.CallFallback, buffer[offset + WireFormat.HandshakeBodyOffset]);
            }
            else if (State == CallState.Verifying && type == MessageType.Verify2 && Channel == null)
            {
                OnVerify2(buffer, offset, count);
            }
            else
            {
                Drop(DropReason.UnexpectedMessage);
            }
        }

        protected override void OnReadyMessage()
        {
            PeerRings();
        }

        protected override void OnReadyAcked()
        {
            PeerRings();
        }

        protected override void OnAnswerMessage()
        {
            _peer = _peer == PeerProgress.NotRinging || _peer == PeerProgress.AnsweredBeforeRinging
                ? PeerProgress.AnsweredBeforeRinging : PeerProgress.Answered;
            if (State == CallState.RingingOut)
            {
                Connect(CallEvent.Answer);
            }
        }

        protected override void OnMediaBeforeConnected()
        {
            if (State == CallState.RingingOut || State == CallState.KeyWarning)
            {
                OnAnswerMessage();
            }
        }

        /// <summary>
        /// The first sealed packet from the callee proves it processed our READY, so it
        /// has stored the new resumption state: only now does the caller store its own
        /// (callee first, caller second: an interrupted call leaves the callee holding
        /// both generations the caller might use next). The newest is proven here, so a
        /// FlagNewestUnproven left from an earlier call as callee is cleared.
        /// </summary>
        protected override void OnPeerAuthenticated()
        {
            if (Retransmit.Active)
            {
                Retransmit.Stop();
            }

            if (_resumption == ResumptionStep.AwaitingProof && Channel != null)
            {
                _resumption = ResumptionStep.Stored;
                if (!ResumptionGenerations.RememberProven(Ctx.Store, Contact, Channel.Keys))
                {
                    End(ReasonTimeout, FlashError, true);
                }
            }
        }

        protected override void OnStepDeadline()
        {
            if (State == CallState.RingingOut)
            {
                End(ReasonTimeout, "no answer", true);
            }
        }

        protected override void ShowCurrent()
        {
            if (State == CallState.RingingOut)
            {
                ShowCalling(_peer == PeerProgress.Ringing || _peer == PeerProgress.Answered ? "Ringing..." : "Connecting...");
                return;
            }

            base.ShowCurrent();
        }

        private bool StartIk(ContactRecord contact)
        {
            if (ResumptionGenerations.ForCall(contact) == 0)
            {
                return false;
            }

            Ik = new Handshake(Ctx.Store, NoisePattern.IKpsk2, NoisePattern.Initiator, Utf8.GetBytes(CallPrologue),
                contact.PublicKey);
            if (!Ik.UseResumption(Ctx.Store, contact.Index, ResumptionGenerations.ForCall(contact)))
            {
                Ik.Dispose();
                Ik = null;
                return false;
            }

            return true;
        }

        private void AbandonIk()
        {
            Retransmit.Stop();
            Ik.Dispose();
            Ik = null;
        }

        private void OnCall2(byte[] buffer, int offset, int count)
        {
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            int n = Ik.ReadMessage(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset, Payload);
            if (n < 0 || n != PayloadLayout.Call2Length || ByteIo.ReadU32Le(Payload, 0) != CallId)
            {
                // The responder read our message 1 (only the holder of the pinned key
                // can) but we cannot read its answer: it does not hold our resumption
                // secret. Treated as a possible attack.
                Drop(DropReason.HandshakeFailed);
                AbandonIk();
                StartVerify(CallEvent.Call2Undecryptable, FallbackReason.AnswerFailed);
                return;
            }

            PeerId = senderId;
            Retransmit.Stop();
            TransportKeys keys = Ik.Split();
            Ik = null;
            Channel = new SecureChannel(Ctx, keys, PeerId, Peer, this);
            _resumption = ResumptionStep.AwaitingProof;
            KeysReady(RoundTrips);
            Channel.Send(ControlType.Ready, null, 0, true);
            Move(CallEvent.Call2);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.RingTimeoutMs + Ctx.Config.HandshakeTimeoutMs);
            StartIdleTimer();
            ShowCalling("Connecting...");
        }

        private void StartVerify(CallEvent why, byte reason)
        {
            UseCodeCheck();
            _fallbackReason = reason;
            PhoneEvent e = NewEvent(PhoneEventKind.Fallback, FallbackReason.Name(reason));
            e.PeerName = PeerName;
            Ctx.Host.Raise(e);
            LocalId = Ctx.Host.NewSessionId();
            PeerId = 0;
            Xx = new CodeHandshake(Ctx, NoisePattern.Initiator, VerifyPrologue);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Verify1, LocalId, 0);
            int n = Xx.WriteMessage1(CallInfo.Bytes(CallId), Buffer, WireFormat.HandshakeBodyOffset);
            Retransmit.Start(Ctx, Peer, Buffer, FirstMessageLayout.Finish(Buffer, WireFormat.HandshakeBodyOffset + n), Ctx.Now);
            Move(why);
            RoundTrips++;
            ShowCalling("Verifying keys...");
        }

        private void OnVerify2(byte[] buffer, int offset, int count)
        {
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            DropReason r = Xx.ReadMessage2(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset);
            if (Xx.Refused(r))
            {
                Drop(DropReason.HandshakeFailed);
                return;
            }

            if (r != DropReason.None)
            {
                Drop(r);
                End(ReasonTimeout, "bad message from peer", false);
                return;
            }

            PeerId = senderId;
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Verify3, LocalId, PeerId);
            int n = Xx.WriteMessage3(Buffer, WireFormat.HandshakeBodyOffset);
            Retransmit.Start(Ctx, Peer, Buffer, WireFormat.HandshakeBodyOffset + n, Ctx.Now);
            Channel = new SecureChannel(Ctx, Xx.Split(), PeerId, Peer, this);
            KeysReady(RoundTrips);
            if (Contact == null)
            {
                AfterFirstVerify2();
                return;
            }

            _warning = !CryptoCore.FixedTimeEquals(Xx.PeerKey, Contact.PublicKey) ? FallbackWarning.KeyChanged
                : _fallbackReason == FallbackReason.AnswerFailed ? FallbackWarning.AnswerUndecryptable
                : FallbackWarning.ContinuityLost;
            WarnAfterFallback();
        }

        /// <summary>
        /// Every fallback is loud on the caller's side: a different key, or the pinned
        /// key without the resumption secret (restored phone, or a stolen key). Not
        /// connected until the user accepts it as unverified or both users confirm the
        /// code; nothing is stored unless they do.
        /// </summary>
        private void WarnAfterFallback()
        {
            bool changed = _warning == FallbackWarning.KeyChanged;
            Badge = changed ? Badge.Warning : Badge.Unverified;
            Move(CallEvent.Verify2);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.DecisionTimeoutMs);
            StartIdleTimer();
            string why = changed ? "not the pinned key"
                : _warning == FallbackWarning.AnswerUndecryptable ? "answer did not decrypt (possible attack)"
                : "key continuity lost: " + FallbackReason.Name(_fallbackReason);
            PhoneEvent k = NewEvent(PhoneEventKind.KeyChanged, why);
            k.Code = Xx.CodeText;
            k.CodeWords = Xx.CodeWords;
            k.PeerName = PeerName;
            k.ContactIndex = ContactIndex;
            k.Badge = Badge;
            Show(Screens.KeyChanged(changed ? "!! KEY CHANGED !!" : "!! SECURITY WARNING !!", PeerName, why,
                Xx.CodeText, Xx.CodeWords));
            Ctx.Host.Raise(k);
        }

        /// <summary>Leaves the key warning (accepted, or the code verified): ringing, or connected if the callee answered.</summary>
        protected override void LeaveWarning(CallEvent e)
        {
            StateTimer.Disarm();
            Move(e);
            if (_peer == PeerProgress.Answered || _peer == PeerProgress.AnsweredBeforeRinging)
            {
                Connect(CallEvent.Answer);
                return;
            }

            StateTimer.ArmAt(Ctx.Now + Ctx.Config.RingTimeoutMs + Ctx.Config.HandshakeTimeoutMs);
            ShowCalling("Ringing...");
        }

        private void PeerRings()
        {
            if (_peer == PeerProgress.Ringing || _peer == PeerProgress.Answered)
            {
                return;
            }

            _peer = _peer == PeerProgress.NotRinging ? PeerProgress.Ringing : PeerProgress.Answered;
            PhoneEvent e = NewEvent(PhoneEventKind.RemoteRinging, null);
            e.PeerName = PeerName;
            if (State == CallState.RingingOut)
            {
                ShowCalling("Ringing...");
            }

            Ctx.Host.Raise(e);
        }
    }
}
