// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Firmware;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;
using Phone.Sim.Audio;
using Phone.Sim.Board;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>Calls between two paired simulated phones over real UDP on loopback.</summary>
    public class CallOverUdpTests
    {
        private const int Frames = 150; // 3 s of audio each way: three DH re-keys at the test's 1 s interval

        [Fact]
        public void KeysAreReadyAfterOneRoundTrip()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true);
            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob);

            int mark = alice.Log.Mark();
            Assert.True(alice.Call(bobAtAlice)); // the address comes from the board's address book
            SimEvent ready = alice.Log.Wait(e => e.Is(PhoneEventKind.CallKeysReady), mark, UdpPhones.StepTimeout, "keys");
            alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), mark, UdpPhones.StepTimeout, "connected");

            Assert.Equal(1, ready.Event.RoundTrips);
            Assert.Equal("IKpsk2", ready.Event.Text);
            Assert.Equal(Badge.Verified, alice.Read(c => c.CallBadge));
            // How long that takes is measured side by side in the benchmarks, not asserted here.
            alice.HangUp();
            bob.Log.Wait(e => e.Is(PhoneEventKind.HungUp), 0, UdpPhones.StepTimeout, "Bob's hang-up");
        }

        [Fact]
        public void AudioArrivesBitExactBothWaysThroughMidCallReKeys()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob");
            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob);
            RecordingSource aliceSent = UdpPhones.Tone(alice, Frames, 1);
            RecordingSource bobSent = UdpPhones.Tone(bob, Frames, 2);

            int ma = alice.Log.Mark(), mb = bob.Log.Mark();
            alice.Call(bobAtAlice);
            bob.Log.Wait(e => e.Is(PhoneEventKind.Ringing), mb, UdpPhones.StepTimeout, "ringing");
            Assert.True(bob.Accept());
            alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), ma, UdpPhones.StepTimeout, "connected");
            CallStreams.WaitForAudio(alice, bob, aliceSent, bobSent, Frames);

            int rekeys = alice.Log.Count(e => e.Is(PhoneEventKind.Rekeyed), ma);
            alice.HangUp();
            bob.Log.Wait(e => e.Is(PhoneEventKind.HungUp), mb, UdpPhones.StepTimeout, "Bob's hang-up");

            FrameComparison toBob = FrameComparison.Compare(aliceSent.Digests(), bob.Speaker.Frames());
            FrameComparison toAlice = FrameComparison.Compare(bobSent.Digests(), alice.Speaker.Frames());
            // With the jitter buffer a frame that arrives after its turn is counted late, not played:
            // a stall of the shared machine longer than the buffer's depth can cause that.
            int lateAtBob = bob.Read(k => k.Counters.FramesLate), lateAtAlice = alice.Read(k => k.Counters.FramesLate);
            Assert.True(toBob.PerfectExceptLate(lateAtBob), "Alice to Bob: " + toBob + ", late " + lateAtBob);
            Assert.True(toAlice.PerfectExceptLate(lateAtAlice), "Bob to Alice: " + toAlice + ", late " + lateAtAlice);
            Assert.Equal(0, bob.Read(k => k.Counters.FramesLost) + alice.Read(k => k.Counters.FramesLost));
            if (lateAtBob == 0)
            {
                CallStreams.AssertSameBytes(aliceSent.Frames(), bob.Speaker.Frames());
            }
            Assert.True(rekeys >= 1, "expected a DH re-key during the call, saw " + rekeys);
            Assert.True(bob.Log.Count(e => e.Is(PhoneEventKind.Rekeyed), mb) >= 1);
            UdpPhones.AssertOnlyRetransmissionEchoesDropped(alice, bob);
        }

        [Fact]
        public void SecondCallUsesTheNextResumptionGeneration()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true);
            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob);

            for (int call = 1; call <= 2; call++)
            {
                int mark = alice.Log.Mark();
                alice.Call(bobAtAlice);
                SimEvent ready = alice.Log.Wait(e => e.Is(PhoneEventKind.CallKeysReady), mark, UdpPhones.StepTimeout, "keys");
                Assert.Equal(1, ready.Event.RoundTrips);
                alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), mark, UdpPhones.StepTimeout, "connected");
                alice.HangUp();
                UdpPhones.WaitIdle(alice);
                UdpPhones.WaitIdle(bob);
                Assert.Equal(call + 1, alice.Contacts()[0].Generation);
            }
        }
    }
}
