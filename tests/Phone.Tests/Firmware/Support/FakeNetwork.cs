// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware;
using Phone.Firmware.Board;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>One datagram in flight.</summary>
    public sealed class Datagram
    {
        public Datagram(NetAddress from, NetAddress to, byte[] bytes)
        {
            From = from;
            To = to;
            Bytes = bytes;
        }

        public NetAddress From { get; }
        public NetAddress To { get; set; }
        public byte[] Bytes { get; }
        public long DueAt { get; set; }
        public int Type => Bytes.Length > 1 ? Bytes[1] : -1;
    }

    /// <summary>
    /// In-memory datagram network: phones (or test agents) registered by
    /// address, a FIFO of datagrams in flight, an optional interceptor that
    /// may drop, rewrite or redirect each datagram, and a log of all traffic.
    /// </summary>
    public sealed class FakeNetwork
    {
        private readonly List<Datagram> _queue = new List<Datagram>();
        private readonly ManualClock _clock;

        public FakeNetwork(ManualClock clock = null)
        {
            _clock = clock;
        }

        /// <summary>One-way delay added to every datagram (needs the clock).</summary>
        public int LatencyMs { get; set; }

        /// <summary>Datagrams waiting for delivery.</summary>
        public int InFlight => _queue.Count;
        private readonly Dictionary<string, Action<Datagram>> _endpoints = new Dictionary<string, Action<Datagram>>();

        /// <summary>Every datagram sent (before interception).</summary>
        public List<Datagram> Log { get; } = new List<Datagram>();

        /// <summary>Called for each datagram before delivery; return false to drop it.</summary>
        public Func<Datagram, bool> Interceptor { get; set; }

        public static NetAddress Address(int n) => new NetAddress(10, 0, 0, (byte)n, 5000 + n);

        public void Attach(NetAddress address, PhoneCore phone)
        {
            _endpoints[address.ToString()] = d => phone.OnDatagram(d.From, d.Bytes, 0, d.Bytes.Length);
        }

        public void Attach(NetAddress address, Action<Datagram> receiver)
        {
            _endpoints[address.ToString()] = receiver;
        }

        public IDatagramTransport TransportFor(NetAddress self) => new Transport(this, self);

        public void Send(NetAddress from, NetAddress to, byte[] bytes)
        {
            var d = new Datagram(from, to, bytes);
            d.DueAt = Now + LatencyMs;
            Log.Add(d);
            _queue.Add(d);
        }

        /// <summary>Delivery time; a negative DueAt d marks a copy requeued by an interceptor, due at -(d+1).</summary>
        private static long Due(Datagram d) => d.DueAt < 0 ? -(d.DueAt + 1) : d.DueAt;

        private long Now => _clock == null ? 0 : _clock.NowMilliseconds;

        /// <summary>Injects a datagram (a test attacker's) for delivery now, bypassing the log.</summary>
        public void Inject(NetAddress from, NetAddress to, byte[] bytes)
        {
            _queue.Add(new Datagram(from, to, bytes) { DueAt = Now });
        }

        /// <summary>Puts a datagram back in flight with its own due time (reordering).</summary>
        public void Requeue(Datagram d)
        {
            _queue.Add(d);
        }

        /// <summary>Delivers every due datagram, in due order, until none is due (bounded).</summary>
        public int Pump(int limit = 100000)
        {
            int delivered = 0;
            while (delivered < limit)
            {
                int next = -1;
                for (int i = 0; i < _queue.Count; i++)
                {
                    if (Due(_queue[i]) <= Now && (next < 0 || Due(_queue[i]) < Due(_queue[next])))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                Datagram d = _queue[next];
                _queue.RemoveAt(next);
                delivered++;
                if (Interceptor != null && !Interceptor(d))
                {
                    continue;
                }

                if (_endpoints.TryGetValue(d.To.ToString(), out var receiver))
                {
                    receiver(d);
                }
            }

            return delivered;
        }

        private sealed class Transport : IDatagramTransport
        {
            private readonly FakeNetwork _net;
            private readonly NetAddress _self;

            public Transport(FakeNetwork net, NetAddress self)
            {
                _net = net;
                _self = self;
            }

            public void Send(NetAddress to, byte[] buffer, int offset, int count)
            {
                var copy = new byte[count];
                Array.Copy(buffer, offset, copy, 0, count);
                _net.Send(_self, to, copy);
            }
        }
    }
}
