// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Net;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Discovery;
using Phone.Firmware.Trust;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;
using Phone.Sim.Audio;
using Phone.Sim.Net;

namespace Phone.Sim.Board
{
    /// <summary>
    /// One simulated phone: the firmware's PhoneCore on a UDP socket, a monotonic
    /// clock, a display, a microphone and a speaker, driven by its own loop
    /// thread. User actions may be called from any thread; they run on the loop.
    /// </summary>
    internal sealed class SimPhone : IDisposable, ILoopTarget
    {
        private readonly PhoneCore _core;
        private readonly UdpTransport _transport;
        private readonly BoardLoop _loop;
        private readonly MonotonicClock _clock = new MonotonicClock();
        private readonly MulticastTransport _mdns;
        private readonly SimPhoneOptions _options;
        private PhoneDiscovery _discovery;
        private IPAddress _advertisedIp;
        private long _nextAddressCheck = long.MaxValue;
        private NetAddress _datagramSource;
        private NetAddress _peer;
        private bool _disposed;

        // How often the interface's address is looked at (a DHCP change shows within this).
        private const int AddressCheckMs = 500;

        /// <summary>The file in the flash directory whose lock says a phone runs on it.</summary>
        public const string LockFileName = "phone.lock";

        private readonly FlashLock _lock;

        // The order matters: the port first (a port in use changes nothing on disk), then the
        // directory and its lock, then the flash (which may create an identity).
        private SimPhone(SimPhoneOptions options)
        {
            _options = options;
            Name = options.Name;
            FlashDir = Path.GetFullPath(options.FlashDir);
            Config = new PhoneConfig { Name = options.Name };
            options.Configure?.Invoke(Config);
            Mic = new MicrophoneSwitch(options.KeepFrames);
            Speaker = new RecordingSink(options.KeepFrames);
            KeyStore store = null;
            try
            {
                _transport = UdpTransport.Bind(options.Listen);
                _mdns = options.Lan == null ? null : MulticastTransport.Open(options.Lan, options.MdnsPort);
                FlashDirectory.Create(FlashDir);
                _lock = FlashLock.Take(FlashDir, LockFileName);
                Addresses = new AddressBook(FlashDir);
                CryptoCore.SelfTest(); // the native core refuses everything until its self-test passed
                BundleFile bundle = options.OrgBundle == null ? null : BundleFile.Open(options.OrgBundle);
                store = FlashDirectory.OpenStore(FlashDir, options.FactoryReset);
                if (options.FactoryReset)
                {
                    Addresses.Clear();
                }

                BundleOutcome = bundle == null ? null : OrgBundle.Apply(store, bundle);

                _core = new PhoneCore(Config, store, _transport, _clock, Display, Mic, Speaker);
            }
            catch
            {
                store?.Dispose();
                _lock?.Dispose();
                _transport?.Dispose();
                _mdns?.Dispose();
                throw;
            }

            _core.Event += (_, e) => OnEvent(e);
            Display.Changed += s => Log.Add(new SimEvent(MonotonicClock.NowPrecise(), s));
            Stall = options.DeviceTiming
                ? new Timing.DeviceStall(Timing.DeviceTimingTable.LoadDefault(), ms => System.Threading.Thread.Sleep((int)ms))
                : null;
            _loop = new BoardLoop(_transport, _clock, Stall);
            if (_mdns != null)
            {
                _loop.AttachDiscovery(_mdns, (from, buffer, offset, count) => _discovery?.OnDatagram(from, buffer, offset, count));
            }
        }

        /// <summary>Device-timing mode's stall accounting, or null when the phone runs at host speed.</summary>
        public Timing.DeviceStall Stall { get; }

        /// <summary>Display name.</summary>
        public string Name { get; }

        /// <summary>Full path of the flash directory.</summary>
        public string FlashDir { get; }

        /// <summary>The firmware settings in force.</summary>
        public PhoneConfig Config { get; }

        /// <summary>The panel.</summary>
        public SimDisplay Display { get; } = new SimDisplay();

