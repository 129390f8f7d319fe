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
    /// The callee: IKpsk2 responder (CALL_FALLBACK when it cannot continue), the XX
    /// fallback responder (VERIFY_*), ringing only after the caller proved it is live
    /// (docs/protocol.md §7.2, §7.4).
    /// </summary>
    internal partial class IncomingCall : CallExchange
    {
        /// <summary>Every state change of the callee (docs/protocol.md §14 lists the same rows).</summary>
        internal static readonly CallTransition[] Table = new CallTransition[]
        {
            new CallTransition(CallState.Idle, CallEvent.Call1, CallState.AwaitingReady),
            new CallTransition(CallState.Idle, CallEvent.Verify1, CallState.Verifying),
            new CallTransition(CallState.AwaitingReady, CallEvent.Ready, CallState.RingingIn),
            new CallTransition(CallState.Verifying, CallEvent.Verify3, CallState.RingingIn),
            new CallTransition(CallState.Verifying, CallEvent.Verify3FromPinnedKey, CallState.KeyWarning),
            new CallTransition(CallState.KeyWarning, CallEvent.AcceptUnverified, CallState.Connected),
            new CallTransition(CallState.KeyWarning, CallEvent.CodeVerified, CallState.RingingIn),
            new CallTransition(CallState.RingingIn, CallEvent.Accept, CallState.Connected),
            new CallTransition(CallState.AwaitingReady, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.AwaitingReady, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.Verifying, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.Verifying, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.KeyWarning, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.KeyWarning, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.RingingIn, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.RingingIn, CallEvent.EndWithoutHangUp, CallState.Ended),
            new CallTransition(CallState.Connected, CallEvent.SendHangUp, CallState.Ending),
            new CallTransition(CallState.Connected, CallEvent.EndWithoutHangUp, CallState.Ended)
        };

        /// <summary>The callee's warning text when a pinned contact's key came through the fallback.</summary>
        private const string ContinuityLost = "key continuity lost: the caller has the pinned key but not the resumption secret";

        private ResumptionStep _resumption;

        internal IncomingCall(PhoneContext ctx, NetAddress peer)
            : base(ctx, false, peer)
        {
        }

        internal override bool IsHalfOpen
        {
            get { return State == CallState.AwaitingReady || State == CallState.Verifying; }
        }

        protected override CallTransition[] Transitions
        {
            get { return Table; }
        }

        /// <summary>
        /// Reads CALL_1 and answers CALL_2 (a half-open call waiting for READY), or sends
        /// CALL_FALLBACK (this exchange is then finished): DropReason.None. Else why CALL_1
        /// was dropped (finished too).
        /// </summary>
        internal DropReason OnCall1(uint senderId, byte[] buffer, int offset, int count)
        {
            PeerId = senderId;
            Ik = new Handshake(Ctx.Store, NoisePattern.IKpsk2, NoisePattern.Responder, Utf8.GetBytes(CallPrologue),
                null);
            int n = Ik.ReadMessage(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset, Payload);
            if (n < 0)
            {
                return SendFallback(FallbackReason.CannotDecrypt);
            }

            if (n != PayloadLayout.Call1Length || !CallInfo.CodecOk(Payload, 4))
            {
                Abort();
                return DropReason.Malformed;
            }

            int index = Ctx.Store.FindContact(Ik.RemoteStatic());
            if (index < 0)
            {
                return SendFallback(FallbackReason.UnknownCaller);
            }

            int generation = (int)ByteIo.ReadU32Le(Payload, 0);
            if (generation <= 0 || !Ik.UseResumption(Ctx.Store, index, generation))
            {
                return SendFallback(FallbackReason.NoSecret);
            }

            AnswerCall1(index);
            return DropReason.None;
        }

        /// <summary>Reads VERIFY_1, answers VERIFY_2. DropReason.None, else why it was dropped (finished).</summary>
        internal DropReason OnVerify1(uint senderId, byte[] buffer, int offset, int count)
        {
            PeerId = senderId;
            UseCodeCheck();
            Xx = new CodeHandshake(Ctx, NoisePattern.Responder, VerifyPrologue);
            DropReason r = Xx.ReadMessage1(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset, PayloadLayout.CallInfoLength);
            if (r == DropReason.None && !CallInfo.CodecOk(Xx.Extra, 0))
            {
                r = DropReason.Malformed;
            }

            if (r != DropReason.None)
            {
                Abort();
                return r;
            }

            CallId = ByteIo.ReadU32Le(Xx.Extra, 0);
            if (CallId == 0 || Ctx.VerifyOnce.Seen(CallId))
            {
                Abort(); // before any N_r of this phone is sent: one VERIFY per call
                return CallId == 0 ? DropReason.Malformed : DropReason.SecondVerify;
            }

            HandshakeDatagram.WriteHeader(Buffer, MessageType.Verify2, LocalId, PeerId);
            int n = Xx.WriteMessage2(Buffer, WireFormat.HandshakeBodyOffset);
            Ctx.VerifyOnce.Remember(CallId);
            CacheAnswer(WireFormat.HandshakeBodyOffset + n);
            Move(CallEvent.Verify1);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.HandshakeTimeoutMs);
            return DropReason.None;
        }

        /// <summary>Answers the ringing call, or accepts the key warning as unverified (answering at once).</summary>
        internal override bool Accept()
        {
            if (State != CallState.RingingIn && State != CallState.KeyWarning)
            {
                return false;
            }

            CallEvent e = CallEvent.Accept;
            if (State == CallState.KeyWarning)
            {
                Ctx.Host.Raise(NewEvent(PhoneEventKind.Unverified, "key warning accepted by the user"));
                e = CallEvent.AcceptUnverified;
            }

            Channel.Send(ControlType.Answer, null, 0, true);
            Connect(e);
            return true;
        }

        /// <summary>
        /// Rejecting a ringing call is declining it (no code was compared yet): a HANGUP, so the
        /// caller is not told the codes differ. Elsewhere: the codes differ (REJECT).
        /// </summary>
        internal override bool RejectCode()
        {
            if (State != CallState.RingingIn)
            {
                return base.RejectCode();
            }

            return End(ReasonUser, "call declined", true);
        }

        internal override void HandleHandshake(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            if ((type == MessageType.Call1 && State == CallState.AwaitingReady)
                || (type == MessageType.Verify1 && State == CallState.Verifying))
            {
                AnswerDuplicate();
            }
            else if (type == MessageType.Verify3 && State == CallState.Verifying)
            {
                OnVerify3(buffer, offset, count);
            }
            else if (type == MessageType.Verify3 && ViaVerify && Channel != null)
            {
                Ctx.Counters.DuplicatesAnswered++;
                Channel.Send(ControlType.Ready, null, 0, false);
            }
            else
            {
                Drop(DropReason.UnexpectedMessage);
            }
        }

        /// <summary>The caller's READY: it is live (not a replayed CALL_1), so remember and ring.</summary>
        protected override void OnReadyMessage()
        {
            if (State != CallState.AwaitingReady)
            {
                return;
            }

            StateTimer.Disarm();
            // Stored before anything sealed goes back (the caller stores on our first sealed
            // packet); marked unproven until the caller proves it holds it (§7.2).
            if (!ResumptionGenerations.RememberUnproven(Ctx.Store, Contact, Channel.Keys))
            {
                Ctx.Host.Promote(this); // when idle, the user sees why (else the log does)
                End(ReasonTimeout, FlashError, true);
                return;
            }

            _resumption = ResumptionStep.AwaitingProof;

            if (!Ctx.Host.Promote(this))
            {
                EndQuietly(ReasonBusy);
                return;
            }

            KeysReady(1);
            Ring(CallEvent.Ready);
        }

        /// <summary>The caller verified a sealed packet of ours, so it stored the new generation too.</summary>
        protected override void OnPeerReadOurPacket()
        {
            if (_resumption != ResumptionStep.AwaitingProof)
            {
                return;
            }

            _resumption = ResumptionStep.Stored;
            ResumptionGenerations.MarkProven(Ctx.Store, Contact);
        }

        protected override void OnStepDeadline()
        {
            if (State == CallState.AwaitingReady || State == CallState.Verifying)
            {
                DropHalfOpen();
            }
            else if (State == CallState.RingingIn)
            {
                End(ReasonTimeout, "no answer", true);
            }
        }

        protected override void LeaveWarning(CallEvent e)
        {
            StateTimer.Disarm();
            Ring(e);
        }

        protected override void ShowCurrent()
        {
            if (State == CallState.KeyWarning)
            {
                ShowWarning();
                return;
            }

            base.ShowCurrent();
        }

        private void AnswerCall1(int index)
        {
            CallId = ByteIo.ReadU32Le(Payload, 4);
            Contact = Ctx.Store.ReadContact(index);
            ContactIndex = index;
            PeerName = Contact.Name;
            Badge = BadgeFor(Contact);
            CallInfo.Write(Payload, 0, CallId);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Call2, LocalId, PeerId);
            int length = Ik.WriteMessage(Payload, PayloadLayout.Call2Length, Buffer, WireFormat.HandshakeBodyOffset);
            CacheAnswer(WireFormat.HandshakeBodyOffset + length);
            TransportKeys keys = Ik.Split();
            Ik = null;
            Channel = new SecureChannel(Ctx, keys, PeerId, Peer, this);
            Move(CallEvent.Call1);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.HandshakeTimeoutMs);
        }

        private void OnVerify3(byte[] buffer, int offset, int count)
        {
            DropReason verdict;
            SecureChannel channel = Xx.FinishResponder(buffer, offset, count, PeerId, Peer, this, out verdict);
            Drop(verdict);
            if (channel == null)
            {
                return;
            }

            StateTimer.Disarm();
            Channel = channel;
            if (verdict != DropReason.None)
            {
                EndQuietly(ReasonCode);
                return;
            }

            if (!Ctx.Host.Promote(this))
            {
                EndQuietly(ReasonBusy);
                return;
            }

            NamePeerAfterVerify();
            Channel.Send(ControlType.Ready, null, 0, false);
            Badge = Badge.Unverified;
            KeysReady(2);
            if (Contact != null)
            {
                WarnAfterFallback();
                return;
            }

            RingAfterVerify();
        }

        /// <summary>
        /// A pinned contact's key came through the fallback: it holds the key but not the
        /// resumption secret (a stale copy of its flash: a stolen or cloned phone, or a restored
        /// one). As loud as the caller's warning (§7.4): not answered until the user accepts it
        /// as unverified or both users confirm the code; auto-answer does not skip it.
        /// </summary>
        private void WarnAfterFallback()
        {
            Move(CallEvent.Verify3FromPinnedKey);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.DecisionTimeoutMs);
            StartIdleTimer();
            PhoneEvent k = NewEvent(PhoneEventKind.KeyChanged, ContinuityLost);
            k.Code = Xx.CodeText;
            k.CodeWords = Xx.CodeWords;
            k.PeerName = PeerName;
            k.ContactIndex = ContactIndex;
            k.Badge = Badge;
            ShowWarning();
            Ctx.Host.Raise(k);
        }

        private void ShowWarning()
        {
            Show(Screens.KeyChanged("!! SECURITY WARNING !!", PeerName, ContinuityLost, Xx.CodeText, Xx.CodeWords));
        }

        /// <summary>A known key rings under its contact's name; an unknown one under the name it claims.</summary>
        private void NamePeerAfterVerify()
        {
            int index = Ctx.Store.FindContact(Xx.PeerKey);
            if (index >= 0)
            {
                Contact = Ctx.Store.ReadContact(index);
                PeerName = Contact.Name;
                ContactIndex = index;
            }
            else
            {
                ClaimedName = Xx.PeerName;
                PeerName = "Unknown (says " + Xx.PeerName + ")";
            }
        }

        private void Ring(CallEvent e)
        {
            Move(e);
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.RingTimeoutMs);
            StartIdleTimer();
            PhoneEvent ringing = NewEvent(PhoneEventKind.Ringing, ShowsCode ? StrangerNote() : null);
            ringing.PeerName = PeerName;
            ringing.ContactIndex = ContactIndex;
            ringing.Badge = Badge;
            ringing.Code = ViaVerify ? Xx.CodeText : null;
            ringing.CodeWords = ViaVerify ? Xx.CodeWords : null;
            ShowRinging();
            Ctx.Host.Raise(ringing);
            if (Ctx.Config.AutoAnswer)
            {
                Accept();
            }
        }

        private DropReason SendFallback(byte reason)
        {
            HandshakeDatagram.WriteHeader(Buffer, MessageType.CallFallback, 0, PeerId);
            Buffer[WireFormat.HandshakeBodyOffset] = reason;
            Ctx.Send(Peer, Buffer, 0, WireFormat.HandshakeBodyOffset + PayloadLayout.FallbackLength);
            Abort();
            return DropReason.None;
        }

        /// <summary>Keeps the answer for repeated first messages (resent only when one arrives).</summary>
        private void CacheAnswer(int length)
        {
            Retransmit.Start(Ctx, Peer, Buffer, length, Ctx.Now);
            Retransmit.Stop();
        }
    }
}
