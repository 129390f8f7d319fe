// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.Threading;
using System.Net;
using System.Net.Sockets;
using Phone.Sim.Net;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>The fault-injecting UDP relay the network tests and benchmarks stand on.</summary>
    public class RelayTests
    {
        private static Socket Bound()
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            s.ReceiveTimeout = 2000;
            return s;
        }

        private static byte[] Receive(Socket s, out EndPoint from)
        {
            var buffer = new byte[2048];
            from = new IPEndPoint(IPAddress.Any, 0);
            int n = s.ReceiveFrom(buffer, ref from);
            Array.Resize(ref buffer, n);
            return buffer;
        }

        [Fact]
        public void CarriesDatagramsBothWaysAndEachSideSeesTheOtherAtTheRelay()
        {
            using (Socket a = Bound())
            using (Socket b = Bound())
            using (var relay = new UdpRelay((IPEndPoint)a.LocalEndPoint, (IPEndPoint)b.LocalEndPoint, null, null))
            {
                a.SendTo(new byte[] { 1, 2, 3 }, relay.PortForA);
                byte[] atB = Receive(b, out EndPoint fromA);
                Assert.Equal(new byte[] { 1, 2, 3 }, atB);
                Assert.Equal(relay.PortForB, fromA);

                b.SendTo(new byte[] { 4 }, fromA);
                byte[] atA = Receive(a, out EndPoint fromB);
                Assert.Equal(new byte[] { 4 }, atA);
                Assert.Equal(relay.PortForA, fromB);
                // The relay counts a datagram after handing it to its socket, so the receiver
                // may see it a moment before the count moves: wait (bounded) for the count.
                Assert.Equal(1, CountSettled(() => relay.AToB.Forwarded));
                Assert.Equal(1, CountSettled(() => relay.BToA.Forwarded));
            }
        }

        private static long CountSettled(Func<long> count)
        {
            var clock = Stopwatch.StartNew();
            while (count() == 0 && clock.ElapsedMilliseconds < 2000)
            {
                Thread.Sleep(1);
            }

            return count();
        }

        [Fact]
        public void AddsTheConfiguredDelay()
        {
            using (Socket a = Bound())
            using (Socket b = Bound())
            using (var relay = new UdpRelay((IPEndPoint)a.LocalEndPoint, (IPEndPoint)b.LocalEndPoint,
                       new LinkFaults { DelayMs = 25 }, null))
            {
                var clock = Stopwatch.StartNew();
                a.SendTo(new byte[] { 9 }, relay.PortForA);
                Receive(b, out _);
                // Never early; how late depends on the machine's load, so only a loose upper bound.
                Assert.InRange(clock.Elapsed.TotalMilliseconds, 24.5, 2000);
            }
        }

        [Fact]
        public void SeededLossDropsTheSameDatagramsEveryRun()
        {
            Assert.Equal(LossPattern(7), LossPattern(7));
            Assert.NotEqual(LossPattern(7), LossPattern(8));
        }

        private static string LossPattern(int seed)
        {
            using (Socket a = Bound())
            using (Socket b = Bound())
            using (var relay = new UdpRelay((IPEndPoint)a.LocalEndPoint, (IPEndPoint)b.LocalEndPoint,
                       new LinkFaults { Loss = 0.5, Seed = seed }, null))
            {
                b.ReceiveTimeout = 300;
                var seen = new bool[40];
                for (int i = 0; i < seen.Length; i++)
                {
                    a.SendTo(new[] { (byte)i }, relay.PortForA);
                }

                try
                {
                    while (true)
                    {
                        seen[Receive(b, out _)[0]] = true;
                    }
                }
                catch (SocketException)
                {
                    // no more datagrams
                }

                var pattern = new System.Text.StringBuilder();
                foreach (bool s in seen)
                {
                    pattern.Append(s ? '1' : '0');
                }

                Assert.Equal(seen.Length - relay.AToB.Dropped, pattern.ToString().Replace("0", "").Length);
                return pattern.ToString();
            }
        }

        [Fact]
        public void DuplicatesAndReplaysDeliverExtraCopies()
        {
            using (Socket a = Bound())
            using (Socket b = Bound())
            using (var relay = new UdpRelay((IPEndPoint)a.LocalEndPoint, (IPEndPoint)b.LocalEndPoint,
                       new LinkFaults { Duplicate = 0.5, Replay = 0.5, Seed = 3 }, null))
            {
                b.ReceiveTimeout = 300;
                for (int i = 0; i < 20; i++)
                {
                    a.SendTo(new[] { (byte)i }, relay.PortForA);
                }

                int received = 0;
                try
                {
                    while (true)
                    {
                        Receive(b, out _);
                        received++;
                    }
                }
                catch (SocketException)
                {
                    // no more datagrams
                }

                Assert.True(relay.AToB.Duplicated > 0 && relay.AToB.Replayed > 0);
                Assert.Equal(20 + relay.AToB.Duplicated + relay.AToB.Replayed, received);
            }
        }
    }
}
