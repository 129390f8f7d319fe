// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// One pairing or call: its session ids, peer address, timers and keys.
    /// Base of PairingExchange and CallExchange; PhoneCore routes datagrams to
    /// it by receiver id (or by source and sender id for repeated first messages).
    /// </summary>
    internal abstract class Exchange : ITimerHandler
    {
        /// <summary>Timer id of the handshake retransmission (subclasses number theirs after TimerLinger).</summary>
        protected const int TimerRetransmit = 1;

        /// <summary>Timer id of the current step's deadline.</summary>
        protected const int TimerState = 2;

        /// <summary>Timer id of the linger after the end.</summary>
        protected const int TimerLinger = 3;

        /// <summary>Scratch buffer for building handshake datagrams.</summary>
        protected readonly byte[] Buffer = new byte[FragmentFormat.MaxMessage];

        /// <summary>Services of the owning phone.</summary>
        protected readonly PhoneContext Ctx;

        /// <summary>Resends the current handshake message until answered or timed out.</summary>
        protected readonly Retransmitter Retransmit;

        /// <summary>Deadline of the current step (handshake, user decision, ringing).</summary>
        protected readonly PhoneTimer StateTimer;

        /// <summary>Keeps an ended exchange briefly, to answer the peer's late duplicates.</summary>
        protected readonly PhoneTimer LingerTimer;

        private readonly PhoneTimer _retransmitTimer;

        protected Exchange(PhoneContext ctx, bool initiator, NetAddress peer)
        {
            Ctx = ctx;
            _retransmitTimer = ctx.Timers.Create(this, TimerRetransmit);
            StateTimer = ctx.Timers.Create(this, TimerState);
            LingerTimer = ctx.Timers.Create(this, TimerLinger);
            Retransmit = new Retransmitter(ctx.Backoff, _retransmitTimer);
            IsInitiator = initiator;
            Peer = peer;
            LocalId = ctx.Host.NewSessionId();
            StartedAt = ctx.Now;
            ContactIndex = -1;
        }

        /// <summary>Contact slot of the peer (pinned, or found for a call), else -1.</summary>
        internal int ContactIndex { get; set; }

        /// <summary>The verification code on the display (pairing or a call's XX fallback), else null.</summary>
        internal abstract string CodeText { get; }

        /// <summary>The same code as PGP words, else null.</summary>
        internal abstract string CodeWords { get; }

        /// <summary>The user confirms the codes match. False if there is nothing to confirm.</summary>
        internal abstract bool ConfirmCode();

        /// <summary>The user says the codes differ (or cancels). False if it does not apply.</summary>
        internal abstract bool RejectCode();

        /// <summary>The user hangs up or cancels. False if it does not apply.</summary>
        internal abstract bool HangUp();

        /// <summary>This side's session id (receiver id of what the peer sends).</summary>
        internal uint LocalId { get; set; }

        /// <summary>The peer's session id (0 until known).</summary>
        internal uint PeerId { get; set; }

        /// <summary>Where handshake replies and packets go.</summary>
        internal NetAddress Peer { get; set; }

        /// <summary>True on the side that sent the first message.</summary>
        internal bool IsInitiator { get; private set; }

        /// <summary>Clock time of the user action or first message that started it.</summary>
        internal long StartedAt { get; private set; }

        /// <summary>True once finished and its keys are wiped.</summary>
        internal bool Finished { get; private set; }

        /// <summary>Inbound and not yet complete (does not own the display, may be evicted).</summary>
        internal abstract bool IsHalfOpen { get; }

        /// <summary>A handshake datagram addressed to this exchange (receiver id matched, or a repeated first message).</summary>
        internal abstract void HandleHandshake(int type, NetAddress from, byte[] buffer, int offset, int count);

        /// <summary>A SECURE datagram addressed to this exchange.</summary>
        internal abstract void HandleSecure(byte[] buffer, int offset, int count);

        /// <summary>An ERROR naming this exchange's id arrived (unauthenticated).</summary>
        internal virtual void HandlePeerError(int code)
        {
        }

        /// <summary>Timer expiry.</summary>
        public abstract void OnTimer(PhoneTimer timer, long now);

        /// <summary>Ends the exchange at once without notifying the peer (eviction, factory reset).</summary>
        internal void Abort()
        {
            Finish();
        }

        /// <summary>True if this responder-side exchange began with (from, senderId).</summary>
        internal bool StartedBy(NetAddress from, uint senderId)
        {
            return !IsInitiator && PeerId == senderId && Peer != null && Peer.SameAs(from);
        }

        /// <summary>Releases the subclass's handshakes, sessions and own timers (the shared ones are released after).</summary>
        protected abstract void ReleaseResources();

        /// <summary>Ends the exchange: wipes its keys, tells the phone.</summary>
        protected void Finish()
        {
            if (Finished)
            {
                return;
            }

            Finished = true;
            ReleaseResources();
            Ctx.Timers.Release(_retransmitTimer);
            Ctx.Timers.Release(StateTimer);
            Ctx.Timers.Release(LingerTimer);
            Ctx.Host.Finished(this);
        }

        /// <summary>Shows screen if this exchange owns the display.</summary>
        protected void Show(Screen screen)
        {
            Ctx.Host.Show(this, screen);
        }

        /// <summary>A copy of the first message: the cached answer (Retransmit) again, on the retransmission schedule only.</summary>
        protected void AnswerDuplicate()
        {
            if (Retransmit.SendAgain(Ctx, Ctx.Now))
            {
                Ctx.Counters.DuplicatesAnswered++;
            }
            else
            {
                Ctx.Counters.DuplicatesIgnored++;
            }
        }

        /// <summary>Counts a dropped datagram (DropReason.None: accepted, nothing counted).</summary>
        protected void Drop(DropReason reason)
        {
            Ctx.Counters.Drop(reason);
        }

        /// <summary>Builds an event stamped now.</summary>
        protected PhoneEvent NewEvent(PhoneEventKind kind, string text)
        {
            PhoneEvent e = new PhoneEvent(kind, Ctx.Now, text);
            e.ElapsedMs = Ctx.Now - StartedAt;
            return e;
        }
    }
}
