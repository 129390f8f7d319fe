// SPDX-License-Identifier: MIT
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// issue 9 item 2: a lost REKEY_ANSWER must not freeze the key schedule. An on-path attacker
    /// drops only the callee's CONTROL packets (media still flows, so the call survives) for 11 s.
    /// </summary>
    public class RekeyRecoveryTests
    {
        private const int OutageMs = 11000;

        private static void FastKeys(PhoneConfig c)
        {
            c.AutoAnswer = true;
            c.RatchetIntervalMs = 700;
            c.RekeyIntervalMs = 1500;
            c.ForgetPreviousMs = 300;
            c.RekeyDeadlineMs = 4000;
        }

        [Fact]
        public void Callee_control_packets_dropped_for_11_s_then_rekeys_and_ratchets_resume_within_one_interval()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, FastKeys);
            var bob = rig.Add("Bob", 2, FastKeys);
            var (bobIndex, _) = rig.Pair(alice, bob);
            alice.Mic.Limit = 5000;
            bob.Mic.Limit = 5000;
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected
                                           && bob.Core.CallState == CallState.Connected));
            rig.Run(2000, 5);
            Assert.True(alice.Core.Counters.Rekeys > 0);

            bool dropping = true;
            rig.Net.Interceptor = d => !(dropping && d.From.SameAs(bob.Address) && d.Type == MessageType.Secure
                                         && d.Bytes[WireFormat.InnerKindOffset] == InnerKind.Control);
            rig.Run(OutageMs, 5);
            dropping = false;
            Assert.Equal(CallState.Connected, alice.Core.CallState);
            Assert.Equal(CallState.Connected, bob.Core.CallState);
            // No fresh DH for longer than the promise: the caller says so (event + on the screen).
            var overdue = alice.Last(PhoneEventKind.RekeyOverdue);
            Assert.NotNull(overdue);
            Assert.Contains("re-key overdue", alice.Core.CurrentScreen.Lines[1]);

            int aliceRekeys = alice.Core.Counters.Rekeys;
            int bobRekeys = bob.Core.Counters.Rekeys;
            int aliceRatchets = alice.Core.Counters.Ratchets;
            int bobRatchets = bob.Core.Counters.Ratchets;
            rig.Run(alice.Config.RekeyIntervalMs + alice.Config.RetransmitMaxMs, 5);
            Assert.True(alice.Core.Counters.Rekeys > aliceRekeys, "no re-key completed after the outage");
            Assert.True(bob.Core.Counters.Rekeys > bobRekeys, "callee answered no re-key after the outage");
            rig.Run(alice.Config.RatchetIntervalMs + alice.Config.ForgetPreviousMs, 5);
            Assert.True(alice.Core.Counters.Ratchets > aliceRatchets, "caller ratchets did not resume");
            Assert.True(bob.Core.Counters.Ratchets > bobRatchets, "callee ratchets did not resume");
            Assert.DoesNotContain("re-key overdue", alice.Core.CurrentScreen.Lines[1]);
            Assert.Equal(CallState.Connected, alice.Core.CallState);
        }
    }
}
