// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>issue 9 item 7: the smaller holes, each with the message a user sees.</summary>
    public class SmallHardeningTests
    {
        [Fact]
        public void Rejecting_an_unknown_caller_does_not_tell_the_caller_the_codes_differ()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var mallory = rig.Add("Mallory", 3);
            var carol = rig.Add("Carol", 4);
            rig.Pair(mallory, carol);
            Assert.True(mallory.Core.Call(0, alice.Address));
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.RingingIn));
            Assert.True(alice.Core.RejectCode());
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && mallory.Core.IsIdle));
            var ended = mallory.Last(PhoneEventKind.HungUp);
            Assert.DoesNotContain("codes differ", ended.Text);
            Assert.Equal("call declined", ended.Text);
            Assert.Equal("call declined", alice.Last(PhoneEventKind.HungUp).Text);
        }

        [Fact]
        public void Pairing_with_yourself_says_so()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            Assert.True(alice.Core.Pair(alice.Address));
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle));
            var failed = alice.Last(PhoneEventKind.PairingFailed);
            Assert.NotNull(failed);
            Assert.Equal("that is this phone: pair with another one", failed.Text);
            Assert.Empty(alice.Contacts);
        }

        /// <summary>
        /// The flash fails to write just before the step that stores: a directory in the place of
        /// every record's temp file (native/host/storage_file.c writes temp, then renames), so every
        /// write fails while every record still reads.
        /// </summary>
        private static void BreakFlash(TestPhone phone)
        {
            for (int record = 0; record < 16 + KeyStore.ContactCapacity; record++)
            {
                System.IO.Directory.CreateDirectory(System.IO.Path.Combine(phone.FlashPath, record + ".tmp"));
            }
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Flash_error_while_remembering_ends_the_call_cleanly_with_a_message(bool calleeFails)
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, _) = rig.Pair(alice, bob);
            var broken = calleeFails ? bob : alice;
            var other = calleeFails ? alice : bob;
            BreakFlash(broken);
            Assert.True(alice.Core.Call(bobIndex, bob.Address));
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle));
            var ended = broken.Last(PhoneEventKind.HungUp);
            Assert.NotNull(ended);
            Assert.Equal("flash error: the contact's keys could not be saved", ended.Text);
            Assert.Contains(broken.Screens, sc => sc.Title == "Call ended"
                                                  && sc.Lines[0] == "flash error: the contact's keys could not be saved");
            Assert.True(other.Saw(PhoneEventKind.HungUp));
        }
    }
}
