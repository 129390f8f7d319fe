// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Firmware;
using Phone.Firmware.Ui;
using Phone.Sim.Board;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>Men in the middle over real UDP: substituted keys at pairing, an impostor at a contact's address.</summary>
    public class MitmOverUdpTests
    {
        [Fact]
        public void SubstitutedKeysMakeTheCodesDifferAndRejectingPinsNothing()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob");
            var mitm = new MitmRelay(phones, bob, "Alice", "Bob");
            byte[] aliceFlash = UdpPhones.Flash(alice), bobFlash = UdpPhones.Flash(bob);

            Assert.True(mitm.TowardsA.StartPairingMode());
            Assert.True(alice.Pair(mitm.AddressForA));
            string aliceCode = alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "Alice's code").Event.Code;
            string bobCode = bob.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "Bob's code").Event.Code;
            string relayCodeA = mitm.TowardsA.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "relay code").Event.Code;
            string relayCodeB = mitm.TowardsB.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "relay code").Event.Code;

            // Each victim completed a real handshake, with the relay: the relay knows both codes...
            Assert.Equal(aliceCode, relayCodeA);
            Assert.Equal(bobCode, relayCodeB);
            // ...but cannot make them equal, so the users see the attack.
            Assert.NotEqual(aliceCode, bobCode);
            Assert.Equal("Bob", alice.Log.All().First(e => e.Is(PhoneEventKind.CodeShown)).Event.PeerName);

            // The relay confirms on its side; the users compare, see different codes, and reject.
            mitm.TowardsA.Confirm();
            mitm.TowardsB.Confirm();
            Assert.True(alice.Reject());
            Assert.True(bob.Reject());
            UdpPhones.WaitIdle(alice);
            UdpPhones.WaitIdle(bob);

            Assert.Empty(alice.Contacts());
            Assert.Empty(bob.Contacts());
            Assert.Equal(aliceFlash, UdpPhones.Flash(alice));
            Assert.Equal(bobFlash, UdpPhones.Flash(bob));
            Assert.Empty(mitm.TowardsA.Contacts()); // nor did the relay get a pinned contact out of it
        }

        [Fact]
        public void ImpostorAtTheContactsAddressIsRefusedWithTheKeyChangedWarning()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob");
            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob);
            var pinned = alice.Contacts().Single();
            byte[] aliceFlash = UdpPhones.Flash(alice);

            // Bob is gone; an impostor with another key (and Bob's name) now answers at his address.
            var bobsAddress = bob.EndPoint;
            phones.Stop(bob);
            SimPhone impostor = phones.Add("Bob", c => c.AutoAnswer = true, listen: bobsAddress);

            int mark = alice.Log.Mark();
            Assert.True(alice.Call(bobAtAlice));
            SimEvent warning = alice.Log.Wait(e => e.Is(PhoneEventKind.KeyChanged), mark, UdpPhones.StepTimeout, "key-changed warning");

            Screen screen = UdpPhones.WaitScreen(alice, ScreenKind.KeyChanged, mark);
            Assert.Equal(Badge.Warning, screen.Badge);
            Assert.NotNull(warning.Event.Code); // a new code to compare, on the loud screen
            Assert.Equal(0, alice.Read(c => c.Counters.MediaSent)); // nothing sent to the impostor
            Assert.Empty(alice.Speaker.Frames());

            alice.HangUp();
            UdpPhones.WaitIdle(alice);
            var after = alice.Contacts().Single();
            Assert.Equal(pinned.PublicKey, after.PublicKey);
            Assert.True(after.Verified);
            Assert.Equal(pinned.Generation, after.Generation);
            Assert.Equal(aliceFlash, UdpPhones.Flash(alice));
            Assert.False(UdpPhones.HasContact(alice, impostor.Read(c => c.IdentityKey)));
        }
    }
}
