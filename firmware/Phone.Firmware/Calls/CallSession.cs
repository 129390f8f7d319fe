using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Media;
using Phone.Firmware.Pairing;
using Phone.Firmware.Sessions;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// One call, either side (docs/protocol.md §7-8). This file: state,
    /// user actions, sealed control messages, timers. Caller steps are in
    /// CallSession.Caller.cs, callee steps in CallSession.Callee.cs.
    /// </summary>
    internal partial class CallSession : Exchange, ISecureListener
    {
        private const string CallPrologue = "phone/v1/call";
        private const string VerifyPrologue = "phone/v1/verify";
        private const int TimerRetransmit = 1;
        private const int TimerState = 2;
        private const int TimerLinger = 3;
        private const int TimerIdle = 4;

        /// <summary>Hang-up reason: the user hung up.</summary>
        internal const byte ReasonUser = 1;
        /// <summary>Hang-up reason: busy with another call or pairing.</summary>
        internal const byte ReasonBusy = 2;
        /// <summary>Hang-up reason: the codes did not match / verification failed.</summary>
        internal const byte ReasonCode = 3;
        /// <summary>Hang-up reason: nobody answered or decided in time.</summary>
        internal const byte ReasonTimeout = 4;

        private readonly PhoneTimer _retransmitTimer;
        private readonly PhoneTimer _stateTimer;
        private readonly PhoneTimer _lingerTimer;
        private readonly PhoneTimer _idleTimer;
        private readonly Retransmitter _retransmitter;
        private readonly byte[] _payload = new byte[64];
        private readonly byte[] _reason = new byte[1];
        private Handshake _ik;
        private CodeHandshake _xx;
        private SecureChannel _channel;
        private MediaStream _media;
        private KeySchedule _keys;
        private ContactRecord _contact;
        private string _claimedName;
        private bool _viaVerify;
        private bool _keyDiffers;
        private bool _continuityFailed;
        private byte _fallbackReason;
        private bool _answered;
        private bool _remembered;
        private bool _remoteRinging;
        private bool _localVerified;
        private bool _peerVerified;
        private bool _verified;
        private int _retransmissions;
        private long _endedAt;

        internal CallSession(PhoneContext ctx, bool initiator, NetAddress peer)
            : base(ctx, initiator, peer)
        {
            _retransmitTimer = ctx.Timers.Create(this, TimerRetransmit);
            _stateTimer = ctx.Timers.Create(this, TimerState);
            _lingerTimer = ctx.Timers.Create(this, TimerLinger);
            _idleTimer = ctx.Timers.Create(this, TimerIdle);
            _retransmitter = new Retransmitter(ctx.Backoff, _retransmitTimer);
            ContactIndex = -1;
            KeysReadyMs = -1;
        }

        /// <summary>Current state.</summary>
        internal CallState State { get; private set; }

        /// <summary>Contact slot of the peer (-1: unknown caller).</summary>
        internal int ContactIndex { get; private set; }

        /// <summary>Name shown for the peer.</summary>
        internal string PeerName { get; private set; }

        /// <summary>Security badge.</summary>
        internal Badge Badge { get; private set; }

        /// <summary>Random id of this call (carried in the handshake payloads).</summary>
        internal uint CallId { get; private set; }

        /// <summary>Milliseconds from the start to keys ready (-1 until then).</summary>
        internal long KeysReadyMs { get; private set; }

        /// <summary>Round trips the caller needed until keys were ready (IK: 1).</summary>
        internal int RoundTrips { get; private set; }

        /// <summary>True when the call went through the XX fallback (a code exists).</summary>
        internal bool ViaVerify
        {
            get { return _viaVerify; }
        }

        /// <summary>The fallback's code text, or null.</summary>
        internal string CodeText
        {
            get { return _xx == null ? null : _xx.CodeText; }
        }

        /// <summary>The fallback's code words, or null.</summary>
        internal string CodeWords
        {
            get { return _xx == null ? null : _xx.CodeWords; }
        }

        /// <summary>Frames sent so far.</summary>
        internal int FramesSent
        {
            get { return _media == null ? 0 : _media.FramesSent; }
        }

        internal override bool IsHalfOpen
        {
            get { return !IsInitiator && (State == CallState.AwaitingReady || State == CallState.Verifying); }
        }

        internal override void HandleHandshake(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            if (IsInitiator)
            {
                HandleAsCaller(type, buffer, offset, count);
            }
            else
            {
                HandleAsCallee(type, buffer, offset, count);
            }
        }

        internal override void HandleSecure(byte[] buffer, int offset, int count)
        {
            if (_channel == null)
            {
                Drop(DropReason.UnknownSession);
                return;
            }

            CountReceive(_channel.Receive(buffer, offset, count));
        }

        /// <summary>Callee: answer a ringing call. Caller: accept a key warning as unverified.</summary>
        internal bool Accept()
        {
            if (State == CallState.RingingIn)
            {
                _channel.Send(ControlType.Answer, null, 0, true);
                Connect();
                return true;
            }

            if (State == CallState.KeyWarning)
            {
                Ctx.Host.Raise(NewEvent(PhoneEventKind.Unverified, "key warning accepted by the user"));
                ProceedAfterWarning();
                return true;
            }

            return false;
        }

        /// <summary>The user compared the fallback code and confirms it.</summary>
        internal bool ConfirmCode()
        {
            if (!_viaVerify || _verified || _localVerified || _channel == null || _xx.Code < 0
                || State == CallState.Ending || State == CallState.Ended)
            {
                return false;
            }

            _localVerified = true;
            _channel.Send(ControlType.Confirm, null, 0, true);
            Ctx.Host.Raise(NewEvent(PhoneEventKind.LocalConfirmed, null));
            TryVerify();
            return true;
        }

        /// <summary>The user says the codes differ: tell the peer and hang up.</summary>
        internal bool RejectCode()
        {
            if (!_viaVerify || _channel == null)
            {
                return false;
            }

            _reason[0] = ReasonCode;
            _channel.Send(ControlType.Reject, _reason, 1, true);
            return End(ReasonCode, "codes differ: hung up", true);
        }

        /// <summary>The user hangs up (or rejects a ringing call).</summary>
        internal bool HangUp()
        {
            return End(ReasonUser, "hung up here", true);
        }

        public override void OnTimer(PhoneTimer timer, long now)
        {
            switch (timer.Id)
            {
                case TimerRetransmit:
                    OnRetransmitTimer(now);
                    break;
                case TimerState:
                    OnStateTimer();
                    break;
                case TimerLinger:
                    if (_channel != null && _channel.Pending(ControlType.HangUp)
                        && now - _endedAt < Ctx.Config.HandshakeTimeoutMs)
                    {
                        _lingerTimer.ArmAt(now + Ctx.Config.LingerMs);
                    }
                    else
                    {
                        Finish();
                    }

                    break;
                case TimerIdle:
                    OnIdleTimer(now);
                    break;
            }
        }

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
                return;
            }

            _media.Receive(buffer, rtpOffset, payloadOffset, payloadLength);
        }

        /// <summary>ISecureListener.</summary>
        public void OnAuthenticated()
        {
            if (!IsInitiator)
            {
                return;
            }

            if (_retransmitter.Active)
            {
                _retransmitter.Stop();
            }

            CallerPeerIsLive();
        }

        protected override void ReleaseResources()
        {
            Ctx.Timers.Release(_retransmitTimer);
            Ctx.Timers.Release(_stateTimer);
            Ctx.Timers.Release(_lingerTimer);
            Ctx.Timers.Release(_idleTimer);
            if (_media != null)
            {
                _media.Dispose();
            }

            if (_keys != null)
            {
                _keys.Dispose();
            }

            if (_ik != null)
            {
                _ik.Dispose();
                _ik = null;
            }

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

        private void Connect()
        {
            State = CallState.Connected;
            _stateTimer.Disarm();
            _media = new MediaStream(Ctx, _channel);
            _keys = new KeySchedule(Ctx, _channel, IsInitiator);
            _media.Start();
            _keys.Start();
            PhoneEvent e = NewEvent(PhoneEventKind.Connected, null);
            e.PeerName = PeerName;
            e.Badge = Badge;
            e.ContactIndex = ContactIndex;
            Ctx.Host.Raise(e);
            ShowInCall();
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

            _stateTimer.Disarm();
            if (_answered)
            {
                Connect();
                return;
            }

            State = CallState.RingingOut;
            _stateTimer.ArmAt(Ctx.Now + Ctx.Config.RingTimeoutMs + Ctx.Config.HandshakeTimeoutMs);
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
            ContactIndex = Ctx.Store.Pin(_channel.Session, name, ContactRecord.FlagUsed | ContactRecord.FlagVerified);
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
            Ctx.Host.Raise(e);
            if (State == CallState.KeyWarning)
            {
                ProceedAfterWarning();
            }
            else
            {
                ShowCurrent();
            }
        }

        /// <summary>
        /// Ends the call; tell = send a reliable HANGUP when keys exist. The
        /// end screen stays for the linger time, then the keys are wiped.
        /// </summary>
        private bool End(byte reason, string why, bool tell)
        {
            if (State == CallState.Ending || State == CallState.Ended || Finished)
            {
                return false;
            }

            _retransmitter.Stop();
            _stateTimer.Disarm();
            _idleTimer.Disarm();
            if (_media != null)
            {
                _media.Stop();
            }

            if (_keys != null)
            {
                _keys.Stop();
            }

            PhoneEvent e = NewEvent(PhoneEventKind.HungUp, why);
            e.PeerName = PeerName;
            Ctx.Host.Raise(e);
            Show(Screens.Message("Call ended", why));
            _endedAt = Ctx.Now;
            if (tell && _channel != null)
            {
                _reason[0] = reason;
                _channel.Send(ControlType.HangUp, _reason, 1, true);
                State = CallState.Ending;
            }
            else
            {
                State = CallState.Ended;
            }

            _lingerTimer.ArmAt(Ctx.Now + Ctx.Config.LingerMs);
            return true;
        }

        private void OnRetransmitTimer(long now)
        {
            int r = _retransmitter.OnTimer(Ctx, now);
            if (r > 0)
            {
                Ctx.Counters.Retransmissions++;
                _retransmissions++;
            }
            else if (r < 0)
            {
                End(ReasonTimeout, _channel == null ? "no answer from peer" : "peer did not complete the handshake",
                    false);
            }
        }

        private void OnStateTimer()
        {
            switch (State)
            {
                case CallState.AwaitingReady:
                case CallState.Verifying:
                    if (!IsInitiator)
                    {
                        Finish();
                    }

                    break;
                case CallState.RingingIn:
                case CallState.RingingOut:
                    End(ReasonTimeout, "no answer", true);
                    break;
                case CallState.KeyWarning:
                    End(ReasonTimeout, "key warning not accepted", true);
                    break;
            }
        }

        private void OnIdleTimer(long now)
        {
            if (_channel == null || State == CallState.Ending || State == CallState.Ended)
            {
                return;
            }

            if (now - _channel.LastReceived >= Ctx.Config.CallIdleTimeoutMs)
            {
                End(ReasonTimeout, "connection lost", false);
                return;
            }

            if (now - _channel.LastSent >= Ctx.Config.KeepAliveMs)
            {
                _channel.Send(ControlType.KeepAlive, null, 0, false);
            }

            _idleTimer.ArmAt(now + Ctx.Config.KeepAliveMs);
        }

        private void StartIdleTimer()
        {
            _idleTimer.ArmAt(Ctx.Now + Ctx.Config.KeepAliveMs);
        }

        private void KeysReady(int roundTrips)
        {
            KeysReadyMs = Ctx.Now - StartedAt;
            RoundTrips = roundTrips;
            PhoneEvent e = NewEvent(PhoneEventKind.CallKeysReady, _viaVerify ? "XX fallback" : "IKpsk2");
            e.RoundTrips = roundTrips;
            e.Flights = roundTrips * 2;
            e.Retransmissions = _retransmissions;
            e.PeerName = PeerName;
            e.ContactIndex = ContactIndex;
            Ctx.Host.Raise(e);
        }

        private void ShowCalling(string status)
        {
            Show(Screens.Calling(PeerName, status, Badge));
        }

        private void ShowInCall()
        {
            bool showCode = _viaVerify && !_verified;
            Show(Screens.InCall(PeerName, Badge, showCode ? CodeText : null, showCode ? CodeWords : null,
                "Connected"));
        }

        private void ShowCurrent()
        {
            switch (State)
            {
                case CallState.Connected:
                    ShowInCall();
                    break;
                case CallState.RingingIn:
                    ShowRinging();
                    break;
                case CallState.RingingOut:
                    ShowCalling(_remoteRinging ? "Ringing..." : "Connecting...");
                    break;
            }
        }

        private void ShowRinging()
        {
            bool showCode = _viaVerify && !_verified;
            Show(Screens.Ringing(PeerName, Badge, showCode ? CodeText : null, showCode ? CodeWords : null));
        }
    }
}
