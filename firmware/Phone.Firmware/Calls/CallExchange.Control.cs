// SPDX-License-Identifier: MIT
using Phone.Firmware.Exchanges;
using Phone.Firmware.Media;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Sealed control messages and media of a call (ISecureListener) and connecting;
    /// what only one role does with them is in its hooks (OnReadyMessage, ...).
    /// </summary>
    internal abstract partial class CallExchange
    {
        /// <summary>ISecureListener.</summary>
        public bool OnControl(byte type, byte[] buffer, int argsOffset)
        {
            switch (type)
            {
                case ControlType.Ready:
                    OnReadyMessage();
                    return true;
                case ControlType.Answer:
                    OnAnswerMessage();
                    return true;
                case ControlType.HangUp:
                    End(buffer[argsOffset], HangUpText(buffer[argsOffset]), false);
                    return true;
                case ControlType.Reject:
                    End(ReasonCode, "peer says the codes differ", false);
                    return true;
                case ControlType.Confirm:
                    PeerConfirmedCode();
                    return true;
                case ControlType.RekeyOffer:
                    return _keys != null && _keys.OnOffer(buffer, argsOffset);
                case ControlType.RekeyAnswer:
                    return _keys == null || _keys.OnAnswer(buffer, argsOffset);
                default:
                    return true;
            }
        }

        /// <summary>ISecureListener.</summary>
        public void OnAcked(byte type)
        {
            OnPeerReadOurPacket();
            if (type == ControlType.Ready)
            {
                OnReadyAcked();
            }
            else if (type == ControlType.HangUp && State == CallState.Ending)
            {
                Finish();
            }
        }

        /// <summary>ISecureListener.</summary>
        public void OnControlTimeout(byte type)
        {
            if (type == ControlType.RekeyOffer && _keys != null)
            {
                _keys.OnOfferTimeout();
            }
            else if (type == ControlType.HangUp)
            {
                Finish();
            }
            else if (type == ControlType.Ready || type == ControlType.Answer)
            {
                End(ReasonTimeout, "peer not responding", false);
            }
        }

        /// <summary>ISecureListener: verified media; played only while connected.</summary>
        public void OnMedia(byte[] buffer, int rtpOffset, int payloadOffset, int payloadLength)
        {
            if (State != CallState.Connected)
            {
                OnMediaBeforeConnected();
            }

            if (State != CallState.Connected)
            {
                Drop(DropReason.NotConnected);
                return;
            }

            // Connected now: the channel hands this frame (already decoded) to the new jitter buffer.
            OnPeerReadOurPacket();
        }

        /// <summary>ISecureListener.</summary>
        public void OnAuthenticated()
        {
            OnPeerAuthenticated();
        }

        /// <summary>What the peer's HANGUP reason means here: a user's hang-up before answering is a declined call.</summary>
        private string HangUpText(byte reason)
        {
            if (reason == ReasonBusy)
            {
                return "peer busy";
            }

            bool beforeAnswer = State == CallState.RingingOut || State == CallState.KeyWarning;
            return reason == ReasonUser && IsInitiator && beforeAnswer ? "call declined" : "peer hung up";
        }

        /// <summary>A sealed READY arrived.</summary>
        protected abstract void OnReadyMessage();

        /// <summary>Our reliable READY was acknowledged.</summary>
        protected virtual void OnReadyAcked()
        {
        }

        /// <summary>A sealed ANSWER arrived.</summary>
        protected virtual void OnAnswerMessage()
        {
        }

        /// <summary>Authenticated media while not connected (counted as dropped after this).</summary>
        protected virtual void OnMediaBeforeConnected()
        {
        }

        /// <summary>
        /// The peer has verified a sealed packet of ours: it acknowledged one, or sends media
        /// (which it does only once connected, i.e. after verifying our ANSWER or media).
        /// </summary>
        protected virtual void OnPeerReadOurPacket()
        {
        }

        /// <summary>Any packet of the peer verified.</summary>
        protected virtual void OnPeerAuthenticated()
        {
        }

        /// <summary>Enters Connected on e (its table row), starts media and the key schedule.</summary>
        protected void Connect(CallEvent e)
        {
            Move(e);
            StateTimer.Disarm();
            _media = new MediaStream(Ctx, Channel);
            _keys = new KeySchedule(Ctx, Channel, this, IsInitiator);
            _media.Start();
            _keys.Start();
            PhoneEvent connected = NewEvent(PhoneEventKind.Connected, null);
            connected.PeerName = PeerName;
            connected.Badge = Badge;
            connected.ContactIndex = ContactIndex;
            ShowInCall();
            Ctx.Host.Raise(connected);
        }

        /// <summary>The key schedule's promise (a fresh DH every RekeyDeadlineMs) broke or holds again: redraw.</summary>
        internal void RekeyOverdueChanged()
        {
            ShowCurrent();
        }

        /// <summary>Redraws the screen of the current state.</summary>
        protected virtual void ShowCurrent()
        {
            if (State == CallState.Connected)
            {
                ShowInCall();
            }
            else if (State == CallState.RingingIn)
            {
                ShowRinging();
            }
        }
    }
}
