// SPDX-License-Identifier: MIT
using System.Threading;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// Connects a board to the firmware: Wi-Fi, self-test, key store (BoardStartup), UDP
    /// transport, discovery (mDNS, LanDiscovery), clock, and three buttons mapped onto PhoneCore's
    /// user actions. The firmware is driven from three threads (the UDP and mDNS receivers and
    /// the tick loop), so every call holds one lock.
    /// Only firmware and mscorlib types appear here, so the nano compile check covers it; the
    /// package-bound pieces (Wi-Fi, sockets, clock, display) come in from the board's Program.
    /// </summary>
    public class PhoneWiring
    {
        /// <summary>
        /// Left button: confirm the code / accept a call / pair with the phone selected in the list;
        /// when idle: open the contact list; in the contact list: call the contact under the cursor.
        /// </summary>
        public const int Left = 0;

        /// <summary>
        /// Centre button: call contact 0 wherever it is now; with no contact, show the phones found (again: next
        /// one); in the contact list: the next contact (after the last one: back to idle).
        /// </summary>
        public const int Centre = 1;

        /// <summary>
        /// Right button: reject the code / hang up / close the list / leave pairing mode; when idle: start
        /// pairing mode; in the contact list: jump to the next first letter (after the last letter: back to idle).
        /// </summary>
        public const int Right = 2;

        private readonly object _gate = new object();
        private readonly PhoneCore _core;
        private readonly NetAddress _peer;
        private LanDiscovery _lan;

        private PhoneWiring(PhoneCore core, NetAddress peer)
        {
            _core = core;
            _peer = peer;
        }

        /// <summary>
        /// Starts the phone on this board; peer is "a.b.c.d" (the port is the phone port): the
        /// address tried when discovery has not found the contact (the last address known).
        /// openMdns and local may be null: no discovery. mic and speaker are the board's audio
        /// adapters (null: that direction carries no audio). orgBundle is the image's organisation
        /// bundle resource (docs/device.md §5b).
        /// </summary>
        public static PhoneWiring Start(IDisplay display, NetworkJoin join, IDeploymentResource orgBundle,
            OpenTransport openTransport, OpenMulticastTransport openMdns, LocalAddress local, IClock clock, int port,
            string peer, IAudioSource mic, IAudioSink speaker)
        {
            KeyStore store = BoardStartup.Start(display, join, orgBundle);
            PhoneWiring wiring = null;
            IDatagramTransport transport = openTransport((from, buffer, offset, count) =>
            {
                if (wiring != null)
                {
                    lock (wiring._gate)
                    {
                        wiring._core.OnDatagram(from, buffer, offset, count);
                    }
                }
            });
            var core = new PhoneCore(new PhoneConfig(), store, transport, clock, display, mic, speaker);
            wiring = new PhoneWiring(core, Parse(peer, port));
            lock (wiring._gate)
            {
                core.Start();
                if (openMdns != null && local != null)
                {
                    wiring._lan = LanDiscovery.Start(openMdns, (from, buffer, offset, count) =>
                    {
                        lock (wiring._gate)
                        {
                            wiring._lan.OnDatagram(from, buffer, offset, count);
                        }
                    }, local, clock, core, port);
                }
            }

            return wiring;
        }

        /// <summary>A button was pressed.</summary>
        public void Press(int button)
        {
            lock (_gate)
            {
                bool listShown = _lan != null && _lan.Selected >= 0 && _core.IsIdle
                                 && _core.CurrentScreen != null && _core.CurrentScreen.Kind == ScreenKind.PhoneList;
                if (_lan != null && !listShown)
                {
                    _lan.Close();
                }

                if (listShown && button != Centre)
                {
                    NetAddress picked = button == Left ? _lan.TakeSelected() : null;
                    _lan.Close();
                    if (picked == null || !_core.Pair(picked))
                    {
                        _core.ShowIdle();
                    }
                }
                else if (_core.ContactListShown)
                {
                    ContactListButton(button);
                }
                else if (button == Left)
                {
                    if (!_core.ConfirmCode() && !_core.Accept() && _core.IsIdle)
                    {
                        _core.ShowContacts();
                    }
                }
                else if (button == Right)
                {
                    if (_core.IsIdle && !_core.InPairingMode && !_core.ContactListShown)
                    {
                        _core.StartPairingMode(); // let one other phone pair with this one (docs/protocol.md §5.2)
                    }
                    else if (!_core.RejectCode())
                    {
                        _core.HangUp();
                    }
                }
                else if (_core.IsIdle)
                {
                    ContactRecord contact = _core.Store.ReadContact(0);
                    if (contact != null)
                    {
                        _core.Call(0, _lan == null ? _peer : _lan.Locate(contact.PublicKey, _peer));
                    }
                    else if (_lan != null)
                    {
                        _lan.ShowOrMove(_core);
                    }
                    else
                    {
                        _core.Pair(_peer);
                    }
                }
            }
        }

        /// <summary>The three buttons on the contact list: call the selected contact, next contact, next letter.</summary>
        private void ContactListButton(int button)
        {
            if (button == Left)
            {
                ContactListEntry selected = _core.SelectedContact;
                ContactRecord contact = selected == null ? null : _core.Store.ReadContact(selected.Index);
                if (contact != null)
                {
                    _core.Call(contact.Index, _lan == null ? _peer : _lan.Locate(contact.PublicKey, _peer));
                }
            }
            else if (button == Centre ? !_core.ContactListMove(1) : !_core.ContactListNextLetter())
            {
                _core.ShowIdle();
            }
        }

        /// <summary>Runs timers forever (call from the board's main thread).</summary>
        public void RunForever()
        {
            while (true)
            {
                lock (_gate)
                {
                    _core.OnTick();
                    if (_lan != null)
                    {
                        _lan.Tick();
                    }
                }

                Thread.Sleep(10);
            }
        }

        private static NetAddress Parse(string dotted, int port)
        {
            string[] p = dotted.Split('.');
            return new NetAddress(byte.Parse(p[0]), byte.Parse(p[1]), byte.Parse(p[2]), byte.Parse(p[3]), port);
        }
    }
}