        /// <summary>The microphone (switchable signal, recorded).</summary>
        public MicrophoneSwitch Mic { get; }

        /// <summary>The speaker (records what it plays).</summary>
        public RecordingSink Speaker { get; }

        /// <summary>Contacts' last addresses.</summary>
        public AddressBook Addresses { get; }

        /// <summary>Events and screens, in order.</summary>
        public EventLog Log { get; } = new EventLog();

        /// <summary>The bound socket address.</summary>
        public IPEndPoint EndPoint => _transport.LocalEndPoint;

        /// <summary>How peers on this host reach the phone (loopback if bound to any address).</summary>
        public NetAddress Address =>
            Endpoints.ToNetAddress(EndPoint.Address.Equals(IPAddress.Any)
                ? new IPEndPoint(IPAddress.Loopback, EndPoint.Port) : EndPoint);

        /// <summary>Exceptions that escaped the firmware into the board loop (each one a bug).</summary>
        public int LoopFaults => _loop.Faults;

        /// <summary>What the --org-bundle file came to at start, or null without one.</summary>
        public OrgBundleOutcome BundleOutcome { get; }

        /// <summary>The fingerprint of the phone's identity key (public).</summary>
        public string Fingerprint { get; private set; }

        /// <summary>Opens the flash, binds the socket, runs the firmware's power-on and starts the loop.</summary>
        public static SimPhone Start(SimPhoneOptions options)
        {
            var phone = new SimPhone(options);
            try
            {
                phone._core.Start();
                phone.Fingerprint = phone._core.Fingerprint;
                phone.StartDiscovery();
                phone._loop.Start(phone, "phone " + options.Name);
                return phone;
            }
            catch
            {
                phone.Dispose();
                throw;
            }
        }

        // ---- user actions (any thread) ----

        /// <summary>Starts pairing with the phone at peer.</summary>
        public bool Pair(NetAddress peer) => Run(c =>
        {
            _peer = peer;
            return c.Pair(peer);
        });

        /// <summary>Starts pairing mode (seconds; 0: the configured default) so this phone answers one pairing.</summary>
        public bool StartPairingMode(int seconds = 0) =>
            Run(c => seconds == 0 ? c.StartPairingMode() : c.StartPairingMode(seconds));

        /// <summary>Leaves pairing mode.</summary>
        public bool CancelPairingMode() => Run(c => c.CancelPairingMode());

        /// <summary>Confirms the code on the display.</summary>
        public bool Confirm() => Run(c => c.ConfirmCode());

        /// <summary>Rejects the code on the display.</summary>
        public bool Reject() => Run(c => c.RejectCode());

        /// <summary>Calls contact index at address (null: the address book's).</summary>
        public bool Call(int contactIndex, NetAddress at = null) => Run(c =>
        {
            ContactRecord contact = c.Store.ReadContact(contactIndex);
            NetAddress target = at ?? (contact == null ? null : Locate(contact.PublicKey));
            if (target == null)
            {
                return false;
            }

            _peer = target;
            return c.Call(contactIndex, target);
        });

        /// <summary>Calls a phone that is not a contact (a first call: organisation certificates, else the code).</summary>
        public bool CallNew(NetAddress at) => Run(c =>
        {
            _peer = at;
            return c.CallNew(at);
        });

        /// <summary>Answers a ringing call (or accepts a key warning as unverified).</summary>
        public bool Accept() => Run(c => c.Accept());

        /// <summary>Hangs up, or cancels a pairing.</summary>
        public bool HangUp() => Run(c => c.HangUp());

        /// <summary>Forgets contact index (and its address).</summary>
        public bool Forget(int index) => Run(c =>
        {
            ContactRecord contact = c.Store.ReadContact(index);
            if (contact == null || !c.ForgetContact(index))
            {
                return false;
            }

            Addresses.Forget(contact.PublicKey);
            return true;
        });

