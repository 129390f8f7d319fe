// SPDX-License-Identifier: MIT
using System;
using Phone.Firmware;
using Phone.Firmware.Board;

namespace Phone.Benchmarks
{
    /// <summary>
    /// Two phones joined in memory, without allocating: each datagram is copied
    /// into one of a fixed ring of 1200-byte slots and delivered by Pump. A side
    /// can instead capture what it sends (to feed the receive benchmark) or drop it.
    /// </summary>
    internal sealed class MemoryWire
    {
        private const int Slots = 256;
        private readonly byte[][] _slot = new byte[Slots][];
        private readonly int[] _length = new int[Slots];
        private readonly bool[] _fromA = new bool[Slots];
        private int _head;
        private int _count;

        public MemoryWire()
        {
            for (int i = 0; i < Slots; i++)
            {
                _slot[i] = new byte[1200];
            }

            A = new End(this, true, new NetAddress(10, 0, 0, 1, 5001));
            B = new End(this, false, new NetAddress(10, 0, 0, 2, 5002));
        }

        /// <summary>Phone A's side.</summary>
        public End A { get; }

        /// <summary>Phone B's side.</summary>
        public End B { get; }

        /// <summary>Delivers every queued datagram (and those sent meanwhile); returns how many.</summary>
        public int Pump()
        {
            int delivered = 0;
            while (_count > 0)
            {
                int i = _head;
                _head = (_head + 1) % Slots;
                _count--;
                End to = _fromA[i] ? B : A;
                End from = _fromA[i] ? A : B;
                to.Core.OnDatagram(from.Address, _slot[i], 0, _length[i]);
                delivered++;
            }

            return delivered;
        }

        private void Enqueue(bool fromA, byte[] buffer, int offset, int count)
        {
            if (_count == Slots)
            {
                throw new InvalidOperationException("memory wire full");
            }

            int i = (_head + _count) % Slots;
            Buffer.BlockCopy(buffer, offset, _slot[i], 0, count);
            _length[i] = count;
            _fromA[i] = fromA;
            _count++;
        }

        /// <summary>One phone's transport.</summary>
        internal sealed class End : IDatagramTransport
        {
            private readonly MemoryWire _wire;
            private readonly bool _isA;
            private readonly byte[] _scratch = new byte[1200];

            public End(MemoryWire wire, bool isA, NetAddress address)
            {
                _wire = wire;
                _isA = isA;
                Address = address;
            }

            /// <summary>The phone's address on the wire.</summary>
            public NetAddress Address { get; }

            /// <summary>The phone attached to this end.</summary>
            public PhoneCore Core { get; set; }

            /// <summary>Deliver (default), or drop what this side sends.</summary>
            public bool Drop { get; set; }

            /// <summary>If set, copies of what this side sends are added here instead of delivered.</summary>
            public System.Collections.Generic.List<byte[]> Capture { get; set; }

            public void Send(NetAddress to, byte[] buffer, int offset, int count)
            {
                if (Capture != null)
                {
                    var copy = new byte[count];
                    Buffer.BlockCopy(buffer, offset, copy, 0, count);
                    Capture.Add(copy);
                }
                else if (Drop)
                {
                    Buffer.BlockCopy(buffer, offset, _scratch, 0, count); // the copy a NIC driver would make
                }
                else
                {
                    _wire.Enqueue(_isA, buffer, offset, count);
                }
            }
        }
    }
}
