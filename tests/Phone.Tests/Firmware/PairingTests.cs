// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Pairing;
using Phone.Firmware.Ui;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    public class PairingTests
    {
        [Fact]
        public void Codes_are_equal_and_shown_as_digits_and_words()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);

            bob.Core.StartPairingMode();
            Assert.True(alice.Core.Pair(bob.Address));
            rig.Settle();

            Assert.Equal(PairingState.CodeShown, alice.Core.PairingState);
            Assert.Equal(PairingState.CodeShown, bob.Core.PairingState);
            string code = alice.Core.CurrentCode;
            Assert.Matches("^[0-9]{3} [0-9]{3}$", code);
            Assert.Equal(code, bob.Core.CurrentCode);
            Assert.Equal(alice.Core.CurrentCodeWords, bob.Core.CurrentCodeWords);
            Assert.Equal(3, alice.Core.CurrentCodeWords.Split(' ').Length);
            Assert.Equal(ScreenKind.PairingCode, alice.Core.CurrentScreen.Kind);
            Assert.Equal(code, bob.Core.CurrentScreen.Code);
            Assert.Equal("Bob", alice.Last(PhoneEventKind.CodeShown).PeerName);
            Assert.Equal("Alice", bob.Last(PhoneEventKind.CodeShown).PeerName);
            Assert.Equal(2, alice.Last(PhoneEventKind.CodeShown).Flights);
            Assert.Equal(3, bob.Last(PhoneEventKind.CodeShown).Flights);
        }

        [Fact]
        public void Confirm_on_both_pins_both_as_verified_and_wipes_the_session()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            bob.Core.StartPairingMode();
            alice.Core.Pair(bob.Address);
            rig.Settle();

            Assert.True(alice.Core.ConfirmCode());
            rig.Settle();
            Assert.Empty(alice.Contacts);
            Assert.Empty(bob.Contacts);
            Assert.Equal(PairingState.LocalConfirmed, alice.Core.PairingState);

            Assert.True(bob.Core.ConfirmCode());
            rig.Settle();

            var a = Assert.Single(alice.Contacts);
            var b = Assert.Single(bob.Contacts);
            Assert.Equal("Bob", a.Name);
            Assert.Equal("Alice", b.Name);
            Assert.True(a.Verified);
            Assert.True(b.Verified);
            Assert.Equal(bob.Core.IdentityKey, a.PublicKey);
            Assert.Equal(alice.Core.IdentityKey, b.PublicKey);
            Assert.Equal(1, a.Generation);
            Assert.Equal(1, b.Generation);
            Assert.True(alice.Saw(PhoneEventKind.Pinned));
            Assert.True(bob.Saw(PhoneEventKind.Pinned));

            rig.Run(3000);
            Assert.True(alice.Core.IsIdle);
            Assert.True(bob.Core.IsIdle);
            Assert.Equal(ScreenKind.Idle, alice.Core.CurrentScreen.Kind);
        }

        [Fact]
        public void Lost_confirm_is_retransmitted_until_acknowledged()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            bob.Core.StartPairingMode();
            alice.Core.Pair(bob.Address);
            rig.Settle();
            int dropped = 0;
            rig.Net.Interceptor = d =>
            {
                if (d.From.SameAs(alice.Address) && d.Type == Phone.Firmware.Wire.MessageType.Secure && dropped < 2)
                {
                    dropped++;
                    return false;
                }

                return true;
            };
            alice.Core.ConfirmCode();
            bob.Core.ConfirmCode();
            rig.Settle();
            Assert.Empty(bob.Contacts);
            Assert.Single(alice.Contacts);
            Assert.True(rig.RunUntil(() => bob.Contacts.Length == 1, 2000));
            Assert.Equal(2, dropped);
            Assert.Equal(2, alice.Core.Counters.Retransmissions + bob.Core.Counters.Retransmissions);
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Reject_on_either_side_pins_nothing(bool aliceRejects)
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            bob.Core.StartPairingMode();
            alice.Core.Pair(bob.Address);
            rig.Settle();

            (aliceRejects ? bob : alice).Core.ConfirmCode();
            rig.Settle();
            Assert.True((aliceRejects ? alice : bob).Core.RejectCode());
            rig.Settle();

            Assert.Equal(PairingState.Rejected, alice.Core.PairingState);
            Assert.Equal(PairingState.Rejected, bob.Core.PairingState);
            Assert.False((aliceRejects ? alice : bob).Core.ConfirmCode());
            rig.Run(5000);
            Assert.Empty(alice.Contacts);
            Assert.Empty(bob.Contacts);
            Assert.True(alice.Saw(PhoneEventKind.PairingRejected));
            Assert.True(bob.Saw(PhoneEventKind.PairingRejected));
            Assert.True(alice.Core.IsIdle && bob.Core.IsIdle);
        }

        [Fact]
        public void Commitment_mismatch_aborts_shows_no_code_and_pins_nothing()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            using var initiator = new GrindingAttacker(CodeFormat.FromDigits(6));
            var address = FakeNetwork.Address(3);
            var fromBob = new System.Collections.Generic.List<byte[]>();
            rig.Net.Attach(address, d => fromBob.Add(d.Bytes));
            byte[] flash = bob.ReadFlash();

            byte[] pair1 = initiator.StartTowardResponder(77, out var hs, out var committed);
            Assert.True(bob.Core.StartPairingMode());
            Fragments.Send(rig.Net, address, bob.Address, pair1);
            rig.Settle();
            byte[] pair2 = Fragments.Join(fromBob, Phone.Firmware.Wire.MessageType.Pair2);
            byte[] other = GrindingAttacker.Random32();
            byte[] pair3 = initiator.FinishTowardResponder(hs, other, pair2, 77, out _);
            rig.Net.Send(address, bob.Address, pair3);
            rig.Settle();

            Assert.Equal(1, bob.Core.Counters.Drops(Phone.Firmware.Wire.DropReason.CommitmentMismatch));
            Assert.Equal(PairingState.Failed, bob.Core.PairingState);
            Assert.Null(bob.Core.CurrentCode);
            Assert.False(bob.Saw(PhoneEventKind.CodeShown));
            Assert.Contains("commitment mismatch", bob.Last(PhoneEventKind.PairingFailed).Text);
            Assert.False(bob.Core.ConfirmCode());
            Assert.Contains(fromBob, b => b[1] == Phone.Firmware.Wire.MessageType.Secure);
            rig.Run(5000);
            Assert.True(bob.Core.IsIdle);
            Assert.Empty(bob.Contacts);
            Assert.Equal(flash, bob.ReadFlash());
        }

        [Fact]
        public void No_decision_times_out_and_pins_nothing()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.DecisionTimeoutMs = 2000);
            var bob = rig.Add("Bob", 2, c => c.DecisionTimeoutMs = 2000);
            bob.Core.StartPairingMode();
            alice.Core.Pair(bob.Address);
            rig.Settle();
            alice.Core.ConfirmCode();
            rig.Run(8000);
            Assert.Empty(alice.Contacts);
            Assert.Empty(bob.Contacts);
            Assert.True(bob.Saw(PhoneEventKind.PairingFailed) || bob.Saw(PhoneEventKind.PairingRejected));
            Assert.True(alice.Core.IsIdle && bob.Core.IsIdle);
        }

        [Fact]
        public void Unreachable_peer_times_out_after_retransmissions()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            long start = rig.Clock.NowMilliseconds;
            alice.Core.Pair(FakeNetwork.Address(9));
            rig.Run(5000);
            Assert.True(alice.Saw(PhoneEventKind.PairingFailed));
            Assert.Equal(start + 3000, alice.Last(PhoneEventKind.PairingFailed).TimeMs);
            // Each send of PAIR_1 is its two fragments (§2.1): count the sends by fragment 0.
            var sends = rig.Net.Log.Where(d => d.Type == 1 && d.Bytes[Phone.Firmware.Wire.FragmentFormat.IndexOffset] == 0)
                .Select(d => d.DueAt - start).ToArray();
            Assert.Equal(2 * sends.Length, rig.Net.Log.Count(d => d.Type == 1));
            // Backoff 100 ms doubling to an 800 ms cap, given up 3000 ms after the first send.
            Assert.Equal(new long[] { 0, 100, 300, 700, 1500, 2300 }, sends);
            int pair1 = sends.Length;
            Assert.Equal(pair1 - 1, alice.Core.Counters.Retransmissions);
            Assert.True(alice.Core.IsIdle);
        }
    }
}
