// SPDX-License-Identifier: MIT
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Sim.Board;
using Phone.Sim.Net;

namespace Phone.Benchmarks
{
    /// <summary>
    /// Latency of the protocol over real UDP through a relay that adds 25 ms each
    /// way, as a ratio to the relay's own round trip measured in the same run
    /// (the baseline): "call" to media keys ready (goal: 1 round trip + at most
    /// 10 ms) and "pair" to the code shown on both phones (goal: 1.5 round trips
    /// + at most 10 ms).
    /// </summary>
    [Config(typeof(LatencyConfig))]
    public class RelayLatencyBenchmarks
    {
        /// <summary>Added one-way delay of the relay.</summary>
        public const int DelayMs = 25;

        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
        private string _dir;
        private SimPhone _alice;
        private SimPhone _bob;
        private UdpRelay _relay;
        private NetAddress _bobViaRelay;
        private int _bobIndex;
        private int _mark;
        private Socket _probe;
        private Socket _echo;
        private UdpRelay _probeRelay;
        private Thread _echoThread;
        private readonly byte[] _ping = new byte[64];
        private readonly byte[] _pong = new byte[64];

        [GlobalSetup]
        public void Setup()
        {
            _dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "phone-bench-" + Guid.NewGuid().ToString("N"));
            _alice = Start("Alice", false);
            _bob = Start("Bob", true);
            var faults = new LinkFaults { DelayMs = DelayMs };
            _relay = new UdpRelay(_alice.EndPoint, _bob.EndPoint, faults, faults);
            _bobViaRelay = Endpoints.ToNetAddress(_relay.PortForA);
            PairOnce();
            StartEcho(faults);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _alice.Dispose();
            _bob.Dispose();
            _relay.Dispose();
            _probeRelay.Dispose();
            _probe.Dispose();
            _echo.Dispose();
            System.IO.Directory.Delete(_dir, true);
        }

        /// <summary>One datagram to an echo behind an identical relay and back: the network's round trip.</summary>
        [Benchmark(Baseline = true)]
        public void RelayRoundTrip()
        {
            _probe.SendTo(_ping, _probeRelay.PortForA);
            _probe.Receive(_pong);
        }

        /// <summary>From Call (Noise IKpsk2, CALL_1) to Alice's media keys ready.</summary>
        [Benchmark]
        public void CallToKeysReady()
        {
            int mark = _alice.Log.Mark();
            if (!_alice.Call(_bobIndex))
            {
                throw new InvalidOperationException("call refused");
            }

            SimEvent ready = _alice.Log.Wait(e => e.Is(PhoneEventKind.CallKeysReady), mark, Timeout, "call keys");
            LatencyRecord.Add(nameof(CallToKeysReady), ready.Event.RoundTrips, ready.Event.Retransmissions);
            _mark = mark;
        }

        [IterationCleanup(Target = nameof(CallToKeysReady))]
        public void EndCall()
        {
            _alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), _mark, Timeout, "connected");
            _alice.HangUp();
            WaitIdle();
        }

        /// <summary>From Pair (Noise XX, PAIR_1) to the code on both displays (Bob's comes last, after PAIR_3).</summary>
        [Benchmark]
        public void PairToCodeShown()
        {
            int ma = _alice.Log.Mark(), mb = _bob.Log.Mark();
            if (!_alice.Pair(_bobViaRelay))
            {
                throw new InvalidOperationException("pairing refused");
            }

            _alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), ma, Timeout, "Alice's code");
            SimEvent last = _bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), mb, Timeout, "Bob's code");
            LatencyRecord.Add(nameof(PairToCodeShown), last.Event.Flights / 2.0, last.Event.Retransmissions);
        }

        /// <summary>Bob's user starts pairing mode before each measured pairing (not part of the figure).</summary>
        [IterationSetup(Target = nameof(PairToCodeShown))]
        public void StartBobsPairingMode()
        {
            if (!_bob.StartPairingMode())
            {
                throw new InvalidOperationException("pairing mode refused");
            }
        }

        [IterationCleanup(Target = nameof(PairToCodeShown))]
        public void EndPairing()
        {
            _alice.Reject();
            _bob.Reject();
            WaitIdle();
        }

        private SimPhone Start(string name, bool autoAnswer)
        {
            return SimPhone.Start(new SimPhoneOptions
            {
                Name = name,
                FlashDir = System.IO.Path.Combine(_dir, name),
                Configure = c =>
                {
                    c.AutoAnswer = autoAnswer;
                    c.LingerMs = 300;
                    c.PerSourceRate = 100; // back-to-back pairings are the benchmark, not a flood
                    c.GlobalRate = 200;
                }
            });
        }

        private void PairOnce()
        {
            _bob.StartPairingMode();
            _alice.Pair(_bobViaRelay);
            _alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, Timeout, "code");
            _bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, Timeout, "code");
            _alice.Confirm();
            _bob.Confirm();
            _bobIndex = _alice.Log.Wait(e => e.Is(PhoneEventKind.Pinned), 0, Timeout, "pinned").Event.ContactIndex;
            _bob.Log.Wait(e => e.Is(PhoneEventKind.Pinned), 0, Timeout, "pinned");
            WaitIdle();
        }

        private void WaitIdle()
        {
            DateTime end = DateTime.UtcNow + Timeout;
            while (!(_alice.IsIdle && _bob.IsIdle))
            {
                if (DateTime.UtcNow > end)
                {
                    throw new TimeoutException("phones did not become idle");
                }

                Thread.Sleep(5);
            }
        }

        private void StartEcho(LinkFaults faults)
        {
            _probe = Bind();
            _echo = Bind();
            _probeRelay = new UdpRelay((IPEndPoint)_probe.LocalEndPoint, (IPEndPoint)_echo.LocalEndPoint, faults, faults);
            _echoThread = new Thread(() =>
            {
                var buffer = new byte[64];
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                try
                {
                    while (true)
                    {
                        int n = _echo.ReceiveFrom(buffer, ref from);
                        _echo.SendTo(buffer, n, SocketFlags.None, from);
                    }
                }
                catch (ObjectDisposedException)
                {
                }
                catch (SocketException)
                {
                }
            }) { IsBackground = true };
            _echoThread.Start();
        }

        private static Socket Bind()
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return s;
        }
    }
}
