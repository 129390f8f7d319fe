// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware;
using Phone.Firmware.Board;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// In-memory network of the scenario: a fixed one-way latency, delivery in send order
    /// among datagrams due at the same time, and a log of everything sent.
    /// </summary>
    internal sealed class VectorNetwork
    {
        private readonly VectorClock _clock;
        private readonly int _latencyMs;
        private readonly List<SentDatagram> _queue = new List<SentDatagram>();
        private readonly Dictionary<string, PhoneCore> _phones = new Dictionary<string, PhoneCore>();
        private readonly Dictionary<string, string> _names = new Dictionary<string, string>();
        private readonly Dictionary<string, NetAddress> _addresses = new Dictionary<string, NetAddress>();

        public VectorNetwork(VectorClock clock, int latencyMs)
        {
            _clock = clock;
            _latencyMs = latencyMs;
        }

        /// <summary>Every datagram sent, in order.</summary>
        public List<SentDatagram> Log { get; } = new List<SentDatagram>();

        public int LatencyMs => _latencyMs;

        public void Attach(string name, NetAddress address, PhoneCore phone)
        {
            _phones[address.ToString()] = phone;
            _names[address.ToString()] = name;
            _addresses[name] = address;
        }

        public IDatagramTransport TransportFor(NetAddress self) => new Transport(this, self);

        /// <summary>Delivers every due datagram (FIFO among equal due times); how many.</summary>
        public int Pump()
        {
            int delivered = 0;
            while (true)
            {
                int next = -1;
                for (int i = 0; i < _queue.Count; i++)
                {
                    if (_queue[i].Due <= _clock.NowMilliseconds && (next < 0 || _queue[i].Due < _queue[next].Due))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    return delivered;
                }

                SentDatagram d = _queue[next];
                _queue.RemoveAt(next);
                delivered++;
                foreach (var p in _phones)
                {
                    if (_names[p.Key] == d.To)
                    {
                        p.Value.OnDatagram(AddressOf(d.From), d.Bytes, 0, d.Bytes.Length);
                    }
                }
            }
        }

        private NetAddress AddressOf(string name)
        {
            return _addresses.TryGetValue(name, out var a) ? a : throw new InvalidOperationException("no phone " + name);
        }

        private void Send(NetAddress from, NetAddress to, byte[] buffer, int offset, int count)
        {
            var copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            string fromName = _names.TryGetValue(from.ToString(), out var f) ? f : from.ToString();
            string toName = _names.TryGetValue(to.ToString(), out var t) ? t : to.ToString();
            var d = new SentDatagram(Log.Count, _clock.NowMilliseconds, fromName, toName, copy,
                _clock.NowMilliseconds + _latencyMs);
            Log.Add(d);
            _queue.Add(d);
        }

        private sealed class Transport : IDatagramTransport
        {
            private readonly VectorNetwork _net;
            private readonly NetAddress _self;

            public Transport(VectorNetwork net, NetAddress self)
            {
                _net = net;
                _self = self;
            }

            public void Send(NetAddress to, byte[] buffer, int offset, int count)
            {
                _net.Send(_self, to, buffer, offset, count);
            }
        }
    }
}
