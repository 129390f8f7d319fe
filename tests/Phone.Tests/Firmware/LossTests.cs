// SPDX-License-Identifier: MIT
using System;
using System.Linq;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware
{
    /// <summary>20% loss, 10% duplication, reordering: every step still completes through retransmission.</summary>
    public class LossTests
    {
        private readonly ITestOutputHelper _output;

        public LossTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static void MakeLossy(Rig rig, int seed)
        {
            var random = new Random(seed);
            rig.Net.LatencyMs = 5;
            rig.Net.Interceptor = d =>
            {
                if (d.DueAt < 0)
                {
                    return true;
                }

                int roll = random.Next(100);
                if (roll < 20)
                {
                    return false;
                }

                if (roll < 30)
                {
                    rig.Net.Requeue(new Datagram(d.From, d.To, (byte[])d.Bytes.Clone())
                    {
                        DueAt = -1 - rig.Clock.NowMilliseconds - random.Next(60),
                    });
                }
                else if (roll < 40)
                {
                    rig.Net.Requeue(new Datagram(d.From, d.To, d.Bytes) { DueAt = -1 - rig.Clock.NowMilliseconds - 30 });
                    return false;
                }

                return true;
            };
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Pairing_and_a_call_complete_over_a_lossy_reordering_duplicating_network(int seed)
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            MakeLossy(rig, seed);

            bob.Core.StartPairingMode();
            alice.Core.Pair(bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.PairingState == PairingState.CodeShown
                                            && bob.Core.PairingState == PairingState.CodeShown, 20000));
            Assert.Equal(alice.Core.CurrentCode, bob.Core.CurrentCode);
            alice.Core.ConfirmCode();
            bob.Core.ConfirmCode();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle, 30000));
            Assert.Single(alice.Contacts);
            Assert.Single(bob.Contacts);

            alice.Mic.Limit = 250;
            alice.Core.Call(alice.Contacts[0].Index, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected, 20000));
            rig.Run(6000);
            int received = bob.Speaker.Frames.Count;
            _output.WriteLine($"seed {seed}: {received}/250 frames; alice {alice.Core.Counters}; bob {bob.Core.Counters}");
            Assert.InRange(received, 150, 250);
            Assert.Equal(0, bob.Core.Counters.Drops(DropReason.AuthFailed));
            Assert.True(bob.Core.Counters.Drops(DropReason.Replay) > 0);
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle, 30000));
        }

        /// <summary>
        /// issue 13: the hybrid messages travel as two fragments each, so 20 % loss takes a whole
        /// message 36 % of the time; retransmission of the whole message and reassembly from any
        /// copy still complete the pairing, and the in-call hybrid XX (VERIFY) after a key change.
        /// </summary>
        [Theory]
        [InlineData(11)]
        [InlineData(12)]
        [InlineData(13)]
        [InlineData(14)]
        [InlineData(15)]
        public void Hybrid_pairing_and_a_hybrid_verify_complete_over_the_lossy_network(int seed)
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            MakeLossy(rig, seed);

            Assert.True(bob.Core.StartPairingMode()); // PAIR_1 is answered only in pairing mode
            alice.Core.Pair(bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.PairingState == PairingState.CodeShown
                                            && bob.Core.PairingState == PairingState.CodeShown, 20000));
            Assert.Equal(alice.Core.CurrentCode, bob.Core.CurrentCode);
            alice.Core.ConfirmCode();
            bob.Core.ConfirmCode();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle, 30000));
            Assert.True(alice.Contacts.Single().Hybrid && bob.Contacts.Single().Hybrid);
            int reassembled = alice.Core.Counters.MessagesReassembled + bob.Core.Counters.MessagesReassembled;

            // Bob's phone is replaced: Alice's call falls back to VERIFY, a hybrid XX in the call.
            bob.Core.FactoryReset(bob.Directory);
            alice.Core.Call(alice.Contacts[0].Index, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.KeyWarning
                                            && bob.Core.CallState == CallState.RingingIn, 30000));
            Assert.Equal(alice.Core.CurrentCode, bob.Core.CurrentCode);
            int total = alice.Core.Counters.MessagesReassembled + bob.Core.Counters.MessagesReassembled;
            _output.WriteLine($"seed {seed}: messages reassembled {reassembled} (pairing), {total} (with VERIFY); " +
                              $"alice {alice.Core.Counters}; bob {bob.Core.Counters}");
            Assert.True(reassembled >= 2 && total >= reassembled + 2);
            Assert.Equal(0, alice.Core.Counters.Drops(DropReason.Internal) + bob.Core.Counters.Drops(DropReason.Internal));
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle, 30000));
        }
    }
}
