// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware.Board;
using Phone.Firmware.Discovery;
using Phone.Tests.Firmware.Support;

namespace Phone.Tests.Firmware.Discovery.Support
{
    /// <summary>
    /// An in-memory LAN for discovery: every node has an address and a
    /// PhoneDiscovery; a datagram to 224.0.0.251 reaches every node that joined
    /// (the sender too, like IP_MULTICAST_LOOP), a unicast one the node at that
    /// address. Time is a ManualClock moved in 10 ms steps; all traffic is logged.
    /// </summary>
    public sealed class MdnsLan
    {
        private const int StepMs = 10;

        private readonly List<Node> _nodes = new List<Node>();
        private readonly List<(NetAddress From, NetAddress To, byte[] Bytes)> _queue =
            new List<(NetAddress, NetAddress, byte[])>();

        public ManualClock Clock { get; } = new ManualClock();

        /// <summary>Every datagram sent, in order (from, to, bytes).</summary>
        public List<(NetAddress From, NetAddress To, byte[] Bytes)> Sent { get; } =
            new List<(NetAddress, NetAddress, byte[])>();

        /// <summary>Decides per datagram whether it is delivered (null: all are).</summary>
        public Func<byte[], bool> Deliver { get; set; }

        public static NetAddress Ip(int n, int port = 5060) => new NetAddress(10, 0, 0, (byte)n, port);

        /// <summary>A phone at 10.0.0.n:5060 advertising name with a key made of byte keySeed; started.</summary>
        public Node Add(string name, int n, byte keySeed, DiscoveryConfig config = null, bool start = true)
        {
            var node = new Node(this, Ip(n, MdnsGroup.Port));
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(keySeed + i);
            }

            node.Key = key;
            node.Discovery = new PhoneDiscovery(config ?? new DiscoveryConfig(), node, Clock, name, key, 1);
            _nodes.Add(node);
            if (start)
            {
                node.Discovery.Start(Ip(n));
            }

            return node;
        }

        /// <summary>A bare socket on the LAN (a spoofer or a test querier) that records what it receives.</summary>
        public Node AddListener(int n, int port = MdnsGroup.Port)
        {
            var node = new Node(this, Ip(n, port));
            _nodes.Add(node);
            return node;
        }

        public void Remove(Node node) => _nodes.Remove(node);

        /// <summary>Runs the LAN for ms milliseconds of simulated time.</summary>
        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += StepMs)
            {
                DeliverAll();
                foreach (Node node in _nodes.ToArray())
                {
                    if (node.Discovery != null && Clock.NowMilliseconds >= node.Discovery.NextDeadline)
                    {
                        node.Discovery.OnTick();
                    }
                }

                DeliverAll();
                Clock.Advance(StepMs);
            }
        }

        /// <summary>Sends bytes from from to the group now (a packet built by the test).</summary>
        public void Inject(NetAddress from, byte[] bytes) => Enqueue(from, MdnsGroup.Address(MdnsGroup.Port), bytes);

        private void Enqueue(NetAddress from, NetAddress to, byte[] bytes)
        {
            Sent.Add((from, to, bytes));
            if (Deliver == null || Deliver(bytes))
            {
                _queue.Add((from, to, bytes));
            }
        }

        private void DeliverAll()
        {
            while (_queue.Count > 0)
            {
                var d = _queue[0];
                _queue.RemoveAt(0);
                bool multicast = d.To.Octet(0) == 224;
                foreach (Node node in _nodes.ToArray())
                {
                    if (multicast ? node.Joined : node.Address.SameAs(d.To))
                    {
                        node.Receive(d.From, d.Bytes);
                    }
                }
            }
        }

        public sealed class Node : IMulticastTransport
        {
            private readonly MdnsLan _lan;

            internal Node(MdnsLan lan, NetAddress address)
            {
                _lan = lan;
                Address = address;
                Joined = address.Port == MdnsGroup.Port;
            }

            public NetAddress Address { get; set; }
            public PhoneDiscovery Discovery { get; set; }
            public byte[] Key { get; set; }
            public bool Joined { get; private set; }

            /// <summary>What a bare listener received.</summary>
            public List<byte[]> Received { get; } = new List<byte[]>();

            public bool JoinGroup(NetAddress group)
            {
                Joined = group.Octet(0) == 224 && group.Octet(3) == 251;
                return Joined;
            }

            public void Send(NetAddress to, byte[] buffer, int offset, int count)
            {
                byte[] copy = new byte[count];
                Array.Copy(buffer, offset, copy, 0, count);
                _lan.Enqueue(Address, to, copy);
            }

            internal void Receive(NetAddress from, byte[] bytes)
            {
                if (Discovery != null)
                {
                    Discovery.OnDatagram(from, bytes, 0, bytes.Length);
                }
                else
                {
                    Received.Add(bytes);
                }
            }
        }
    }
}
