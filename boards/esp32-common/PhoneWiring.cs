// SPDX-License-Identifier: MIT
using System.Threading;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// Connects a board to the firmware: Wi-Fi, self-test, key store (BoardStartup), UDP
    /// transport, clock, and three buttons mapped onto PhoneCore's user actions. PhoneCore is
    /// driven from two threads (the UDP receiver and the tick loop), so every call holds one lock.
    /// Only firmware and mscorlib types appear here, so the nano compile check covers it; the
    /// package-bound pieces (Wi-Fi, sockets, clock, display) come in from the board's Program.
    /// </summary>
    public class PhoneWiring
    {
        /// <summary>Left button: confirm the code / accept a call.</summary>
        public const int Left = 0;

        /// <summary>Centre button: call contact 0, or pair with the peer when there is none.</summary>
        public const int Centre = 1;

        /// <summary>Right button: reject the code / hang up.</summary>
        public const int Right = 2;

        private readonly object _gate = new object();
        private readonly PhoneCore _core;
        private readonly NetAddress _peer;

        private PhoneWiring(PhoneCore core, NetAddress peer)
        {
            _core = core;
            _peer = peer;
        }

        /// <summary>
        /// Starts the phone on this board; peer is "a.b.c.d" (the port is the phone port). mic and
        /// speaker are the board's audio adapters (null: that direction carries no audio).
        /// </summary>
        public static PhoneWiring Start(IDisplay display, NetworkJoin join, OpenTransport openTransport,
            IClock clock, int port, string peer, IAudioSource mic, IAudioSink speaker)
        {
            KeyStore store = BoardStartup.Start(display, join);
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
            }

            return wiring;
        }

        /// <summary>A button was pressed.</summary>
        public void Press(int button)
        {
            lock (_gate)
            {
                if (button == Left)
                {
                    if (!_core.ConfirmCode())
                    {
                        _core.Accept();
                    }
                }
                else if (button == Right)
                {
                    if (!_core.RejectCode())
                    {
                        _core.HangUp();
                    }
                }
                else if (_core.IsIdle)
                {
                    if (_core.Store.ReadContact(0) != null)
                    {
                        _core.Call(0, _peer);
                    }
                    else
                    {
                        _core.Pair(_peer);
                    }
                }
            }
        }

        /// <summary>Drives the firmware's timers; never returns.</summary>
        public void RunForever()
        {
            while (true)
            {
                lock (_gate)
                {
                    _core.OnTick();
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
