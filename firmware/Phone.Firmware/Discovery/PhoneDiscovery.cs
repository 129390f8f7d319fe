// SPDX-License-Identifier: MIT
// PhoneDiscovery: DNS-SD over mDNS for one phone (RFC 6762, RFC 6763). Used by boards as:
//
//   var d = new PhoneDiscovery(new DiscoveryConfig(), mdnsTransport, clock, name, identityKey, WireFormat.Version);
//   d.Start(selfAddress);            // join 224.0.0.251, probe + announce, start browsing
//   loop: d.OnDatagram(from, buf, off, n) for each datagram on the mDNS socket;
//         d.OnTick() when clock >= d.NextDeadline
//   d.SetAddress(newAddress);        // the phone's IP or port changed: announce again
//   d.PhonesFound(), d.FindByName(text), d.Locate(contactKey, lastAddress), d.PhoneListScreen()
//   d.Stop();                        // goodbyes
//
// Not thread-safe: call it from the board loop, like PhoneCore. OnDatagram and OnTick never
// throw; refused messages are counted in Counters. What it finds is a hint for reaching a
// phone, never trust: the handshake with the pinned key decides who answers.
using Phone.Firmware.Board;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;

namespace Phone.Firmware.Discovery
{
    /// <summary>Advertises this phone and finds the others on the local network.</summary>
    public class PhoneDiscovery
    {
        private readonly IMulticastTransport _transport;
        private readonly IClock _clock;
        private readonly MdnsLink _link;
        private readonly DnsMessage _message = new DnsMessage();
        private readonly MdnsResponder _responder;
        private readonly MdnsBrowser _browser;
        private readonly string _fingerprint;

        /// <summary>Discovery for the phone called name whose identity public key is identityKey.</summary>
        public PhoneDiscovery(DiscoveryConfig config, IMulticastTransport transport, IClock clock, string name,
            byte[] identityKey, int protocolVersion)
        {
            if (config == null || transport == null || clock == null || identityKey == null)
            {
                throw new System.ArgumentNullException("config/transport/clock/identityKey");
            }

            _transport = transport;
            _clock = clock;
            Counters = new MdnsCounters();
            _link = new MdnsLink(transport, MdnsGroup.Address(config.GroupPort), Counters);
            _fingerprint = Fingerprint(identityKey);
            _responder = new MdnsResponder(_link, name, _fingerprint, protocolVersion);
            _browser = new MdnsBrowser(_link, config.MaxPhones < 1 ? 1 : config.MaxPhones, config.MaxQueryIntervalMs);
        }

        /// <summary>Received, sent, dropped (by reason), conflicts.</summary>
        public MdnsCounters Counters { get; private set; }

        /// <summary>Joined the multicast group at Start.</summary>
        public bool Joined { get; private set; }

        /// <summary>Responder state (probing, announcing, running).</summary>
        public ResponderState State
        {
            get { return _responder.State; }
        }

        /// <summary>The instance name this phone advertises now (the display name, renamed on conflict).</summary>
        public string InstanceName
        {
            get { return DisplayText.Of(_responder.InstanceLabel, 0, _responder.InstanceLabel.Length); }
        }

        /// <summary>Earliest clock time OnTick has work (PhoneTimer.Never: none).</summary>
        public long NextDeadline
        {
            get
            {
                long a = _responder.NextDeadline;
                long b = _browser.NextDeadline;
                return a < b ? a : b;
            }
        }

        /// <summary>The fingerprint advertised for a public key: its first 8 bytes in hex.</summary>
        public static string Fingerprint(byte[] publicKey)
        {
            return Hex.Of(publicKey, 8);
        }

        /// <summary>Joins the group, starts probing the name and browsing. self: this phone's IP and UDP port.</summary>
        public void Start(NetAddress self)
        {
            Joined = _transport.JoinGroup(_link.Group);
            long now = _clock.NowMilliseconds;
            _responder.Start(self, now);
            _browser.Start(now);
        }

