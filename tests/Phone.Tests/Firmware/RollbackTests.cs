// SPDX-License-Identifier: MIT
using System.IO;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// A phone whose whole flash is written back from an older dump (what NVS/flash encryption does
    /// not prevent): what the resumption generations detect and what they do not
    /// (docs/device.md, "Rollback: confidentiality, not freshness"). Each peer keeps the newest and
    /// the previous generation, so a dump one call old is accepted when the restored phone calls.
    /// </summary>
    public class RollbackTests
    {
        [Fact]
        public void Peer_calling_a_phone_rolled_back_one_call_gets_a_loud_fallback()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, aliceIndex) = rig.Pair(alice, bob);
            byte[] dump = alice.ReadFlash();
            Call(rig, alice, bob, bobIndex);
            alice = rig.Restart(alice, dir => FlashDump.Write(dir, dump));
            Assert.Equal(1, alice.Contacts[0].Generation);
            Assert.Equal(2, bob.Contacts[0].Generation);

            Assert.True(bob.Core.Call(aliceIndex, alice.Address));
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.KeyWarning));
            Assert.Equal("responder lacks resumption secret", bob.Last(PhoneEventKind.Fallback).Text);
            Assert.Equal(1, bob.Count(PhoneEventKind.KeyChanged));
        }

        [Fact]
        public void Phone_rolled_back_one_call_that_calls_first_is_not_detected()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, _) = rig.Pair(alice, bob);
            byte[] dump = alice.ReadFlash();
            Call(rig, alice, bob, bobIndex);
            alice = rig.Restart(alice, dir => FlashDump.Write(dir, dump));

            // Bob still holds generation 1 as his previous one (kept for a call whose last message
            // was lost), so the restored Alice's IKpsk2 call succeeds with no warning anywhere.
            Call(rig, alice, bob, bobIndex);
            Assert.False(alice.Saw(PhoneEventKind.Fallback) || bob.Saw(PhoneEventKind.Fallback));
            Assert.False(alice.Saw(PhoneEventKind.KeyChanged) || bob.Saw(PhoneEventKind.KeyChanged));
            Assert.Equal(2, alice.Contacts[0].Generation);
            Assert.Equal(2, bob.Contacts[0].Generation);
        }

        [Fact]
        public void Phone_rolled_back_two_calls_falls_back_loudly_whoever_calls()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, _) = rig.Pair(alice, bob);
            byte[] dump = alice.ReadFlash();
            Call(rig, alice, bob, bobIndex);
            Call(rig, alice, bob, bobIndex);
            alice = rig.Restart(alice, dir => FlashDump.Write(dir, dump));

            Assert.True(alice.Core.Call(bobIndex, bob.Address));
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.KeyWarning));
            Assert.Equal("responder lacks resumption secret", alice.Last(PhoneEventKind.Fallback).Text);
        }

        private static void Call(Rig rig, TestPhone caller, TestPhone callee, int calleeIndex)
        {
            Assert.True(caller.Core.Call(calleeIndex, callee.Address));
            Assert.True(rig.RunUntil(() => caller.Core.CallState == CallState.Connected));
            Assert.False(caller.Saw(PhoneEventKind.Fallback));
            caller.Core.HangUp();
            Assert.True(rig.RunUntil(() => caller.Core.IsIdle && callee.Core.IsIdle));
        }
    }
}