        /// <summary>Erases identity, contacts and addresses; a new identity is created.</summary>
        public void FactoryReset() => Run(c =>
        {
            c.FactoryReset(FlashDir);
            Addresses.Clear();
            Fingerprint = c.Fingerprint;
            _discovery?.Stop(); // goodbyes for the old identity, then advertise the new one
            StartDiscovery();
            return true;
        });

        /// <summary>Runs the native power-on self-test again (throws if it fails).</summary>
        public void SelfTest() => Run(_ =>
        {
            CryptoCore.SelfTest();
            return true;
        });

        /// <summary>Shows the contact list (when idle).</summary>
        public void ShowContacts() => Run(c =>
        {
            c.ShowContacts();
            return true;
        });

        /// <summary>Moves the contact list's cursor (when the list is shown).</summary>
        public bool ContactListMove(int delta) => Run(c => c.ContactListMove(delta));

        /// <summary>Jumps the contact list to the next first letter (when the list is shown).</summary>
        public bool ContactListNextLetter() => Run(c => c.ContactListNextLetter());

        /// <summary>Puts the contact list's cursor on the first name at or after prefix.</summary>
        public bool ContactListJump(string prefix) => Run(c => c.ContactListJump(prefix));

        /// <summary>The contact under the list's cursor, or null.</summary>
        public ContactListEntry SelectedContact => Run(c => c.SelectedContact);

        /// <summary>Shows the idle screen (when idle).</summary>
        public void ShowIdle() => Run(c =>
        {
            c.ShowIdle();
            return true;
        });

        /// <summary>Reads firmware state safely (on the loop thread).</summary>
        public T Read<T>(Func<PhoneCore, T> read) => Run(read);

        /// <summary>Contacts in name order (the whole book: host only).</summary>
        public ContactRecord[] Contacts() => Run(c => c.Contacts());

        /// <summary>Whether no pairing or call is in progress.</summary>
        public bool IsIdle => Run(c => c.IsIdle);

        /// <summary>Feeds a datagram as if it had arrived from from (tests of hostile input).</summary>
        public void Inject(NetAddress from, byte[] datagram) => Run(c =>
        {
            OnDatagram(from, datagram, 0, datagram.Length);
            return true;
        });

        // ---- discovery (any thread) ----

        /// <summary>Times the LAN interface's address changed and the phone announced the new one.</summary>
        public int AddressChanges { get; private set; }

        /// <summary>Discovery runs (the phone was started with a LAN interface).</summary>
        public bool HasDiscovery => _mdns != null;

        /// <summary>Phones found: name, fingerprint and address, in list order (empty without discovery).</summary>
        public FoundPhoneView[] PhonesFound() => Run(_ =>
        {
            if (_discovery == null)
            {
                return new FoundPhoneView[0];
            }

            FoundPhone[] found = _discovery.PhonesFound();
            var views = new FoundPhoneView[found.Length];
            for (int i = 0; i < found.Length; i++)
            {
                views[i] = new FoundPhoneView(found[i].Name, found[i].Fingerprint, _discovery.AddressOf(found[i]));
            }

            return views;
        });

        /// <summary>Shows the pairing list on the display (when idle).</summary>
        public bool ShowPhoneList() => Run(c => _discovery != null && c.ShowWhenIdle(_discovery.PhoneListScreen()));

        /// <summary>The instance name advertised (the display name, renamed on a conflict), or null.</summary>
        public string AdvertisedName => Run(_ => _discovery?.InstanceName);

        /// <summary>Discovery's counters, or null without discovery.</summary>
        public MdnsCounters DiscoveryCounters => Run(_ => _discovery?.Counters);

        /// <summary>Where to call the contact with this key: discovery by fingerprint, the last address as a hint.</summary>
        public NetAddress Locate(byte[] publicKey)
        {
            NetAddress hint = Addresses.Find(publicKey);
            return _discovery == null ? hint : _discovery.Locate(publicKey, hint);
        }

