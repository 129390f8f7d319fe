// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using System.Threading;
using Phone.Sim.Net;

namespace Phone.Sim.Cli
{
    /// <summary>`relay`: a UDP wire between two phones with delay, loss, reordering, duplication, replay.</summary>
    internal static class RelayCommand
    {
        /// <summary>Longest added one-way delay, in ms.</summary>
        public const int MaxDelayMs = 60000;

        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var a = OptionValues.PeerAddress("--a", "phone A's address (host:port)");
            var b = OptionValues.PeerAddress("--b", "phone B's address (host:port)");
            var portA = OptionValues.WholeNumber("--port-a", "port A sends to in order to reach B, 0: any free", 0, 65535, 0);
            var portB = OptionValues.WholeNumber("--port-b", "port B sends to in order to reach A, 0: any free", 0, 65535, 0);
            var delay = OptionValues.WholeNumber("--delay", "added one-way delay in ms", 0, MaxDelayMs, 0);
            var jitter = OptionValues.WholeNumber("--jitter", "extra random one-way delay, 0..N ms per datagram", 0, MaxDelayMs, 0);
            var loss = OptionValues.Number("--loss", "probability a datagram is lost", 0, 1, 0);
            var reorder = OptionValues.Number("--reorder", "probability a datagram is held back so later ones overtake it", 0, 1, 0);
            var duplicate = OptionValues.Number("--duplicate", "probability a datagram is delivered twice", 0, 1, 0);
            var replay = OptionValues.Number("--replay", "probability an older datagram is sent again", 0, 1, 0);
            var seed = OptionValues.WholeNumber("--seed", "seed of the random faults", int.MinValue, int.MaxValue, 1);
            var command = new Command("relay", "Relay UDP between two phones, adding delay and network faults.")
            {
                a, b, portA, portB, delay, jitter, loss, reorder, duplicate, replay, seed
            };
            command.SetAction(parse =>
            {
                var faults = new LinkFaults
                {
                    DelayMs = parse.GetValue(delay), JitterMs = parse.GetValue(jitter), Loss = parse.GetValue(loss), Reorder = parse.GetValue(reorder),
                    Duplicate = parse.GetValue(duplicate), Replay = parse.GetValue(replay), Seed = parse.GetValue(seed)
                };
                return Run(parse.GetValue(a), parse.GetValue(b), faults, parse.GetValue(portA), parse.GetValue(portB));
            });
            return command;
        }

        // Which of the two ports failed, told apart by binding each one alone.
        private static string BindFailure(int portA, int portB, System.Net.Sockets.SocketException e)
        {
            foreach (int port in new[] { portA, portB })
            {
                var endPoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port);
                try
                {
                    using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork,
                        System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
                    probe.Bind(endPoint);
                }
                catch (System.Net.Sockets.SocketException failed)
                {
                    return Endpoints.BindError(endPoint, failed);
                }
            }

            return "cannot open the relay's sockets (" + e.SocketErrorCode + ")";
        }

        private static int Run(System.Net.IPEndPoint a, System.Net.IPEndPoint b, LinkFaults faults, int portA, int portB)
        {
            UdpRelay bound;
            try
            {
                bound = new UdpRelay(a, b, faults, faults.WithSeed(faults.Seed + 1), portA, portB);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                Console.Error.WriteLine("relay: cannot start: " + BindFailure(portA, portB, e));
                return 2;
            }

            using (var relay = bound)
            using (var stop = new ManualResetEventSlim())
            {
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    stop.Set();
                };
                Console.WriteLine("relay: A (" + a + ") sends to " + relay.PortForA + " to reach B; B (" + b
                                  + ") sends to " + relay.PortForB + " to reach A");
                Console.WriteLine("relay: each direction: " + faults + ". Ctrl-C stops.");
                var report = new StatsReport();
                while (!stop.Wait(TimeSpan.FromSeconds(5)))
                {
                    report.Print(relay, Console.Out);
                }

                report.Print(relay, Console.Out); // at Ctrl-C: only what changed since the last line
            }

            return 0;
        }
    }
}
