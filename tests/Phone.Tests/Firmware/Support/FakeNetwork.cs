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
        public int Type => Bytes.Length > 1 ? Bytes[1] : -1;
    }

    /// <summary>
    /// In-memory datagram network: phones (or test agents) registered by
    /// address, a FIFO of datagrams in flight, an optional interceptor that
    /// may drop, rewrite or redirect each datagram, and a log of all traffic.
    /// </summary>
    public sealed class FakeNetwork
    {
        private readonly Queue<Datagram> _queue = new Queue<Datagram>();
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
            Log.Add(d);
            _queue.Enqueue(d);
        }

        /// <summary>Delivers until nothing is in flight (bounded).</summary>
        public int Pump(int limit = 100000)
        {
            int delivered = 0;
            while (_queue.Count > 0 && delivered < limit)
            {
                Datagram d = _queue.Dequeue();
                if (Interceptor != null && !Interceptor(d))
                {
                    continue;
                }

                if (_endpoints.TryGetValue(d.To.ToString(), out var receiver))
                {
                    receiver(d);
                }

                delivered++;
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
