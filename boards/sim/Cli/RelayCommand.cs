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
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var a = new Option<string>("--a") { Description = "phone A's address (host:port)", Required = true };
            var b = new Option<string>("--b") { Description = "phone B's address (host:port)", Required = true };
            var portA = new Option<int>("--port-a") { Description = "port A sends to in order to reach B (0: any free)" };
            var portB = new Option<int>("--port-b") { Description = "port B sends to in order to reach A (0: any free)" };
            var delay = new Option<int>("--delay") { Description = "added one-way delay in ms" };
            var loss = new Option<double>("--loss") { Description = "probability a datagram is lost (0..1)" };
            var reorder = new Option<double>("--reorder") { Description = "probability a datagram is held back so later ones overtake it" };
            var duplicate = new Option<double>("--duplicate") { Description = "probability a datagram is delivered twice" };
            var replay = new Option<double>("--replay") { Description = "probability an older datagram is sent again" };
            var seed = new Option<int>("--seed") { Description = "seed of the random faults", DefaultValueFactory = _ => 1 };
            var command = new Command("relay", "Relay UDP between two phones, adding delay and network faults.")
            {
                a, b, portA, portB, delay, loss, reorder, duplicate, replay, seed
            };
            command.SetAction(parse =>
            {
                var faults = new LinkFaults
                {
                    DelayMs = parse.GetValue(delay), Loss = parse.GetValue(loss), Reorder = parse.GetValue(reorder),
                    Duplicate = parse.GetValue(duplicate), Replay = parse.GetValue(replay), Seed = parse.GetValue(seed)
                };
                return Run(Endpoints.Parse(parse.GetValue(a)), Endpoints.Parse(parse.GetValue(b)), faults,
                    parse.GetValue(portA), parse.GetValue(portB));
            });
            return command;
        }

        private static int Run(System.Net.IPEndPoint a, System.Net.IPEndPoint b, LinkFaults faults, int portA, int portB)
        {
            using (var relay = new UdpRelay(a, b, faults, faults.WithSeed(faults.Seed + 1), portA, portB))
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
                while (!stop.Wait(TimeSpan.FromSeconds(5)))
                {
                    Console.WriteLine("relay: A->B " + relay.AToB + " | B->A " + relay.BToA);
                }

                Console.WriteLine("relay: A->B " + relay.AToB + " | B->A " + relay.BToA);
            }

            return 0;
        }
    }
}
