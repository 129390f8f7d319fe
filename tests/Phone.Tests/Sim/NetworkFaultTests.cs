// SPDX-License-Identifier: MIT
using System.Net;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Wire;
using Phone.Sim.Audio;
using Phone.Sim.Board;
using Phone.Sim.Net;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>Pairing and calls through a relay that loses, reorders, duplicates and replays datagrams.</summary>
    public class NetworkFaultTests
    {
        private const int Frames = 100;

        private static LinkFaults Lossy(int seed)
        {
            return new LinkFaults { Loss = 0.2, Reorder = 0.1, Duplicate = 0.1, Replay = 0.05, Seed = seed };
        }

        [Theory]
        [InlineData(11)]
        [InlineData(29)]
        public void PairingAndACallCompleteThroughALossyRelay(int seed)
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true);
            using var relay = new UdpRelay(alice.EndPoint, bob.EndPoint, Lossy(seed), Lossy(seed + 1));
            NetAddress bobViaRelay = Endpoints.ToNetAddress(relay.PortForA);

            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob, bobViaRelay);
            Assert.Single(alice.Contacts());
            Assert.Single(bob.Contacts());
            Assert.True(bobViaRelay.SameAs(alice.Addresses.Find(alice.Contacts()[0].PublicKey)));

            RecordingSource sent = UdpPhones.Tone(alice, Frames, seed);
            int mark = alice.Log.Mark();
            Assert.True(alice.Call(bobAtAlice));
            alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), mark, UdpPhones.StepTimeout, "connected");
            CallStreams.WaitForAudio(alice, bob, sent, null, Frames);
            alice.HangUp();
            bob.Log.Wait(e => e.Is(PhoneEventKind.HungUp), 0, UdpPhones.StepTimeout, "Bob's hang-up");

            FrameComparison c = FrameComparison.Compare(sent.Digests(), bob.Speaker.Frames());
            Assert.Equal(0, c.Mismatched);         // whatever arrives is exactly what was sent
            Assert.Equal(0, c.PlayedTwice);        // duplicates and replays never reach the speaker
            Assert.InRange(c.BitExact, Frames / 2, Frames); // about 80% survive 20% loss
            Assert.True(relay.AToB.Dropped > 0 && relay.AToB.Duplicated + relay.AToB.Replayed > 0,
                "the relay should have done damage: " + relay.AToB);
            Assert.True(bob.Read(k => k.Counters.Drops(DropReason.Replay)) > 0, "replayed media must be counted");
            Assert.Equal(0, alice.LoopFaults + bob.LoopFaults);
        }
    }
}
