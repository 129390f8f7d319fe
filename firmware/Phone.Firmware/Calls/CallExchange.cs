// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Media;
using Phone.Firmware.Pairing;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// One call (docs/protocol.md §7-8): what caller and callee share. The roles are
    /// OutgoingCall and IncomingCall; each lists every state change it may make in its
    /// Transitions table, and State changes only through Move. This file: state, the
    /// code comparison and user actions; CallExchange.Control.cs: sealed control messages
    /// and media; CallExchange.Ending.cs: timers, hang-up, wiping.
    /// </summary>
    internal abstract partial class CallExchange : Exchange, ISecureListener
    {
        /// <summary>Prologue of the IKpsk2 call handshake.</summary>
        protected const string CallPrologue = "phone/v1/call";

        /// <summary>Prologue of the XX fallback (VERIFY).</summary>
        protected const string VerifyPrologue = "phone/v1/verify";

        private const int TimerIdle = 4;

        /// <summary>Hang-up reason: the user hung up.</summary>
        internal const byte ReasonUser = 1;
        /// <summary>Hang-up reason: busy with another call or pairing.</summary>
        internal const byte ReasonBusy = 2;
        /// <summary>Hang-up reason: the codes did not match / verification failed.</summary>
        internal const byte ReasonCode = 3;
        /// <summary>Hang-up reason: nobody answered or decided in time.</summary>
        internal const byte ReasonTimeout = 4;

        /// <summary>Why a call ends when the key store cannot write (Store.Remember / SetFlags threw).</summary>
        protected const string FlashError = "flash error: the contact's keys could not be saved";

        /// <summary>Handshake payload scratch.</summary>
        protected readonly byte[] Payload = new byte[64];

        private readonly PhoneTimer _idleTimer;
        private readonly byte[] _reason = new byte[1];
        private MediaStream _media;
        private KeySchedule _keys;
        private int _retransmissions;
        private long _endedAt;

        protected CallExchange(PhoneContext ctx, bool initiator, NetAddress peer)
            : base(ctx, initiator, peer)
        {
            _idleTimer = ctx.Timers.Create(this, TimerIdle);
            KeysReadyMs = -1;
        }

        /// <summary>Current state.</summary>
        internal CallState State { get; private set; }

        /// <summary>Where the fallback code's comparison stands (NotUsed on the IKpsk2 path).</summary>
        internal CodeCheck CodeCheck { get; private set; }

        /// <summary>Name shown for the peer.</summary>
        internal string PeerName { get; set; }

        /// <summary>Security badge.</summary>
        internal Badge Badge { get; set; }

        /// <summary>Random id of this call (carried in the handshake payloads).</summary>
        internal uint CallId { get; set; }

        /// <summary>Milliseconds from the start to keys ready (-1 until then).</summary>
        internal long KeysReadyMs { get; private set; }

        /// <summary>Round trips the caller needed until keys were ready (IK: 1).</summary>
        internal int RoundTrips { get; set; }

        /// <summary>True when the call went through the XX fallback (a code exists).</summary>
        internal bool ViaVerify
        {
            get { return CodeCheck != CodeCheck.NotUsed; }
        }

        /// <summary>The fallback's code text, or null.</summary>
        internal override string CodeText
        {
            get { return Xx == null ? null : Xx.CodeText; }
        }

        /// <summary>The fallback's code words, or null.</summary>
        internal override string CodeWords
        {
            get { return Xx == null ? null : Xx.CodeWords; }
        }

        /// <summary>Frames sent so far.</summary>
        internal int FramesSent
        {
            get { return _media == null ? 0 : _media.FramesSent; }
        }

        /// <summary>The IKpsk2 handshake while it runs.</summary>
        protected Handshake Ik { get; set; }

        /// <summary>The XX fallback (VERIFY) with its code, once started.</summary>
        protected CodeHandshake Xx { get; set; }

        /// <summary>The sealed channel once keys exist.</summary>
        protected SecureChannel Channel { get; set; }

        /// <summary>The pinned contact of the peer, if known.</summary>
        protected ContactRecord Contact { get; set; }

        /// <summary>Callee after VERIFY: the name an unknown peer claims (pinned under it if both confirm).</summary>
        protected string ClaimedName { get; set; }

        /// <summary>Every state change this role may make.</summary>
        protected abstract CallTransition[] Transitions { get; }

        /// <summary>Answers a ringing call (callee) or accepts a key warning as unverified (caller).</summary>
        internal abstract bool Accept();

        internal override void HandleSecure(byte[] buffer, int offset, int count)
        {
            if (Channel == null)
            {
                Drop(DropReason.UnknownSession);
                return;
            }

            Drop(Channel.Receive(buffer, offset, count));
        }

        /// <summary>The user compared the fallback code and confirms it.</summary>
        internal override bool ConfirmCode()
        {
            bool open = CodeCheck == CodeCheck.Pending || CodeCheck == CodeCheck.PeerConfirmed;
            if (!open || Channel == null || Xx.Code < 0 || State == CallState.Ending || State == CallState.Ended)
            {
                return false;
            }

            bool peerDone = CodeCheck == CodeCheck.PeerConfirmed;
            CodeCheck = CodeCheck.LocalConfirmed;
            Channel.Send(ControlType.Confirm, null, 0, true);
            Ctx.Host.Raise(NewEvent(PhoneEventKind.LocalConfirmed, null));
            if (peerDone)
            {
                Verify();
            }

            return true;
        }

        /// <summary>The user says the codes differ: tell the peer and hang up.</summary>
        internal override bool RejectCode()
        {
            if (!ViaVerify || Channel == null)
            {
                return false;
            }

            SendReliable(ControlType.Reject, ReasonCode);
            return End(ReasonCode, "codes differ: hung up", true);
        }

        /// <summary>The user hangs up (or rejects a ringing call).</summary>
        internal override bool HangUp()
        {
            return End(ReasonUser, "hung up here", true);
        }

        /// <summary>Moves State along this role's table (a step the table lacks throws: a bug).</summary>
        protected void Move(CallEvent e)
        {
            State = CallTransition.Next(Transitions, State, e);
        }

        /// <summary>The call takes the XX fallback: a code will exist.</summary>
        protected void UseCodeCheck()
        {
            CodeCheck = CodeCheck.Pending;
        }

        /// <summary>The peer's sealed CONFIRM of the fallback code.</summary>
        protected void PeerConfirmedCode()
        {
            if (CodeCheck == CodeCheck.NotUsed || CodeCheck == CodeCheck.Verified)
            {
                return;
            }

            bool localDone = CodeCheck == CodeCheck.LocalConfirmed;
            CodeCheck = localDone ? CodeCheck.LocalConfirmed : CodeCheck.PeerConfirmed;
            Ctx.Host.Raise(NewEvent(PhoneEventKind.PeerConfirmed, null));
            if (localDone)
            {
                Verify();
            }
        }

        /// <summary>Contact slot to delete once the new key is pinned (the caller's changed key), else -1.</summary>
        protected virtual int ReplacedContact
        {
            get { return -1; }
        }

        /// <summary>The user left the key warning (accepted unverified, or the codes were verified): the role goes on.</summary>
        protected abstract void LeaveWarning(CallEvent e);

        /// <summary>Sends a one-byte reliable control message (HANGUP, REJECT).</summary>
        protected void SendReliable(byte type, byte reason)
        {
            _reason[0] = reason;
            Channel.Send(type, _reason, 1, true);
        }

        /// <summary>Keys exist: the event with the round trips it took.</summary>
        protected void KeysReady(int roundTrips)
        {
            KeysReadyMs = Ctx.Now - StartedAt;
            RoundTrips = roundTrips;
            PhoneEvent e = NewEvent(PhoneEventKind.CallKeysReady, ViaVerify ? "XX fallback" : "IKpsk2");
            e.RoundTrips = roundTrips;
            e.Flights = roundTrips * 2;
            e.Retransmissions = _retransmissions;
            e.PeerName = PeerName;
            e.ContactIndex = ContactIndex;
            Ctx.Host.Raise(e);
        }

        /// <summary>True while the fallback code is on the screen (not yet verified).</summary>
        protected bool ShowsCode
        {
            get { return ViaVerify && CodeCheck != CodeCheck.Verified; }
        }

        /// <summary>Caller's call-progress screen.</summary>
        protected void ShowCalling(string status)
        {
            Show(Screens.Calling(PeerName, status, Badge));
        }

        /// <summary>Callee's ringing screen.</summary>
        protected void ShowRinging()
        {
            Show(Screens.Ringing(PeerName, Badge, ShowsCode ? CodeText : null, ShowsCode ? CodeWords : null));
        }

        private void ShowInCall()
        {
            // A board without a microphone says so: never a silent one-way call.
            Show(Screens.InCall(PeerName, Badge, ShowsCode ? CodeText : null, ShowsCode ? CodeWords : null,
                (Ctx.Mic == null ? "Connected, no microphone" : "Connected")
                + (_keys != null && _keys.Overdue ? ", re-key overdue" : "")));
        }

        /// <summary>Pins the peer under its name after both confirmed; the old contact goes after the new pin.</summary>
        private void Verify()
        {
            string name = Contact != null ? Contact.Name
                : (ClaimedName != null && ClaimedName.Length > 0 ? ClaimedName : "Peer");
            int oldIndex = ReplacedContact;
            ContactIndex = Ctx.Store.Pin(Channel.Keys, name, ContactRecord.FlagUsed | ContactRecord.FlagVerified
                | (Xx.Hybrid ? ContactRecord.FlagHybrid : 0));
            if (oldIndex >= 0 && oldIndex != ContactIndex)
            {
                Ctx.Store.Forget(oldIndex);
            }

            CodeCheck = CodeCheck.Verified;
            PeerName = name;
            Badge = Badge.Verified;
            PhoneEvent e = NewEvent(PhoneEventKind.CallVerified, null);
            e.PeerName = name;
            e.ContactIndex = ContactIndex;
            e.Badge = Badge;
            if (State == CallState.KeyWarning)
            {
                LeaveWarning(CallEvent.CodeVerified);
            }
            else
            {
                ShowCurrent();
            }

            Ctx.Host.Raise(e);
        }
    }
}
