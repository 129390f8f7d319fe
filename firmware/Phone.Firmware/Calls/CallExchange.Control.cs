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
                    End(buffer[argsOffset], buffer[argsOffset] == ReasonBusy ? "peer busy" : "peer hung up", false);
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
            }

            // Connected now: the channel hands this frame (already decoded) to the new jitter buffer.
        }

        /// <summary>ISecureListener.</summary>
        public void OnAuthenticated()
        {
            OnPeerAuthenticated();
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
            _keys = new KeySchedule(Ctx, Channel, IsInitiator);
            _media.Start();
            _keys.Start();
            PhoneEvent connected = NewEvent(PhoneEventKind.Connected, null);
            connected.PeerName = PeerName;
            connected.Badge = Badge;
            connected.ContactIndex = ContactIndex;
            ShowInCall();
            Ctx.Host.Raise(connected);
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
