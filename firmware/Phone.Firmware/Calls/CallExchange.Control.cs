using Phone.Crypto;
using Phone.Firmware.Media;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Sealed control messages and media of a call (ISecureListener), connecting,
    /// and re-verification by comparing the code.
    /// </summary>
    internal partial class CallExchange
    {
        /// <summary>ISecureListener.</summary>
        public bool OnControl(byte type, byte[] buffer, int argsOffset)
        {
            switch (type)
            {
                case ControlType.Ready:
                    if (!IsInitiator && State == CallState.AwaitingReady)
                    {
                        OnReady();
                    }
                    else if (IsInitiator)
                    {
                        RemoteRinging();
                    }

                    return true;
                case ControlType.Answer:
                    OnAnswer();
                    return true;
                case ControlType.HangUp:
                    End(buffer[argsOffset], buffer[argsOffset] == ReasonBusy ? "peer busy" : "peer hung up", false);
                    return true;
                case ControlType.Reject:
                    End(ReasonCode, "peer says the codes differ", false);
                    return true;
                case ControlType.Confirm:
                    if (_viaVerify && !_verified)
                    {
                        _peerVerified = true;
                        Ctx.Host.Raise(NewEvent(PhoneEventKind.PeerConfirmed, null));
                        TryVerify();
                    }

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
                RemoteRinging();
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

        /// <summary>ISecureListener: verified media.</summary>
        public void OnMedia(byte[] buffer, int rtpOffset, int payloadOffset, int payloadLength)
        {
            if (State == CallState.RingingOut)
            {
                OnAnswer();
            }

            if (State != CallState.Connected)
            {
                if (State == CallState.KeyWarning)
                {
                    _answered = true;
                }

                Drop(DropReason.NotConnected);
            }

            // Connected: the media stream's jitter buffer now takes frames from the
            // channel (decoded natively); this one, opened before it ran, is not played.
        }

        /// <summary>ISecureListener.</summary>
        public void OnAuthenticated()
        {
            if (!IsInitiator)
            {
                return;
            }

            if (Retransmit.Active)
            {
                Retransmit.Stop();
            }

            CallerPeerIsLive();
        }

        private void Connect()
        {
            State = CallState.Connected;
            StateTimer.Disarm();
            _media = new MediaStream(Ctx, _channel);
            _keys = new KeySchedule(Ctx, _channel, IsInitiator);
            _media.Start();
            _keys.Start();
            PhoneEvent e = NewEvent(PhoneEventKind.Connected, null);
            e.PeerName = PeerName;
            e.Badge = Badge;
            e.ContactIndex = ContactIndex;
            ShowInCall();
            Ctx.Host.Raise(e);
        }

        private void OnAnswer()
        {
            if (!IsInitiator)
            {
                return;
            }

            _answered = true;
            if (State == CallState.RingingOut)
            {
                Connect();
            }
        }

        private void ProceedAfterWarning()
        {
            if (State != CallState.KeyWarning)
            {
                return;
            }

            StateTimer.Disarm();
            if (_answered)
            {
                Connect();
                return;
            }

            State = CallState.RingingOut;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.RingTimeoutMs + Ctx.Config.HandshakeTimeoutMs);
            ShowCalling("Ringing...");
        }

        private void TryVerify()
        {
            if (!_localVerified || !_peerVerified || _verified)
            {
                return;
            }

            string name = _contact != null ? _contact.Name
                : (_claimedName != null && _claimedName.Length > 0 ? _claimedName : "Peer");
            int oldIndex = _contact != null && _keyDiffers ? _contact.Index : -1;
            ContactIndex = Ctx.Store.Pin(_channel.Keys, name, ContactRecord.FlagUsed | ContactRecord.FlagVerified);
            if (oldIndex >= 0 && oldIndex != ContactIndex)
            {
                Ctx.Store.Forget(oldIndex);
            }

            _verified = true;
            _remembered = true;
            PeerName = name;
            Badge = Badge.Verified;
            PhoneEvent e = NewEvent(PhoneEventKind.CallVerified, null);
            e.PeerName = name;
            e.ContactIndex = ContactIndex;
            e.Badge = Badge;
            if (State == CallState.KeyWarning)
            {
                ProceedAfterWarning();
            }
            else
            {
                ShowCurrent();
            }

            Ctx.Host.Raise(e);
        }
    }
}
