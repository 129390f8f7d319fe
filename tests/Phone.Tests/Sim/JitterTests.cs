// SPDX-License-Identifier: MIT
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Sim.Audio;
using Phone.Sim.Board;
using Phone.Sim.Net;
using Phone.Tests.Sim.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// A call through a relay that adds jitter (each datagram 0..N ms late, so
    /// frames 20 ms apart overtake each other) and loss: the receiver's jitter
    /// buffer plays the frames in order, conceals the lost ones, and counts
    /// late, lost and concealed frames. Played on arrival, the frames would
    /// reach the speaker out of order and gaps would go unfilled.
    /// </summary>
    public class JitterTests
    {
        private const int Frames = 250;
        private readonly ITestOutputHelper _output;

        public JitterTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData(30, 0.0, 7)]
        [InlineData(60, 0.05, 3)]
        [InlineData(100, 0.0, 5)]
        [InlineData(100, 0.1, 9)]
        public void Jittered_audio_plays_in_order_with_losses_concealed(int jitterMs, double loss, int seed)
        {
            var faults = new LinkFaults { DelayMs = 10, JitterMs = jitterMs, Loss = loss, Seed = seed };
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true);
            using var relay = new UdpRelay(alice.EndPoint, bob.EndPoint, faults, faults.WithSeed(seed + 1));
            NetAddress bobViaRelay = Endpoints.ToNetAddress(relay.PortForA);
            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob, bobViaRelay);

            RecordingSource sent = UdpPhones.Tone(alice, Frames, seed);
            int mark = alice.Log.Mark();
            Assert.True(alice.Call(bobAtAlice));
            alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), mark, UdpPhones.StepTimeout, "connected");
            CallStreams.WaitForAudio(alice, bob, sent, null, Frames);
            alice.HangUp();
            bob.Log.Wait(e => e.Is(PhoneEventKind.HungUp), 0, UdpPhones.StepTimeout, "Bob's hang-up");
            int late = bob.Read(k => k.Counters.FramesLate);
            int lost = bob.Read(k => k.Counters.FramesLost);
            int concealed = bob.Read(k => k.Counters.FramesConcealed);
            int played = bob.Read(k => k.Counters.FramesPlayed);

            FrameComparison c = FrameComparison.Compare(sent.Digests(), bob.Speaker.Frames());
            _output.WriteLine("jitter " + jitterMs + " ms, loss " + loss + ": " + c + "; played " + played + ", late "
                              + late + ", lost " + lost + ", concealed " + concealed + "; relay " + relay.AToB);
            Assert.Equal(0, c.Mismatched);
            Assert.Equal(0, c.PlayedTwice);
            Assert.Equal(0, c.OutOfOrder);                 // the buffer restores the order jitter broke
            Assert.Equal(c.BitExact, played);
            Assert.InRange(played + late + lost, Frames - 3, Frames); // every frame is accounted for
            Assert.True(concealed >= lost, "every lost frame of the running stream is concealed");
            Assert.True(bob.Speaker.Concealed >= concealed);
            Assert.True(late <= Frames / 10, late + " late frames: the buffer did not deepen");
            if (loss > 0)
            {
                Assert.True(lost > 0 && concealed > 0, "the relay's losses should show");
            }
        }
    }
}
