// SPDX-License-Identifier: MIT
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Discovery;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// Discovery on a board: the firmware's PhoneDiscovery on the mDNS socket, the
    /// station address watched for DHCP changes, and the pairing list with a
    /// selection the buttons move. Package-free, so the nano compile check covers
    /// it; the caller holds the board's lock around every call.
    /// </summary>
    public class LanDiscovery
    {
        private const int AddressCheckMs = 1000;

        private readonly PhoneDiscovery _discovery;
        private readonly LocalAddress _local;
        private readonly IClock _clock;
        private readonly int _port;
        private byte[] _ip;
        private long _nextAddressCheck;
        private FoundPhone[] _shown = new FoundPhone[0];

        private LanDiscovery(PhoneDiscovery discovery, LocalAddress local, IClock clock, int port)
        {
            _discovery = discovery;
            _local = local;
            _clock = clock;
            _port = port;
        }

        /// <summary>Where the list selection is (0-based), or -1 when the list is not shown.</summary>
        public int Selected { get; private set; }

        /// <summary>Opens the mDNS socket (its datagrams go to deliver) and starts advertising core.</summary>
        public static LanDiscovery Start(OpenMulticastTransport open, DatagramReceived deliver, LocalAddress local,
            IClock clock, PhoneCore core, int port)
        {
            IMulticastTransport transport = open(deliver);
            var discovery = new PhoneDiscovery(new DiscoveryConfig(), transport, clock, core.Config.Name,
                core.IdentityKey, WireFormat.Version);
            var lan = new LanDiscovery(discovery, local, clock, port);
            lan.Selected = -1;
            lan._ip = local();
            discovery.Start(lan.Self());
            lan._nextAddressCheck = clock.NowMilliseconds + AddressCheckMs;
            return lan;
        }

        /// <summary>A datagram from the mDNS socket.</summary>
        public void OnDatagram(NetAddress from, byte[] buffer, int offset, int count)
        {
            _discovery.OnDatagram(from, buffer, offset, count);
        }

        /// <summary>Timers, and a look at the station address once a second.</summary>
        public void Tick()
        {
            long now = _clock.NowMilliseconds;
            if (now >= _nextAddressCheck)
            {
                _nextAddressCheck = now + AddressCheckMs;
                byte[] ip = _local();
                if (ip != null && !Same(ip, _ip))
                {
                    _ip = ip;
                    _discovery.SetAddress(Self());
                }
            }

            if (now >= _discovery.NextDeadline)
            {
                _discovery.OnTick();
            }
        }

        /// <summary>Where to call the contact with publicKey (hint: the address the board knows).</summary>
        public NetAddress Locate(byte[] publicKey, NetAddress hint)
        {
            return _discovery.Locate(publicKey, hint);
        }

        /// <summary>Shows the list (first press) or moves the selection down (next presses).</summary>
        public void ShowOrMove(PhoneCore core)
        {
            _shown = _discovery.PhonesFound();
            Selected = _shown.Length == 0 ? 0 : (Selected + 1) % _shown.Length;
            core.ShowWhenIdle(DiscoveryScreens.PhoneList(_shown, Selected));
        }

        /// <summary>The selected phone's address (null if none), and the list is closed.</summary>
        public NetAddress TakeSelected()
        {
            NetAddress at = Selected >= 0 && Selected < _shown.Length ? _discovery.AddressOf(_shown[Selected]) : null;
            Close();
            return at;
        }

        /// <summary>The list is no longer shown.</summary>
        public void Close()
        {
            Selected = -1;
        }

        private NetAddress Self()
        {
            byte[] ip = _ip == null ? new byte[4] : _ip;
            return new NetAddress(ip[0], ip[1], ip[2], ip[3], _port);
        }

        private static bool Same(byte[] a, byte[] b)
        {
            return b != null && a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3];
        }
    }
}
