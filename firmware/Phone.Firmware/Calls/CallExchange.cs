using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Media;
using Phone.Firmware.Pairing;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// One call, either side (docs/protocol.md §7-8). This file: state,
    /// user actions, sealed control messages, timers. Caller steps are in
    /// CallExchange.Caller.cs, callee steps in CallExchange.Callee.cs.
    /// </summary>
    internal partial class CallExchange : Exchange, ISecureListener
    {
        private const string CallPrologue = "phone/v1/call";
        private const string VerifyPrologue = "phone/v1/verify";
        private const int TimerIdle = 4;

        /// <summary>Hang-up reason: the user hung up.</summary>
        internal const byte ReasonUser = 1;
        /// <summary>Hang-up reason: busy with another call or pairing.</summary>
        internal const byte ReasonBusy = 2;
        /// <summary>Hang-up reason: the codes did not match / verification failed.</summary>
        internal const byte ReasonCode = 3;
        /// <summary>Hang-up reason: nobody answered or decided in time.</summary>
        internal const byte ReasonTimeout = 4;

        private readonly PhoneTimer _idleTimer;
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

        internal CallExchange(PhoneContext ctx, bool initiator, NetAddress peer)
            : base(ctx, initiator, peer)
        {
            _idleTimer = ctx.Timers.Create(this, TimerIdle);
            KeysReadyMs = -1;
        }

        /// <summary>Current state.</summary>
        internal CallState State { get; private set; }

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
        internal override string CodeText
        {
            get { return _xx == null ? null : _xx.CodeText; }
        }

        /// <summary>The fallback's code words, or null.</summary>
        internal override string CodeWords
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
        internal override bool ConfirmCode()
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
        internal override bool RejectCode()
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
        internal override bool HangUp()
        {
            return End(ReasonUser, "hung up here", true);
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
            // A board without a microphone says so: never a silent one-way call.
            Show(Screens.InCall(PeerName, Badge, showCode ? CodeText : null, showCode ? CodeWords : null,
                Ctx.Mic == null ? "Connected, no microphone" : "Connected"));
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
