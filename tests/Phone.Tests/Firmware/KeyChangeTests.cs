// SPDX-License-Identifier: MIT
using System.IO;
using System.Linq;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    public class KeyChangeTests
    {
        [Fact]
        public void Impostor_at_a_contacts_address_gets_a_loud_warning_and_the_pin_is_unchanged()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var (bobIndex, _) = rig.Pair(alice, bob);
            var mallory = rig.Add("Bob", 3, c => c.AutoAnswer = true);
            var pinned = alice.Contacts[0];
            byte[] flash = alice.ReadFlash();
            rig.Net.Interceptor = d =>
            {
                if (d.To.SameAs(bob.Address))
                {
                    d.To = mallory.Address;
                }

                return true;
            };

            alice.Core.Call(bobIndex, bob.Address);
            rig.Run(3000);

            Assert.Equal("responder cannot decrypt", alice.Last(PhoneEventKind.Fallback).Text);
            var warning = alice.Last(PhoneEventKind.KeyChanged);
            Assert.Equal("not the pinned key", warning.Text);
            Assert.Equal(alice.Core.CurrentCode, warning.Code);
            Assert.Equal(CallState.KeyWarning, alice.Core.CallState);
            Assert.Equal(ScreenKind.KeyChanged, alice.Core.CurrentScreen.Kind);
            Assert.Equal("!! KEY CHANGED !!", alice.Core.CurrentScreen.Title);
            Assert.Equal(Badge.Warning, alice.Core.CallBadge);
            Assert.Equal(CallState.Connected, mallory.Core.CallState);
            Assert.True(mallory.Core.Counters.MediaSent > 100);
            Assert.Empty(alice.Speaker.Frames);
            Assert.Equal(0, alice.Core.Counters.MediaSent);

            alice.Core.HangUp();
            rig.Run(3000);
            Assert.True(alice.Core.IsIdle);
            var after = Assert.Single(alice.Contacts);
            Assert.Equal(pinned.PublicKey, after.PublicKey);
            Assert.Equal(bob.Core.IdentityKey, after.PublicKey);
            Assert.True(after.Verified);
            Assert.Equal(pinned.Generation, after.Generation);
            Assert.Equal(flash, alice.ReadFlash());
        }

        [Fact]
        public void Warning_accepted_as_unverified_connects_without_touching_the_pin()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var (bobIndex, _) = rig.Pair(alice, bob);
            var mallory = rig.Add("Mallory", 3, c => c.AutoAnswer = true);
            byte[] flash = alice.ReadFlash();

            alice.Core.Call(bobIndex, mallory.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.KeyWarning));
            Assert.True(alice.Core.Accept());
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            rig.Run(1000);
            Assert.NotEmpty(alice.Speaker.Frames);
            Assert.Equal(Badge.Warning, alice.Core.CallBadge);
            Assert.NotNull(alice.Core.CurrentScreen.Code);
            alice.Core.HangUp();
            rig.Run(2000);
            Assert.Equal(bob.Core.IdentityKey, Assert.Single(alice.Contacts).PublicKey);
            Assert.Equal(flash, alice.ReadFlash());
        }

        [Fact]
        public void Impostor_calling_with_a_pinned_name_is_an_unknown_unverified_caller()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            rig.Pair(alice, bob);
            var mallory = rig.Add("Bob", 3);
            var (_, _) = rig.Pair(mallory, rig.Add("Carol", 4));
            // Mallory dials Alice with its own key: Alice does not know that key.
            Assert.True(mallory.Core.Call(0, alice.Address));
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.RingingIn));
            var ring = alice.Last(PhoneEventKind.Ringing);
            Assert.Equal(Badge.Unverified, ring.Badge);
            Assert.Equal("Unknown (says Bob)", ring.PeerName);
            Assert.NotNull(ring.Code);
            Assert.Single(alice.Contacts);
        }

        [Fact]
        public void Clone_of_a_contacts_phone_breaks_continuity_and_the_real_phone_is_flagged()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, aliceIndex) = rig.Pair(alice, bob);
            string cloneDir = Path.Combine(Path.GetTempPath(), "phone-fw-clone-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(cloneDir);
            foreach (var f in Directory.GetFiles(bob.Directory))
            {
                File.Copy(f, Path.Combine(cloneDir, Path.GetFileName(f)));
            }

            FlashDump.Write(cloneDir, bob.ReadFlash()); // the flash records too

            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.Connected));
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));

            // The clone holds Bob's identity and the pairing secret (generation 1): Alice still
            // holds generation 1 as her previous one, so the clone's call goes through ...
            var clone = rig.Add("Bob", 3, c => c.AutoAnswer = true, cloneDir);
            Assert.Equal(bob.Core.IdentityKey, clone.Core.IdentityKey);
            clone.Core.Call(aliceIndex, alice.Address);
            Assert.True(rig.RunUntil(() => clone.Core.CallState == CallState.Connected));
            clone.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && clone.Core.IsIdle));

            // ... but it forked the resumption chain: the real Bob's next call cannot read
            // Alice's answer, and Bob gets the loud warning instead of a silent call.
            bob.Core.Call(aliceIndex, alice.Address);
            Assert.True(rig.RunUntil(() => bob.Core.CallState == CallState.KeyWarning));
            Assert.Equal("answer did not decrypt", bob.Last(PhoneEventKind.Fallback).Text);
            Assert.Equal("answer did not decrypt (possible attack)", bob.Last(PhoneEventKind.KeyChanged).Text);
            Assert.Equal(ScreenKind.KeyChanged, bob.Core.CurrentScreen.Kind);
        }

        [Fact]
        public void Forged_answer_to_a_call_triggers_the_warning_not_a_silent_call()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var (bobIndex, _) = rig.Pair(alice, bob);
            rig.Net.Interceptor = d =>
            {
                if (d.Type == MessageType.Call2)
                {
                    d.Bytes[20] ^= 0x55;
                }

                return true;
            };
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.KeyWarning));
            Assert.Equal(1, alice.Core.Counters.Drops(DropReason.HandshakeFailed));
            Assert.Equal("answer did not decrypt (possible attack)", alice.Last(PhoneEventKind.KeyChanged).Text);
        }

        [Fact]
        public void Contact_with_a_new_key_is_repinned_only_after_both_confirm_the_code()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var (bobIndex, _) = rig.Pair(alice, bob);
            byte[] oldKey = bob.Core.IdentityKey;
            bob.Core.FactoryReset(bob.Directory);
            Assert.NotEqual(oldKey, bob.Core.IdentityKey);
            Assert.Empty(bob.Contacts);

            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.KeyWarning));
            Assert.Equal(CallState.RingingIn, bob.Core.CallState);
            Assert.Equal(alice.Core.CurrentCode, bob.Core.CurrentCode);
            bob.Core.Accept();
            alice.Core.Accept();
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            Assert.Equal(oldKey, Assert.Single(alice.Contacts).PublicKey);

            alice.Core.ConfirmCode();
            rig.Settle();
            Assert.Equal(oldKey, Assert.Single(alice.Contacts).PublicKey);
            bob.Core.ConfirmCode();
            rig.Settle();
            var repinned = Assert.Single(alice.Contacts);
            Assert.Equal(bob.Core.IdentityKey, repinned.PublicKey);
            Assert.True(repinned.Verified);
            Assert.True(repinned.Hybrid, "the in-call XX that re-pins is hybrid too (§5.1)");
            Assert.Equal("Bob", repinned.Name);
            Assert.Equal(alice.Core.IdentityKey, Assert.Single(bob.Contacts).PublicKey);
            Assert.True(Assert.Single(bob.Contacts).Hybrid);
            Assert.Equal(Badge.Verified, alice.Core.CallBadge);
            Assert.True(alice.Saw(PhoneEventKind.CallVerified));
        }

        [Fact]
        public void Rejecting_the_code_in_a_warned_call_hangs_up_and_pins_nothing()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var (bobIndex, _) = rig.Pair(alice, bob);
            var mallory = rig.Add("Mallory", 3);
            alice.Core.Call(bobIndex, mallory.Address);
            Assert.True(rig.RunUntil(() => mallory.Core.CallState == CallState.RingingIn));
            mallory.Core.ConfirmCode();
            Assert.True(alice.Core.RejectCode());
            rig.Run(3000);
            Assert.True(alice.Core.IsIdle && mallory.Core.IsIdle);
            Assert.Equal(bob.Core.IdentityKey, Assert.Single(alice.Contacts).PublicKey);
            Assert.Empty(mallory.Contacts);
            Assert.Contains(mallory.Events, e => e.Kind == PhoneEventKind.HungUp && e.Text.Contains("codes differ"));
        }

        /// <summary>
        /// issue 9 item 4: a stale copy of a contact's flash (stolen or cloned phone) calls with a
        /// resumption generation the callee no longer holds: the call falls back to VERIFY from the
        /// pinned key, and the callee gets the same warning screen, decision and event as a caller.
        /// </summary>
        [Fact]
        public void Stale_copy_of_a_contact_calling_gets_the_callee_the_same_warning_as_a_caller()
        {
            using var rig = new Rig();
            var (alice, stale) = StaleCopyCalls(rig, true);
            byte[] flash = alice.ReadFlash();

            var warning = alice.Last(PhoneEventKind.KeyChanged);
            Assert.NotNull(warning);
            Assert.Contains("key continuity lost", warning.Text);
            Assert.Equal("Bob", warning.PeerName);
            Assert.Equal(alice.Core.CurrentCode, warning.Code);
            Assert.Equal(stale.Core.CurrentCode, warning.Code);
            Assert.Equal(ScreenKind.KeyChanged, alice.Core.CurrentScreen.Kind);
            Assert.Equal("!! SECURITY WARNING !!", alice.Core.CurrentScreen.Title);
            Assert.Equal(Badge.Unverified, alice.Core.CallBadge);
            Assert.False(alice.Saw(PhoneEventKind.Ringing));

            // Auto-answer does not skip the decision; the user accepts it as unverified (answering).
            rig.Run(3000);
            Assert.Equal(CallState.KeyWarning, alice.Core.CallState);
            Assert.True(stale.Core.Accept());
            Assert.True(alice.Core.Accept());
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected
                                           && stale.Core.CallState == CallState.Connected));
            Assert.Equal(Badge.Unverified, alice.Core.CallBadge);
            Assert.True(alice.Saw(PhoneEventKind.Unverified));
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && stale.Core.IsIdle));
            Assert.Equal(flash, alice.ReadFlash());
        }

        [Fact]
        public void Callee_warning_confirmed_by_both_codes_rings_verified_and_undecided_one_times_out()
        {
            using var rig = new Rig();
            var (alice, stale) = StaleCopyCalls(rig, false);
            Assert.True(alice.Core.ConfirmCode());
            Assert.True(stale.Core.ConfirmCode());
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.RingingIn));
            Assert.Equal(Badge.Verified, alice.Core.CallBadge);
            Assert.True(alice.Saw(PhoneEventKind.Ringing));
            alice.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && stale.Core.IsIdle));

            using var rig2 = new Rig();
            var (alice2, _) = StaleCopyCalls(rig2, false);
            int connectedBefore = alice2.Count(PhoneEventKind.Connected);
            rig2.Run(alice2.Config.DecisionTimeoutMs - 1000);
            Assert.Equal(CallState.KeyWarning, alice2.Core.CallState);
            rig2.Run(2000);
            Assert.Equal("key warning not accepted", alice2.Last(PhoneEventKind.HungUp).Text);
            Assert.Equal(connectedBefore, alice2.Count(PhoneEventKind.Connected));
        }

        /// <summary>Alice and Bob pair; a copy of Bob's flash is taken; they call twice; the copy calls Alice.</summary>
        private static (TestPhone, TestPhone) StaleCopyCalls(Rig rig, bool autoAnswer)
        {
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = autoAnswer);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, aliceIndex) = rig.Pair(alice, bob);
            string staleDir = Path.Combine(Path.GetTempPath(), "phone-fw-stale-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(staleDir);
            foreach (var f in Directory.GetFiles(bob.Directory))
            {
                File.Copy(f, Path.Combine(staleDir, Path.GetFileName(f)));
            }

            FlashDump.Write(staleDir, bob.ReadFlash()); // the flash records too

            for (int call = 0; call < 2; call++)
            {
                alice.Core.Call(bobIndex, bob.Address);
                Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
                rig.Run(500);
                alice.Core.HangUp();
                Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));
            }

            var stale = rig.Add("Bob", 3, null, staleDir);
            Assert.True(stale.Core.Call(aliceIndex, alice.Address));
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.KeyWarning));
            return (alice, stale);
        }
    }
}
