// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// A pairing's sealed messages (ISecureListener), timers and endings: pinning
    /// after both confirmed, failing, lingering for the last acknowledgements.
    /// </summary>
    internal partial class PairingExchange
    {
        public override void OnTimer(PhoneTimer timer, long now)
        {
            if (timer.Id == TimerRetransmit)
            {
                OnRetransmitTimer(now);
            }
            else if (timer.Id == TimerState)
            {
                OnStepDeadline();
            }
            else if (timer.Id == TimerLinger)
            {
                OnLingerTimer(now);
            }
        }

        /// <summary>ISecureListener.</summary>
        public bool OnControl(byte type, byte[] buffer, int argsOffset)
        {
            if (type == ControlType.Confirm)
            {
                OnPeerConfirm();
            }
            else if (type == ControlType.Reject && !PairingStateNames.IsFinal(State))
            {
                Move(PairingEvent.Reject);
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

        private void OnPeerConfirm()
        {
            bool waiting = State == PairingState.CodeShown || State == PairingState.PeerConfirmed;
            if (!waiting && State != PairingState.LocalConfirmed)
            {
                return;
            }

            if (State == PairingState.CodeShown)
            {
                Move(PairingEvent.PeerConfirm);
            }

            Ctx.Host.Raise(NewEvent(PhoneEventKind.PeerConfirmed, null));
            if (waiting)
            {
                ShowCode("Peer confirmed");
            }
            else
            {
                Pin(PairingEvent.PeerConfirm);
            }
        }

        /// <summary>Both confirmed: pins the peer as a verified contact.</summary>
        private void Pin(PairingEvent e)
        {
            string name = _xx.PeerName.Length == 0 ? "Peer" : _xx.PeerName;
            int flags = ContactRecord.FlagUsed | ContactRecord.FlagVerified
                        | (_xx.Org != null && _xx.Org.Verified ? ContactRecord.FlagOrgVerified : 0)
                        | (_xx.Hybrid ? ContactRecord.FlagHybrid : 0);
            ContactIndex = Ctx.Store.Pin(_channel.Keys, name, flags);
            Move(e);
            PhoneEvent pinned = NewEvent(PhoneEventKind.Pinned, null);
            pinned.PeerName = name;
            pinned.ContactIndex = ContactIndex;
            pinned.Code = _xx.CodeText;
            Show(Screens.Message("Paired", name + " saved as a verified contact."));
            Ctx.Host.Raise(pinned);
            EndSoon();
        }

        private void OnRetransmitTimer(long now)
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

        private void OnStepDeadline()
        {
            if (State == PairingState.AwaitingMessage3)
            {
                Move(PairingEvent.Fail);
                Finish();
            }
            else if (State == PairingState.CodeShown || State == PairingState.LocalConfirmed
                     || State == PairingState.PeerConfirmed)
            {
                SendReject(RejectTimeout);
                Fail("timed out waiting for confirmation");
            }
        }

        private void OnLingerTimer(long now)
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

        private void SendReject(byte reason)
        {
            if (_channel != null)
            {
                _reason[0] = reason;
                _channel.Send(ControlType.Reject, _reason, 1, true);
            }
        }

        /// <summary>Our own PAIR_1 came back (the address is this phone's own): say so.</summary>
        internal void PairedWithItself()
        {
            if (State == PairingState.AwaitingMessage2)
            {
                Fail("that is this phone: pair with another one");
            }
        }

        private void Fail(string why)
        {
            Move(PairingEvent.Fail);
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
