// SPDX-License-Identifier: MIT
// PhoneCore: the board-agnostic phone. API as used by boards (boards/sim, boards/esp32-*):
//
//   var phone = new PhoneCore(config, KeyStore.Open(dir), transport, clock, display, mic, speaker);
//   phone.Event += (sender, e) => Console.WriteLine(e);   // PhoneEventHandler(object, PhoneEvent)
//   phone.Start();                                        // self-test, key pool, idle screen
//   loop: phone.OnDatagram(from, buf, off, n) for each datagram; phone.OnTick() when
//         clock >= phone.NextDeadline (PhoneTimer.Never = long.MaxValue: nothing scheduled)
//   user: StartPairingMode([seconds]) / CancelPairingMode() (the phone answers one PAIR_1 only in it),
//         Pair(addr), ConfirmCode(), RejectCode(), Call(contactIndex, addr), Accept(),
//         HangUp(), ForgetContact(i), FactoryReset(locator), ShowContacts(), ShowIdle(),
//         ContactListMove(delta), ContactListNextLetter(), ContactListJump(prefix), SelectedContact,
//         ShowWhenIdle(screen) (e.g. Discovery's pairing list),
//         Dispose() (ends everything, wipes session keys; the KeyStore stays the caller's)
//         (each returns false when the action does not apply in the current state)
//   state: CurrentScreen, Contacts(), Counters, PairingState, CallState, CurrentCode,
//          CurrentCodeWords, CallBadge, IdentityKey, Fingerprint, Store, IsIdle, InPairingMode
//
// Not thread-safe: call everything from one thread (or under one lock). OnDatagram and
// OnTick never throw; hostile input is counted in Counters.Drops(reason). An event is raised
// after the display shows the screen it announces. The transport must not call back into
// PhoneCore synchronously (deliver datagrams from the board loop).
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Contacts;
using Phone.Firmware.Pairing;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware
{
    /// <summary>
    /// One phone: receives datagrams and clock ticks from the board, runs
    /// pairing and calls, drives the display model and the audio devices.
    /// See docs/protocol.md for the wire protocol it speaks.
    /// </summary>
    public partial class PhoneCore : System.IDisposable
    {
        private readonly PhoneContext _ctx;
        private readonly IDisplay _display;
        private readonly Exchange[] _pending;
        private readonly SourceRateLimiter _handshakeLimiter;
        private readonly TokenBucket _errorLimiter;
        private readonly CookieGate _cookieGate;
        private readonly byte[] _errorBuffer = new byte[WireFormat.ErrorLength];
        private readonly byte[] _idBuffer = new byte[4];
        private Exchange _active;
        private Screen _screen;
        private bool _refillNeeded;

        /// <summary>Creates a phone over the board's devices; call Start before anything else.</summary>
        public PhoneCore(PhoneConfig config, KeyStore store, IDatagramTransport transport, IClock clock,
            IDisplay display, IAudioSource mic, IAudioSink speaker)
        {
            if (config == null || store == null || transport == null || clock == null)
            {
                throw new System.ArgumentNullException("config/store/transport/clock");
            }

            _ctx = new PhoneContext(config, store, transport, clock, mic, speaker, new PhoneHost(this));
            _display = display;
            _pending = new Exchange[config.MaxInboundHandshakes < 1 ? 1 : config.MaxInboundHandshakes];
            long now = clock.NowMilliseconds;
            _handshakeLimiter = new SourceRateLimiter(8, config.PerSourceRate, config.PerSourceRate * 2,
                config.GlobalRate, config.GlobalRate, now);
            _errorLimiter = new TokenBucket(config.ErrorRate, config.ErrorRate, now);
            _reassembly = new Reassembly(_ctx.Counters);
            _cookieGate = new CookieGate(_ctx);
        }

        /// <summary>Raised for everything that happens (never carries key material).</summary>
        public event PhoneEventHandler Event;

        /// <summary>The settings this phone runs with.</summary>
        public PhoneConfig Config
        {
            get { return _ctx.Config; }
        }

        /// <summary>The phone's key store (identity and contacts).</summary>
        public KeyStore Store
        {
            get { return _ctx.Store; }
        }

        /// <summary>Counters: traffic, drops by reason, retransmissions, ratchets, re-keys.</summary>
        public PhoneCounters Counters
        {
            get { return _ctx.Counters; }
        }

        /// <summary>What the display shows now.</summary>
        public Screen CurrentScreen
        {
            get { return _screen; }
        }

        /// <summary>Earliest clock time OnTick has work (long.MaxValue: none; sleep until a datagram).</summary>
        public long NextDeadline
        {
            get
            {
                long next = _ctx.Timers.NextDeadline;
                if (_refillNeeded && _active == null)
                {
                    long now = _ctx.Now;
                    return now < next ? now : next;
                }

                return next;
            }
        }

        /// <summary>Power-on: native self-test (throws if it fails), key pool refill, idle screen.</summary>
        public void Start()
        {
            CryptoCore.SelfTest();
            int ready = KeyPool.Refill();
            RefreshOrganisation();
            ShowIdle();
            Raise(new PhoneEvent(PhoneEventKind.Started, _ctx.Now,
                "self-test passed, " + ready.ToString() + " ephemeral keys ready, key " + Fingerprint));
            if (StoreRecovered)
            {
                Raise(new PhoneEvent(PhoneEventKind.StoreRecovered, _ctx.Now, Screens.RecoveredDetail));
            }
        }

        /// <summary>
        /// One received datagram (buffer[offset..offset+count) from from). Never
        /// throws; the buffer is not modified and not kept.
        /// </summary>
        public void OnDatagram(NetAddress from, byte[] buffer, int offset, int count)
        {
            _ctx.Counters.DatagramsReceived++;
            try
            {
                Dispatch(from, buffer, offset, count);
            }
            catch (System.Exception ex)
            {
                _ctx.Counters.Drop(DropReason.Internal);
                Raise(new PhoneEvent(PhoneEventKind.Error, _ctx.Now, "datagram handling failed: " + ex.Message));
            }
        }

        /// <summary>Runs due timers (retransmissions, media frames, key schedule, timeouts) and idle work.</summary>
        public void OnTick()
        {
            try
            {
                _ctx.Timers.RunDue(_ctx.Now);
                if (_refillNeeded && _active == null)
                {
                    _refillNeeded = false;
                    KeyPool.Refill();
                }
            }
            catch (System.Exception ex)
            {
                Raise(new PhoneEvent(PhoneEventKind.Error, _ctx.Now, "timer handling failed: " + ex.Message));
            }
        }

        /// <summary>Starts pairing with the phone at peer. False if busy.</summary>
        public bool Pair(NetAddress peer)
        {
            if (_active != null || peer == null)
            {
                return false;
            }

            LeavePairingMode();
            PairingExchange pairing = new PairingExchange(_ctx, true, peer);
            _active = pairing;
            pairing.Begin();
            return true;
        }

        /// <summary>The user confirms that both displays show the same code.</summary>
        public bool ConfirmCode()
        {
            return _active != null && _active.ConfirmCode();
        }

        /// <summary>The user says the codes differ (or cancels the pairing).</summary>
        public bool RejectCode()
        {
            return _active != null && _active.RejectCode();
        }

        /// <summary>Calls the contact in slot contactIndex at address at. False if busy or no such contact.</summary>
        public bool Call(int contactIndex, NetAddress at)
        {
            if (_active != null || at == null)
            {
                return false;
            }

            ContactRecord contact = new ContactBook(_ctx.Store).Read(contactIndex);
            if (contact == null)
            {
                return false;
            }

            LeavePairingMode();
            OutgoingCall call = new OutgoingCall(_ctx, at);
            _active = call;
            call.Dial(contact);
            return true;
        }

        /// <summary>Answers a ringing call, or accepts a key warning as unverified.</summary>
        public bool Accept()
        {
            CallExchange c = _active as CallExchange;
            return c != null && c.Accept();
        }

        /// <summary>Hangs up / rejects the call, or cancels a pairing (or the pairing mode when idle).</summary>
        public bool HangUp()
        {
            return _active != null ? _active.HangUp() : CancelPairingMode();
        }

        /// <summary>Deletes the contact in slot index (not during a pairing or call).</summary>
        public bool ForgetContact(int index)
        {
            if (_active != null || new ContactBook(_ctx.Store).Read(index) == null)
            {
                return false;
            }

            _ctx.Store.Forget(index);
            PhoneEvent e = new PhoneEvent(PhoneEventKind.ContactForgotten, _ctx.Now, null);
            e.ContactIndex = index;
            Raise(e);
            ShowIdle();
            return true;
        }

        /// <summary>
        /// Erases identity and contacts at locator (the store's location) and
        /// creates a new identity; ends any pairing or call first.
        /// </summary>
        public void FactoryReset(string locator)
        {
            AbortAll();
            _ctx.Store = KeyStore.FactoryReset(_ctx.Store, locator);
            Raise(new PhoneEvent(PhoneEventKind.FactoryReset, _ctx.Now, "new key " + Fingerprint));
            ShowIdle();
        }

        /// <summary>Ends every pairing and call at once (keys wiped, peer not told); the store stays open.</summary>
        public void Dispose()
        {
            AbortAll();
        }

        /// <summary>All contacts in name order (host tools and tests: the device shows the list window by window).</summary>
        public ContactRecord[] Contacts()
        {
            return new ContactBook(_ctx.Store).All();
        }

        /// <summary>This power-on found the newest flash copy damaged and uses the previous one.</summary>
        public bool StoreRecovered
        {
            get { return (_ctx.Store.Status & KeyStore.StatusRecovered) != 0; }
        }

        /// <summary>Shows the idle screen (when idle).</summary>
        public void ShowIdle()
        {
            if (_active == null)
            {
                SetScreen(IdleScreen());
            }
        }

        /// <summary>Shows a screen another part built (the pairing list of discovery) when idle.</summary>
        public bool ShowWhenIdle(Screen screen)
        {
            if (_active != null || screen == null)
            {
                return false;
            }

            SetScreen(screen);
            return true;
        }

        internal void ShowFor(Exchange exchange, Screen screen)
        {
            if (exchange == _active)
            {
                SetScreen(screen);
            }
        }

        internal bool Promote(Exchange exchange)
        {
            if (_active != null && _active != exchange)
            {
                return false;
            }

            RemovePending(exchange);
            _active = exchange;
            return true;
        }

        internal void Finished(Exchange exchange)
        {
            bool wasPending = RemovePending(exchange);
            string modeEnded = PairingAttemptOver(exchange);
            bool wasActive = _active == exchange;
            if (wasActive)
            {
                _active = null;
                _refillNeeded = true;
            }

            if (wasActive || modeEnded != null)
            {
                ShowIdle();
            }

            if (modeEnded != null)
            {
                Raise(new PhoneEvent(PhoneEventKind.PairingModeEnded, _ctx.Now, modeEnded));
            }
            else if (wasPending)
            {
                HalfOpenVerifyOver(exchange);
            }
        }

        internal uint NewSessionId()
        {
            while (true)
            {
                CryptoCore.Random(_idBuffer);
                uint id = ByteIo.ReadU32Le(_idBuffer, 0);
                if (id != 0 && FindById(id) == null)
                {
                    return id;
                }
            }
        }

        private void AbortAll()
        {
            for (int i = 0; i < _pending.Length; i++)
            {
                if (_pending[i] != null)
                {
                    _pending[i].Abort();
                }
            }

            if (_active != null)
            {
                _active.Abort();
            }
        }

        private void SetScreen(Screen screen)
        {
            _screen = screen;
            if (_display != null)
            {
                _display.Show(screen);
            }
        }

        internal void Raise(PhoneEvent e)
        {
            PhoneEventHandler handler = Event;
            if (handler != null)
            {
                handler(this, e);
            }
        }
    }
}
