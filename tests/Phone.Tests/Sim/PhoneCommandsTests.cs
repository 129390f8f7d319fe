// SPDX-License-Identifier: MIT
using Phone.Firmware;
using Phone.Sim.Board;
using Phone.Sim.Cli;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>The typed commands of the interactive phone (and of the demo's agent), over real UDP.</summary>
    public class PhoneCommandsTests
    {
        [Fact]
        public void PairCallListForgetAndResetByCommand()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true);
            var a = new PhoneCommands(alice, null);
            var b = new PhoneCommands(bob, null);

            Assert.True(b.Execute("pair-mode").Ok);
            Assert.True(a.Execute("pair " + bob.Address).Ok);
            alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "code");
            bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "code");
            Assert.True(a.Execute("confirm").Ok);
            Assert.True(b.Execute("confirm").Ok);
            alice.Log.Wait(e => e.Is(PhoneEventKind.Pinned), 0, UdpPhones.StepTimeout, "pinned");
            UdpPhones.WaitIdle(alice);
            UdpPhones.WaitIdle(bob);

            CommandResult list = a.Execute("contacts");
            Assert.Equal("1", list.Fields["count"]);
            Assert.Contains("#0 Bob", list.Message);
            Assert.Contains("verified", list.Message);
            Assert.Contains(bob.Address.ToString(), list.Message);

            CommandResult screen = a.Execute("list");
            Assert.True(screen.Ok, screen.Message);
            Assert.Contains("Contacts 1/1", screen.Message);
            Assert.Contains("> Bob", screen.Message);
            Assert.Equal("0", screen.Fields["index"]);
            Assert.False(a.Execute("list down").Ok); // one contact: the cursor cannot move
            Assert.True(a.Execute("list b").Ok);
            Assert.False(a.Execute("list down 99999999999").Ok); // explained, not thrown
            Assert.False(a.Execute("list " + new string('x', 40)).Ok);

            int mark = alice.Log.Mark();
            Assert.True(a.Execute("call bob").Ok); // by name, address from the address book
            alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), mark, UdpPhones.StepTimeout, "connected");
            Assert.False(a.Execute("forget 0").Ok); // not during a call
            Assert.True(a.Execute("hangup").Ok);
            UdpPhones.WaitIdle(alice);

            Assert.True(a.Execute("forget 0").Ok);
            Assert.Equal("0", a.Execute("contacts").Fields["count"]);
            Assert.Null(alice.Addresses.Find(bob.Read(c => c.IdentityKey)));
            Assert.False(a.Execute("call bob").Ok);

            Assert.True(b.Execute("selftest").Ok);
            string before = bob.Fingerprint;
            Assert.False(b.Execute("reset").Ok); // no one confirmed: refused
            Assert.Equal(before, bob.Fingerprint);
            CommandResult reset = b.Execute("reset yes");
            Assert.True(reset.Ok);
            Assert.NotEqual(before, bob.Fingerprint);
            Assert.Equal("0", b.Execute("contacts").Fields["count"]);
        }

        [Fact]
        public void PairModeStartsShowsAndEndsAndBadSecondsAreRefused()
        {
            using var phones = new UdpPhones();
            SimPhone bob = phones.Add("Bob");
            var b = new PhoneCommands(bob, null);

            foreach (string bad in new[] { "pair-mode abc", "pair-mode 0", "pair-mode -5", "pair-mode 601", "pair-mode 1.5" })
            {
                CommandResult r = b.Execute(bad);
                Assert.False(r.Ok, bad);
                Assert.Equal("pair-mode [seconds]: seconds must be a whole number from 1 to 600, or 'off'", r.Message);
                Assert.Equal("off", b.Execute("state").Fields["pairingMode"]);
            }

            Assert.False(b.Execute("pair-mode off").Ok);
            CommandResult on = b.Execute("pair-mode 30");
            Assert.True(on.Ok, on.Message);
            Assert.Equal("30", on.Fields["seconds"]);
            Assert.Equal("on", b.Execute("state").Fields["pairingMode"]);
            Assert.Equal("Pairing mode", bob.Display.Current.Title);
            Assert.Contains("30 s left", bob.Display.Current.Lines);
            Assert.Contains("pair-mode", b.Execute("help").Message);
            Assert.True(b.Execute("pair-mode off").Ok);
            Assert.Equal("off", b.Execute("state").Fields["pairingMode"]);
        }

        [Fact]
        public void MistakesAreExplainedNotThrown()
        {
            using var phones = new UdpPhones();
            var a = new PhoneCommands(phones.Add("Alice"), null);

            Assert.False(a.Execute("pair").Ok);
            Assert.False(a.Execute("pair nowhere").Ok);
            Assert.False(a.Execute("call nobody").Ok);
            Assert.False(a.Execute("forget x").Ok);
            Assert.False(a.Execute("confirm").Ok);
            Assert.False(a.Execute("audio wav /nonexistent.wav").Ok);
            Assert.False(a.Execute("frobnicate").Ok);
            Assert.True(a.Execute("help").Ok);
            Assert.True(a.Execute("state").Ok);
        }
    }
}