        /// <summary>This phone's address changed: announce the new one and browse again.</summary>
        public void SetAddress(NetAddress self)
        {
            long now = _clock.NowMilliseconds;
            _responder.SetAddress(self, now);
            _browser.Start(now);
        }

        /// <summary>Sends goodbyes and stops browsing.</summary>
        public void Stop()
        {
            _responder.Stop();
            _browser.Stop();
        }

        /// <summary>One datagram from the mDNS socket. Never throws; the buffer is not kept.</summary>
        public void OnDatagram(NetAddress from, byte[] buffer, int offset, int count)
        {
            Counters.Received++;
            try
            {
                MdnsDrop verdict = _message.Parse(buffer, offset, count);
                if (verdict != MdnsDrop.None)
                {
                    Counters.Drop(verdict);
                    return;
                }

                long now = _clock.NowMilliseconds;
                _responder.OnMessage(_message, from, now);
                if (_message.IsResponse)
                {
                    _browser.OnResponse(_message, now);
                }
            }
            catch (System.Exception)
            {
                Counters.Drop(MdnsDrop.Internal);
            }
        }

        /// <summary>Runs due probes, announcements, answers, queries and expiry. Never throws.</summary>
        public void OnTick()
        {
            try
            {
                long now = _clock.NowMilliseconds;
                _responder.OnTick(now);
                _browser.OnTick(now);
            }
            catch (System.Exception)
            {
                Counters.Drop(MdnsDrop.Internal);
            }
        }

        /// <summary>Other phones found with a fingerprint and an address (the pairing list), slot order.</summary>
        public FoundPhone[] PhonesFound()
        {
            FoundPhone[] all = _browser.All();
            int n = 0;
            for (int i = 0; i < all.Length; i++)
            {
                if (Listed(all[i]))
                {
                    all[n++] = all[i];
                }
            }

            FoundPhone[] listed = new FoundPhone[n];
            System.Array.Copy(all, listed, n);
            return listed;
        }

        /// <summary>Where phone says it is, or null if not resolved (yet).</summary>
        public NetAddress AddressOf(FoundPhone phone)
        {
            return _browser.AddressOf(phone);
        }

        /// <summary>The listed phone with this name (exact, then ignoring case), else null.</summary>
        public FoundPhone FindByName(string name)
        {
            FoundPhone[] listed = PhonesFound();
            for (int i = 0; i < listed.Length; i++)
            {
                if (listed[i].Name == name)
                {
                    return listed[i];
                }
            }

            for (int i = 0; i < listed.Length; i++)
            {
                if (listed[i].Name.ToLower() == name.ToLower())
                {
                    return listed[i];
                }
            }

            return null;
        }

        /// <summary>
        /// Where to call the contact with publicKey: its last address (hint) if a
        /// phone with its fingerprint is announced there, else the most recently
        /// heard phone announcing its fingerprint, else hint (may be null). Only a
        /// hint: the call's handshake proves the key, so a false announcement can
        /// make the call fail but never reach another key unnoticed.
        /// </summary>
        public NetAddress Locate(byte[] publicKey, NetAddress hint)
        {
            string fingerprint = Fingerprint(publicKey);
            FoundPhone[] listed = PhonesFound();
            NetAddress best = null;
            long bestHeard = long.MinValue;
            for (int i = 0; i < listed.Length; i++)
            {
                if (listed[i].Fingerprint != fingerprint)
                {
                    continue;
                }

                NetAddress at = _browser.AddressOf(listed[i]);
                if (hint != null && hint.SameAs(at))
                {
                    return hint;
                }

                if (listed[i].LastHeardAt > bestHeard)
                {
                    best = at;
                    bestHeard = listed[i].LastHeardAt;
                }
            }

            return best ?? hint;
        }

        /// <summary>The pairing list: phones found with name and short fingerprint.</summary>
        public Screen PhoneListScreen()
        {
            return DiscoveryScreens.PhoneList(PhonesFound());
        }

        private bool Listed(FoundPhone p)
        {
            return p.Fingerprint != null && p.Fingerprint != _fingerprint && _browser.AddressOf(p) != null;
        }
    }
}