        /// <summary>Stops the loop, ends every exchange (keys wiped) and closes flash and socket.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_discovery != null && _loop != null)
            {
                try
                {
                    _loop.Invoke(() => _discovery.Stop()); // goodbyes while the socket is open
                }
                catch (InvalidOperationException)
                {
                    // loop already gone: the records simply expire
                }
            }

            _loop?.Dispose();
            if (_core != null)
            {
                _core.Dispose(); // the loop has stopped: this thread is now the only one in the core
                _core.Store.Dispose();
            }

            _transport?.Dispose();
            _mdns?.Dispose();
            _lock?.Dispose();
        }

        // ---- ILoopTarget (loop thread) ----

        long ILoopTarget.NextDeadline
        {
            get
            {
                long next = Math.Min(_core.NextDeadline, _nextAddressCheck);
                return _discovery == null ? next : Math.Min(next, _discovery.NextDeadline);
            }
        }

        void ILoopTarget.OnTick()
        {
            long now = _clock.NowMilliseconds;
            if (now >= _core.NextDeadline)
            {
                _core.OnTick();
            }

            if (_discovery == null)
            {
                return;
            }

            if (now >= _nextAddressCheck)
            {
                _nextAddressCheck = now + AddressCheckMs;
                IPAddress ip = _mdns.CurrentAddress();
                if (ip != null && !ip.Equals(_advertisedIp))
                {
                    _advertisedIp = ip;
                    _discovery.SetAddress(AdvertisedAddress());
                    AddressChanges++;
                }
            }

            if (now >= _discovery.NextDeadline)
            {
                _discovery.OnTick();
            }
        }

        /// <summary>Hands a datagram to the firmware, noting its source for the address book.</summary>
        public void OnDatagram(NetAddress from, byte[] buffer, int offset, int count)
        {
            bool wasIdle = _core.IsIdle;
            _datagramSource = from;
            try
            {
                _core.OnDatagram(from, buffer, offset, count);
            }
            finally
            {
                _datagramSource = null;
            }

            if (wasIdle && !_core.IsIdle)
            {
                _peer = from; // this datagram opened a pairing or a call
            }
        }

        // Advertises this phone on the LAN interface (loop not running yet, or on the loop thread).
        /// <summary>The screen a board shows at start about its organisation bundle, or null (nothing to say).</summary>
        public Screen BundleScreen =>
            BundleOutcome == null ? null : OrgBundleScreens.For(BundleOutcome, _core.IdentityKey);

        private void StartDiscovery()
        {
            if (_mdns == null)
            {
                return;
            }

            _advertisedIp = _mdns.CurrentAddress() ?? IPAddress.Loopback;
            _discovery = new PhoneDiscovery(new DiscoveryConfig { GroupPort = _options.MdnsPort }, _mdns, _clock,
                Name, _core.IdentityKey, WireFormat.Version);
            _discovery.Start(AdvertisedAddress());
            _nextAddressCheck = _clock.NowMilliseconds + AddressCheckMs;
        }

        private NetAddress AdvertisedAddress()
        {
            return Endpoints.ToNetAddress(new IPEndPoint(_advertisedIp, EndPoint.Port));
        }

        private T Run<T>(Func<PhoneCore, T> action)
        {
            if (_loop.IsLoopThread)
            {
                return action(_core); // already on the loop (an event handler): waiting would deadlock
            }

            return _loop.InvokeAsync(() => action(_core)).GetAwaiter().GetResult();
        }

        private void OnEvent(PhoneEvent e)
        {
            if (_datagramSource != null && (e.Kind == PhoneEventKind.PairingStarted || e.Kind == PhoneEventKind.Ringing))
            {
                _peer = _datagramSource;
            }

            if ((e.Kind == PhoneEventKind.Pinned || e.Kind == PhoneEventKind.Connected) && e.ContactIndex >= 0
                && _peer != null)
            {
                ContactRecord contact = _core.Store.ReadContact(e.ContactIndex);
                if (contact != null)
                {
                    Addresses.Remember(contact.PublicKey, _peer);
                }
            }

            Log.Add(new SimEvent(MonotonicClock.NowPrecise(), e));
        }
    }
}
