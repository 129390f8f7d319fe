// SPDX-License-Identifier: MIT
using System;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Discovery;
using Phone.Firmware.Ui;
using Phone.Sim.Board;
using Phone.Sim.Cli;
using Phone.Tests.Firmware.Discovery.Support;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// Simulated phones finding each other with real mDNS multicast on the loopback
    /// interface (each test on a group port of its own, so tests and a real 5353
    /// never meet): pair from the list, call a contact that moved, spoofed announcements.
    /// </summary>
    public class DiscoveryOverUdpTests
    {
        private static int FreshGroupPort() => 20000 + Random.Shared.Next(20000);

        [Fact]
        public void PairFromTheListThenCallTheContactAfterItMoved()
        {
            using var phones = new UdpPhones();
            int group = FreshGroupPort();
            SimPhone alice = phones.Add("Alice", mdnsPort: group);
            string bobDir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "phone-sim-test-" + Guid.NewGuid().ToString("N"));
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true, bobDir, mdnsPort: group);
            try
            {
                WaitFor(() => alice.PhonesFound().Any(p => p.Name == "Bob"), "Bob in Alice's list");
                var commands = new PhoneCommands(alice, null);
                int ma = alice.Log.Mark(), mb = bob.Log.Mark();

                CommandResult list = commands.Execute("phones");
                Assert.True(list.Ok, list.Message);
                Assert.Equal(ScreenKind.PhoneList, alice.Display.Current.Kind);
                Assert.Contains("Bob  " + bob.Fingerprint.Substring(0, 8), alice.Display.Current.Lines[0]);
                Assert.True(new PhoneCommands(bob, null).Execute("pair-mode").Ok);
                CommandResult pair = commands.Execute("pair Bob"); // a name from the list, no address
                Assert.True(pair.Ok, pair.Message);
                alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), ma, UdpPhones.StepTimeout, "Alice's code");
                bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), mb, UdpPhones.StepTimeout, "Bob's code");
                alice.Confirm();
                bob.Confirm();
                int bobAtAlice = alice.Log.Wait(e => e.Is(PhoneEventKind.Pinned), ma, UdpPhones.StepTimeout, "pinned").Event.ContactIndex;
                bob.Log.Wait(e => e.Is(PhoneEventKind.Pinned), mb, UdpPhones.StepTimeout, "Bob pinned");
                UdpPhones.WaitIdle(alice);
                UdpPhones.WaitIdle(bob);
                NetAddress before = bob.Address;

                phones.Stop(bob); // goodbye; Bob comes back on another port, same flash
                bob = phones.Add("Bob", c => c.AutoAnswer = true, bobDir, mdnsPort: group);
                NetAddress after = bob.Address;
                Assert.False(before.SameAs(after));
                byte[] bobKey = alice.Contacts().Single(c => c.Index == bobAtAlice).PublicKey;
                WaitFor(() => after.SameAs(alice.Read(_ => alice.Locate(bobKey))), "Bob found at " + after);

                ma = alice.Log.Mark();
                Assert.True(alice.Call(bobAtAlice)); // no address given: found by the pinned key's fingerprint
                alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), ma, UdpPhones.StepTimeout, "connected");
                Assert.Equal(Badge.Verified, alice.Read(c => c.CallBadge));
                alice.HangUp();
                UdpPhones.WaitIdle(alice);
            }
            finally
            {
                phones.Dispose();
                TryDelete(bobDir);
            }
        }

        [Fact]
        public void ASpoofedAnnouncementPointingAtAnotherPhoneEndsInTheKeyChangedWarning()
        {
            using var phones = new UdpPhones();
            int group = FreshGroupPort();
            SimPhone alice = phones.Add("Alice", mdnsPort: group);
            SimPhone mallory = phones.Add("Mallory", c => c.AutoAnswer = true); // a real phone with its own key
            (int bobAtAlice, byte[] bobKey, string bobFp) = PairWithBobThenBobLeaves(phones, alice, group);

            SendToGroup(group, Packets.Announce("Bob", bobFp, new byte[] { 127, 0, 0, 1 }, mallory.Address.Port));
            WaitFor(() => mallory.Address.SameAs(alice.Read(_ => alice.Locate(bobKey))), "the spoofed address");
            int ma = alice.Log.Mark();

            Assert.True(alice.Call(bobAtAlice));
            alice.Log.Wait(e => e.Is(PhoneEventKind.KeyChanged), ma, UdpPhones.StepTimeout, "the key warning");
            Thread.Sleep(500);

            Assert.Equal(ScreenKind.KeyChanged, alice.Display.Current.Kind); // "Call NOT connected" until the user decides
            Assert.Equal(0, alice.Log.Count(e => e.Is(PhoneEventKind.Connected), ma));
            AssertPinUntouched(alice, bobAtAlice, bobKey);
            Assert.True(alice.HangUp());
        }

        [Fact]
        public void ASpoofedAnnouncementPointingAtASilentAddressMakesTheCallFail()
        {
            using var phones = new UdpPhones();
            int group = FreshGroupPort();
            SimPhone alice = phones.Add("Alice", c => c.HandshakeTimeoutMs = 1500, mdnsPort: group);
            using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            int silentPort = ((IPEndPoint)silent.Client.LocalEndPoint).Port;
            (int bobAtAlice, byte[] bobKey, string bobFp) = PairWithBobThenBobLeaves(phones, alice, group);

            SendToGroup(group, Packets.Announce("Bob", bobFp, new byte[] { 127, 0, 0, 1 }, silentPort));
            WaitFor(() => alice.Read(_ => alice.Locate(bobKey))?.Port == silentPort, "the spoofed address");
            int ma = alice.Log.Mark();

            Assert.True(alice.Call(bobAtAlice));
            SimEvent end = alice.Log.Wait(e => e.Is(PhoneEventKind.HungUp), ma, UdpPhones.StepTimeout, "the call's end");

            Assert.Contains("no answer", end.Event.Text);
            Assert.Equal("Call ended", alice.Display.Current.Title); // shown as a failed call
            Assert.Equal(0, alice.Log.Count(e => e.Is(PhoneEventKind.Connected) || e.Is(PhoneEventKind.CallKeysReady), ma));
            AssertPinUntouched(alice, bobAtAlice, bobKey);
        }

        // Alice pins Bob (both with discovery); Bob switches off (goodbye) and Alice's list forgets him.
        private static (int, byte[], string) PairWithBobThenBobLeaves(UdpPhones phones, SimPhone alice, int group)
        {
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true, mdnsPort: group);
            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob);
            byte[] bobKey = alice.Contacts().Single(c => c.Index == bobAtAlice).PublicKey;
            string fingerprint = bob.Fingerprint;
            WaitFor(() => alice.PhonesFound().Any(p => p.Name == "Bob"), "Bob listed");
            phones.Stop(bob);
            WaitFor(() => alice.PhonesFound().All(p => p.Name != "Bob"), "Bob's goodbye");
            return (bobAtAlice, bobKey, fingerprint);
        }

        private static void AssertPinUntouched(SimPhone alice, int index, byte[] key)
        {
            ContactRecord pinned = alice.Contacts().Single(c => c.Index == index);
            Assert.Equal(key, pinned.PublicKey);
            Assert.True(pinned.Verified);
        }

        [Fact]
        public void WithoutDiscoveryThePhonesCommandSaysHowToTurnItOn()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            CommandResult r = new PhoneCommands(alice, null).Execute("phones");
            Assert.False(r.Ok);
            Assert.Contains("--lan", r.Message);
            CommandResult pair = new PhoneCommands(alice, null).Execute("pair Nobody");
            Assert.False(pair.Ok);
            Assert.Contains("no phone 'Nobody'", pair.Message);
        }

        // A multicast datagram on lo only, like a spoofer on the same LAN would send.
        private static void SendToGroup(int port, byte[] bytes)
        {
            int lo = NetworkInterface.GetAllNetworkInterfaces().Single(n => n.Name == "lo").GetIPProperties().GetIPv4Properties().Index;
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.HostToNetworkOrder(lo));
            for (int i = 0; i < 3; i++)
            {
                s.SendTo(bytes, new IPEndPoint(IPAddress.Parse("224.0.0.251"), port));
            }
        }

        private static void WaitFor(Func<bool> condition, string what)
        {
            DateTime end = DateTime.UtcNow + UdpPhones.StepTimeout;
            while (!condition())
            {
                if (DateTime.UtcNow > end)
                {
                    throw new TimeoutException("not seen: " + what);
                }

                Thread.Sleep(50);
            }
        }

        private static void TryDelete(string dir)
        {
            try
            {
                System.IO.Directory.Delete(dir, true);
            }
            catch (System.IO.IOException)
            {
            }
        }
    }
}
