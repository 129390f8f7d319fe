// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Sim.Board;
using Phone.Sim.Cli;
using Phone.Sim.Net;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>What a new user meets first: audio flows in a call without setup, `help` lists every command, a quiet relay stays quiet.</summary>
    public class InteractivePhoneTests
    {
        [Fact]
        public void HelpNamesFramesAndTheDefaultTone()
        {
            using var phones = new UdpPhones();
            string help = new PhoneCommands(phones.Add("Alice"), null).Execute("help").Message;
            Assert.Contains("frames", help);
            Assert.Contains("tone in every call", help);
        }

        [Fact]
        public void TheInteractivePhoneSendsAToneInACallByDefault()
        {
            using var phones = new UdpPhones();
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true);
            string dir = Path.Combine(Path.GetTempPath(), "phone-audio-test-" + Guid.NewGuid().ToString("N"));
            try
            {
                using SimProcess alice = SimProcess.Start("phone", "--name", "Alice", "--port", "0", "--flash", dir);
                alice.WaitForOutput("Type 'help'");
                Assert.Contains("tone in every call", alice.OutputSoFar);
                string output = alice.OutputSoFar;
                int at = output.IndexOf(" is on at ", StringComparison.Ordinal) + 10;
                NetAddress address = Endpoints.ParseAddress(output.Substring(at, output.IndexOf(',', at) - at));

                alice.Type("pair-mode\n");
                alice.WaitForOutput("pairing mode started");
                int mark = bob.Log.Mark();
                Assert.True(bob.Pair(address));
                alice.WaitForOutput("code shown");
                alice.Type("confirm\n");
                bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), mark, UdpPhones.StepTimeout, "code on Bob");
                Assert.True(bob.Confirm());
                alice.WaitForOutput("pinned");
                bob.Log.Wait(e => e.Is(PhoneEventKind.Pinned), mark, UdpPhones.StepTimeout, "pinned on Bob");
                UdpPhones.WaitIdle(bob);
                WaitIdle(alice); // Alice lingers a while after pairing

                alice.Type("call Bob\n");
                alice.WaitForOutput("connected");
                DateTime until = DateTime.UtcNow.AddSeconds(10);
                while (bob.Speaker.Frames().Count < 25 && DateTime.UtcNow < until)
                {
                    Thread.Sleep(50);
                }

                alice.Type("hangup\nquit\n");
                SimProcess.Result r = alice.Finish();
                Assert.True(r.Exit == 0, r.ToString());
                Assert.True(bob.Speaker.Frames().Count >= 25, "Bob heard " + bob.Speaker.Frames().Count + " frames from Alice");
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        private static void WaitIdle(SimProcess phone)
        {
            DateTime until = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < until)
            {
                int from = phone.OutputSoFar.Length;
                phone.Type("state\n");
                Thread.Sleep(300);
                if (phone.OutputSoFar.Substring(from).Contains("idle, pairing", StringComparison.Ordinal))
                {
                    return;
                }
            }

            throw new TimeoutException("the interactive phone never became idle:\n" + phone.OutputSoFar);
        }

        [Fact]
        public void AnIdleRelayDoesNotRepeatItsStatistics()
        {
            using var phoneA = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            using var phoneB = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            phoneA.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            phoneB.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            using var relay = new UdpRelay((IPEndPoint)phoneA.LocalEndPoint, (IPEndPoint)phoneB.LocalEndPoint,
                new LinkFaults(), new LinkFaults());
            var report = new StatsReport();
            var output = new StringWriter();

            Assert.True(report.Print(relay, output));  // the first line
            Assert.False(report.Print(relay, output)); // nothing happened: quiet
            Assert.False(report.Print(relay, output));

            phoneA.SendTo(new byte[] { 1, 2, 3 }, relay.PortForA);
            DateTime until = DateTime.UtcNow.AddSeconds(5);
            while (relay.AToB.Forwarded == 0 && DateTime.UtcNow < until)
            {
                Thread.Sleep(10);
            }

            Assert.True(report.Print(relay, output));  // traffic: a new line
            Assert.False(report.Print(relay, output));
            Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }
}
