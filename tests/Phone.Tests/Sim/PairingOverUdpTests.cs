// SPDX-License-Identifier: MIT
using System;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Ui;
using Phone.Sim.Board;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>Two simulated phones pairing over real UDP on loopback.</summary>
    public class PairingOverUdpTests
    {
        [Fact]
        public void BothPhonesShowTheSameCode()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob");

            bob.StartPairingMode();
            Assert.True(alice.Pair(bob.Address));
            var a = alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "Alice's code");
            var b = bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "Bob's code");

            Assert.Matches("^[0-9]{3} [0-9]{3}$", a.Event.Code);
            Assert.Equal(a.Event.Code, b.Event.Code);
            Assert.Equal(a.Event.CodeWords, b.Event.CodeWords);
            Screen aliceScreen = UdpPhones.WaitScreen(alice, ScreenKind.PairingCode, 0);
            Screen bobScreen = UdpPhones.WaitScreen(bob, ScreenKind.PairingCode, 0);
            Assert.Equal(a.Event.Code, aliceScreen.Code);
            Assert.Equal(aliceScreen.Code, bobScreen.Code);
            Assert.Equal("Bob", a.Event.PeerName);
            Assert.Equal("Alice", b.Event.PeerName);
        }

        [Fact]
        public void ConfirmOnBothPinsEachOtherAsVerified()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob");

            (int aliceIndexOfBob, int bobIndexOfAlice) = UdpPhones.Pair(alice, bob);

            ContactRecord bobAtAlice = alice.Contacts()[0];
            ContactRecord aliceAtBob = bob.Contacts()[0];
            Assert.Single(alice.Contacts());
            Assert.Single(bob.Contacts());
            Assert.Equal(aliceIndexOfBob, bobAtAlice.Index);
            Assert.Equal(bobIndexOfAlice, aliceAtBob.Index);
            Assert.True(bobAtAlice.Verified && aliceAtBob.Verified);
            Assert.Equal(bob.Read(c => c.IdentityKey), bobAtAlice.PublicKey);
            Assert.Equal(alice.Read(c => c.IdentityKey), aliceAtBob.PublicKey);
            Assert.Equal("Bob", bobAtAlice.Name);
            // The board remembers where each contact was reached, for calls by name.
            Assert.True(bob.Address.SameAs(alice.Addresses.Find(bobAtAlice.PublicKey)));
            Assert.True(alice.Address.SameAs(bob.Addresses.Find(aliceAtBob.PublicKey)));
            Assert.Equal(0, alice.LoopFaults + bob.LoopFaults);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void RejectOnEitherSidePinsNothing(bool aliceRejects)
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob");
            byte[] aliceFlash = UdpPhones.Flash(alice);
            byte[] bobFlash = UdpPhones.Flash(bob);

            bob.StartPairingMode();
            alice.Pair(bob.Address);
            alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "Alice's code");
            bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "Bob's code");
            SimPhone rejecter = aliceRejects ? alice : bob;
            SimPhone other = aliceRejects ? bob : alice;
            Assert.True(other.Confirm());
            Assert.True(rejecter.Reject());

            other.Log.Wait(e => e.Is(PhoneEventKind.PairingRejected), 0, UdpPhones.StepTimeout, "rejection");
            UdpPhones.WaitIdle(alice);
            UdpPhones.WaitIdle(bob);
            Assert.Empty(alice.Contacts());
            Assert.Empty(bob.Contacts());
            Assert.Equal(0, alice.Log.Count(e => e.Is(PhoneEventKind.Pinned)) + bob.Log.Count(e => e.Is(PhoneEventKind.Pinned)));
            Assert.Equal(aliceFlash, UdpPhones.Flash(alice));
            Assert.Equal(bobFlash, UdpPhones.Flash(bob));
        }
    }
}
