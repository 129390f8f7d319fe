// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Phone.Sim.Net
{
    /// <summary>
    /// A two-port UDP "wire" between phone A and phone B. A sends to PortForA and
    /// the relay passes the datagram on to B from PortForB; B's datagrams to
    /// PortForB reach A from PortForA. So each phone sees the other at the relay,
    /// either side can start, and each direction has its own delay and faults.
    /// </summary>
    internal sealed class UdpRelay : IDisposable
    {
        private const int HistoryLength = 64;

        private readonly Direction _aToB;
        private readonly Direction _bToA;
        private readonly DelayLine _delay = new DelayLine("relay delay line");
        private readonly Socket _socketForA;
        private readonly Socket _socketForB;
        private volatile bool _running = true;

        /// <summary>
        /// Relays between a and b. portForA/portForB 0 pick free ports; host is the
        /// address the relay listens on.
        /// </summary>
        public UdpRelay(IPEndPoint a, IPEndPoint b, LinkFaults aToB, LinkFaults bToA,
            int portForA = 0, int portForB = 0, IPAddress host = null)
        {
            IPAddress listen = host ?? IPAddress.Loopback;
            _socketForA = Bind(new IPEndPoint(listen, portForA));
            _socketForB = Bind(new IPEndPoint(listen, portForB));
            _aToB = new Direction("A->B", _socketForA, _socketForB, b, aToB ?? new LinkFaults());
            _bToA = new Direction("B->A", _socketForB, _socketForA, a, bToA ?? new LinkFaults());
            StartReceiver(_aToB);
            StartReceiver(_bToA);
        }

        /// <summary>Where A sends to reach B (and where A sees B's datagrams come from).</summary>
        public IPEndPoint PortForA => (IPEndPoint)_socketForA.LocalEndPoint;

        /// <summary>Where B sends to reach A.</summary>
        public IPEndPoint PortForB => (IPEndPoint)_socketForB.LocalEndPoint;

        /// <summary>What happened to A's datagrams.</summary>
        public LinkStats AToB => _aToB.Stats;

        /// <summary>What happened to B's datagrams.</summary>
        public LinkStats BToA => _bToA.Stats;

        /// <summary>Stops relaying and closes both ports.</summary>
        public void Dispose()
        {
            _running = false;
            _socketForA.Dispose();
            _socketForB.Dispose();
            _delay.Dispose();
        }

        private static Socket Bind(IPEndPoint endPoint)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(endPoint);
            socket.ReceiveBufferSize = 1 << 20;
            return socket;
        }

        private void StartReceiver(Direction direction)
        {
            var thread = new Thread(() => Receive(direction)) { IsBackground = true, Name = "relay " + direction.Name };
            thread.Start();
        }

        private void Receive(Direction d)
        {
            var buffer = new byte[65536];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            while (_running)
            {
                int n;
                try
                {
                    n = d.In.ReceiveFrom(buffer, ref from);
                }
                catch (SocketException)
                {
                    continue; // ICMP unreachable from an earlier send: the peer is not up (yet)
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                var datagram = new byte[n];
                Array.Copy(buffer, datagram, n);
                Forward(d, datagram);
            }
        }

        private void Forward(Direction d, byte[] datagram)
        {
            d.Stats.CountReceived();
            if (d.Faults.IsClean)
            {
                SendNow(d, datagram);
                return;
            }

            // Draw the same numbers for every datagram, so a seed gives one fault pattern.
            double lose = d.Random.NextDouble(), hold = d.Random.NextDouble(), holdFor = d.Random.NextDouble();
            double duplicate = d.Random.NextDouble(), replay = d.Random.NextDouble(), pick = d.Random.NextDouble();
            if (lose < d.Faults.Loss)
            {
                d.Stats.CountDropped();
                return;
            }

            double delay = d.Faults.DelayMs + d.Faults.JitterMs * d.Jitter.NextDouble();
            if (hold < d.Faults.Reorder)
            {
                delay += 25 + 30 * holdFor; // longer than a media frame interval: the next one overtakes
                d.Stats.CountReordered();
            }

            Schedule(d, datagram, delay);
            if (duplicate < d.Faults.Duplicate)
            {
                d.Stats.CountDuplicated();
                Schedule(d, datagram, delay + 10 * holdFor);
            }

            if (replay < d.Faults.Replay && d.History.Count > 0)
            {
                d.Stats.CountReplayed();
                Schedule(d, d.History[(int)(pick * d.History.Count)], delay);
            }

            d.History.Add(datagram);
            if (d.History.Count > HistoryLength)
            {
                d.History.RemoveAt(0);
            }
        }

        private void Schedule(Direction d, byte[] datagram, double delayMs)
        {
            _delay.Schedule(d.Out, d.Target, datagram, delayMs, d.Stats.CountForwarded);
        }

        private static void SendNow(Direction d, byte[] datagram)
        {
            try
            {
                d.Out.SendTo(datagram, d.Target);
                d.Stats.CountForwarded();
            }
            catch (SocketException)
            {
                // lost, as on a real network
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private sealed class Direction
        {
            public Direction(string name, Socket @in, Socket @out, IPEndPoint target, LinkFaults faults)
            {
                Name = name;
                In = @in;
                Out = @out;
                Target = target;
                Faults = faults;
                Random = new Random(faults.Seed);
                Jitter = new Random(faults.Seed ^ JitterSeed);
            }

            // Jitter draws come from their own stream: a seed's other faults stay as they were.
            private const int JitterSeed = 0x5A17;

            public string Name { get; }
            public Socket In { get; }
            public Socket Out { get; }
            public IPEndPoint Target { get; }
            public LinkFaults Faults { get; }
            public Random Random { get; }
            public Random Jitter { get; }
            public LinkStats Stats { get; } = new LinkStats();
            public List<byte[]> History { get; } = new List<byte[]>();
        }
    }
}
