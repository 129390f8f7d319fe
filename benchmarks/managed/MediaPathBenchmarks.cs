// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace Phone.Benchmarks
{
    /// <summary>
    /// Managed allocations on the media path of a connected call: one 20 ms frame
    /// read, encoded, framed, sealed and sent (send), and one sealed packet
    /// opened and played (receive). The goal is zero bytes per packet.
    /// </summary>
    [Config(typeof(MediaPathConfig))]
    public class MediaPathBenchmarks
    {
        internal const int PacketsPerIteration = 4096;
        private MemoryPhones _phones;
        private List<byte[]> _packets;
        private int _next;

        [GlobalSetup]
        public void Setup()
        {
            _phones = new MemoryPhones();
            if (!_phones.Connect())
            {
                throw new System.InvalidOperationException("call did not connect");
            }

            _phones.Wire.A.Drop = true;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _phones.Dispose();
        }

        /// <summary>Sealed packets from A for the receive benchmark, made outside the measurement.</summary>
        [IterationSetup(Target = nameof(ReceivePacket))]
        public void MakePackets()
        {
            _packets = new List<byte[]>(PacketsPerIteration);
            _phones.Wire.A.Capture = _packets;
            while (_packets.Count < PacketsPerIteration)
            {
                SendPacket();
            }

            _phones.Wire.A.Capture = null;
            _next = 0;
        }

        /// <summary>A's frame timer fires once: one media packet sealed and sent.</summary>
        [Benchmark]
        public void SendPacket()
        {
            _phones.Clock.NowMilliseconds += 20;
            _phones.A.OnTick();
        }

        /// <summary>B opens one of A's sealed packets and plays the frame.</summary>
        [Benchmark]
        public void ReceivePacket()
        {
            byte[] packet = _packets[_next++];
            _phones.B.OnDatagram(_phones.Wire.A.Address, packet, 0, packet.Length);
        }
    }
}
