// SPDX-License-Identifier: MIT
using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Wire;

namespace Phone.Benchmarks
{
    /// <summary>
    /// A whole pairing handshake (XX, both sides in this process, through the managed binding
    /// into the native core), classical (protocol version 1, the baseline) against hybrid
    /// (version 2: ML-KEM-768 between messages 1 and 2, messages 1 and 2 cut into fragments by
    /// the firmware's FragmentWriter), side by side in one run. Payloads as a pairing's: C, then
    /// N_r and "Bob", then N_i and "Alice". WireBytes prints the bytes each variant puts on the wire.
    /// </summary>
    [Config(typeof(HybridPairingConfig))]
    public class HybridPairingBenchmarks
    {
        private static readonly byte[] Prologue = Utf8.GetBytes("phone/v1/pair");
        private readonly byte[] _message = new byte[FragmentFormat.MaxMessage];
        private readonly byte[] _payload = new byte[256];
        private readonly byte[] _scratch = new byte[WireFormat.MaxDatagram];
        private readonly CountingWire _wire = new CountingWire();
        private string _dirA;
        private string _dirB;
        private KeyStore _a;
        private KeyStore _b;

        [GlobalSetup]
        public void Setup()
        {
            CryptoCore.SelfTest();
            _dirA = TempDir();
            _dirB = TempDir();
            _a = KeyStore.Open(_dirA);
            _b = KeyStore.Open(_dirB);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _a.Dispose();
            _b.Dispose();
            Directory.Delete(_dirA, true);
            Directory.Delete(_dirB, true);
        }

        [Benchmark(Baseline = true)]
        public int Classical()
        {
            return Run(false);
        }

        [Benchmark]
        public int Hybrid()
        {
            return Run(true);
        }

        /// <summary>Prints the wire bytes of one pairing handshake of each kind (Markdown rows).</summary>
        public static void WireBytes()
        {
            var bench = new HybridPairingBenchmarks();
            bench.Setup();
            try
            {
                bench.Run(false);
                int classicalBytes = bench._wire.Bytes, classicalDatagrams = bench._wire.Datagrams;
                bench.Run(true);
                int hybridBytes = bench._wire.Bytes, hybridDatagrams = bench._wire.Datagrams;
                Console.WriteLine("| pairing handshake (PAIR_1, PAIR_2, PAIR_3 once each) | datagrams | bytes |");
                Console.WriteLine("|---|---:|---:|");
                Console.WriteLine($"| classical (version 1) | {classicalDatagrams} | {classicalBytes:N0} |");
                Console.WriteLine($"| hybrid (version 2) | {hybridDatagrams} | {hybridBytes:N0} |");
                Console.WriteLine($"| hybrid - classical | {hybridDatagrams - classicalDatagrams} | {hybridBytes - classicalBytes:N0} |");
            }
            finally
            {
                bench.Cleanup();
            }
        }

        /// <summary>
        /// Prints the median time of a whole pairing of each kind, measured alternately (classical,
        /// hybrid, classical, ...) so that a shared machine's changing load falls on both alike.
        /// </summary>
        public static void Interleaved(int pairs)
        {
            var bench = new HybridPairingBenchmarks();
            bench.Setup();
            try
            {
                var classical = new double[pairs];
                var hybrid = new double[pairs];
                for (int k = 0; k < 20; k++)
                {
                    bench.Run(k % 2 == 0); // warm-up
                }

                var watch = new System.Diagnostics.Stopwatch();
                for (int k = 0; k < pairs; k++)
                {
                    watch.Restart();
                    bench.Run(false);
                    classical[k] = watch.Elapsed.TotalMilliseconds * 1000;
                    watch.Restart();
                    bench.Run(true);
                    hybrid[k] = watch.Elapsed.TotalMilliseconds * 1000;
                }

                Array.Sort(classical);
                Array.Sort(hybrid);
                double c = classical[pairs / 2], h = hybrid[pairs / 2];
                Console.WriteLine($"| whole XX pairing, {pairs} of each, alternating | median | hybrid / classical |");
                Console.WriteLine("|---|---:|---:|");
                Console.WriteLine($"| classical (version 1) | {c:N0} µs | |");
                Console.WriteLine($"| hybrid (version 2) | {h:N0} µs | {h / c:F2}x |");
            }
            finally
            {
                bench.Cleanup();
            }
        }

        /// <summary>One whole XX; returns the bytes sent (so nothing is optimised away).</summary>
        private int Run(bool hybrid)
        {
            _wire.Reset();
            using var i = new Handshake(_a, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            using var r = new Handshake(_b, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
            int n = i.WriteMessage(_payload, 32, _message, WireFormat.HandshakeBodyOffset);
            byte[] ek = hybrid ? i.KemOffer() : null;
            n += Append(ek, WireFormat.HandshakeBodyOffset + n);
            Send(MessageType.Pair1, n, hybrid);
            int noise1 = hybrid ? n - ek.Length : n;
            Check(r.ReadMessage(_message, WireFormat.HandshakeBodyOffset, noise1, _payload));

            byte[] ct = hybrid ? new byte[CryptoCore.KemCiphertextLength] : null;
            if (hybrid)
            {
                Check(r.KemAccept(ek, ek.Length, ct));
            }

            int lead = Append(ct, WireFormat.HandshakeBodyOffset);
            n = lead + r.WriteMessage(_payload, 36, _message, WireFormat.HandshakeBodyOffset + lead);
            Send(MessageType.Pair2, n, hybrid);
            if (hybrid)
            {
                Check(i.KemFinish(ct, ct.Length));
            }

            Check(i.ReadMessage(_message, WireFormat.HandshakeBodyOffset + lead, n - lead, _payload));
            n = i.WriteMessage(_payload, 38, _message, WireFormat.HandshakeBodyOffset);
            Send(MessageType.Pair3, n, hybrid);
            Check(r.ReadMessage(_message, WireFormat.HandshakeBodyOffset, n, _payload));
            i.Split().Dispose();
            r.Split().Dispose();
            return _wire.Bytes;
        }

        private int Append(byte[] value, int at)
        {
            if (value == null)
            {
                return 0;
            }

            Array.Copy(value, 0, _message, at, value.Length);
            return value.Length;
        }

        /// <summary>Frames the message as the firmware does: fragments for version 2's types 1 and 2 when hybrid.</summary>
        private void Send(byte type, int bodyLength, bool hybrid)
        {
            HandshakeDatagram.WriteHeader(_message, type, 1, type == MessageType.Pair1 ? 0u : 2u);
            int length = WireFormat.HandshakeBodyOffset + bodyLength;
            if (hybrid && type != MessageType.Pair3)
            {
                FragmentWriter.Send(_wire, null, _message, length, _scratch);
            }
            else
            {
                _wire.Send(null, _message, 0, length);
            }
        }

        private static void Check(int result)
        {
            if (result < 0)
            {
                throw new InvalidOperationException("handshake step failed: " + result);
            }
        }

        private static string TempDir()
        {
            string dir = Path.Combine(Path.GetTempPath(), "phone-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>Counts what would be sent; keeps nothing.</summary>
        private sealed class CountingWire : IDatagramTransport
        {
            public int Bytes { get; private set; }
            public int Datagrams { get; private set; }

            public void Reset()
            {
                Bytes = 0;
                Datagrams = 0;
            }

            public void Send(NetAddress to, byte[] buffer, int offset, int count)
            {
                Bytes += count;
                Datagrams++;
            }
        }
    }
}
