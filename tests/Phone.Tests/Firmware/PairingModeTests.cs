// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Pairing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// The responder's pairing mode (docs/protocol.md §5.2) and one VERIFY per call (§7.4):
    /// PAIR_1 is answered only in a mode its user started, once, for a limited time; a failed
    /// attempt ends the mode where the user sees it.
    /// </summary>
    public class PairingModeTests
    {
        [Fact]
        public void Outside_pairing_mode_pair1_is_dropped_and_told_not_pairing_with_a_smaller_error()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            Assert.True(alice.Core.Pair(bob.Address));
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle, 5000));

            Assert.DoesNotContain(rig.Net.Log, d => d.Type == MessageType.Pair2);
            Assert.True(bob.Core.Counters.Drops(DropReason.NotPairing) >= 1);
            Datagram error = rig.Net.Log.Find(d => d.Type == MessageType.Error);
            Assert.NotNull(error);
            Assert.Equal(ErrorCode.NotPairing, ErrorDatagram.Code(error.Bytes, 0));
            Datagram pair1 = rig.Net.Log.Find(d => d.Type == MessageType.Pair1);
            Assert.True(error.Bytes.Length < pair1.Bytes.Length);
            Assert.Contains("not in pairing mode", alice.Last(PhoneEventKind.PairingFailed).Text);
            Assert.True(bob.Core.IsIdle);
            Assert.False(bob.Saw(PhoneEventKind.PairingStarted));
        }

        [Fact]
        public void Pairing_mode_shows_the_time_left_and_ends_by_itself()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2, c => c.PairingModeMs = 30000);
            Assert.True(bob.Core.StartPairingMode());
            Assert.Equal(PairingModeState.Waiting, bob.Core.PairingModeState);
            Assert.Equal("Pairing mode", bob.Core.CurrentScreen.Title);
            Assert.Contains("30 s left", bob.Core.CurrentScreen.Lines);
            Assert.Contains("30 s", bob.Last(PhoneEventKind.PairingModeStarted).Text);
            rig.Run(10000, 100);
            Assert.Contains("20 s left", bob.Core.CurrentScreen.Lines);
            bob.Core.ShowContacts(); // a screen the user opened is not overwritten by the countdown
            rig.Run(10000, 100);
            Assert.Equal(ScreenKind.Contacts, bob.Core.CurrentScreen.Kind);
            bob.Core.ShowIdle();
            Assert.Contains("10 s left", bob.Core.CurrentScreen.Lines);
            rig.Run(10100, 100);
            Assert.False(bob.Core.InPairingMode);
            Assert.Contains("timed out", bob.Last(PhoneEventKind.PairingModeEnded).Text);
            Assert.Equal(ScreenKind.Idle, bob.Core.CurrentScreen.Kind);

            var alice = rig.Add("Alice", 1);
            Assert.True(alice.Core.Pair(bob.Address));
            rig.Settle();
            Assert.Equal(1, bob.Core.Counters.Drops(DropReason.NotPairing));
        }

        [Fact]
        public void Bad_durations_are_refused_and_change_nothing()
        {
            using var rig = new Rig();
            var bob = rig.Add("Bob", 2);
            Assert.False(bob.Core.StartPairingMode(0));
            Assert.False(bob.Core.StartPairingMode(-5));
            Assert.False(bob.Core.StartPairingMode(PhoneCore.MaxPairingModeSeconds + 1));
            Assert.False(bob.Core.InPairingMode);
            Assert.False(bob.Saw(PhoneEventKind.PairingModeStarted));
            Assert.True(bob.Core.StartPairingMode(PhoneCore.MaxPairingModeSeconds));
            Assert.Equal(PhoneCore.MaxPairingModeSeconds, bob.Core.PairingModeSecondsLeft);
        }

        [Fact]
        public void One_outstanding_pairing_a_second_request_gets_busy_and_no_answer()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var carol = rig.Add("Carol", 3);
            rig.Net.Interceptor = d => !(d.From.SameAs(alice.Address) && d.Type == MessageType.Pair3);
            Assert.True(bob.Core.StartPairingMode());
            Assert.True(alice.Core.Pair(bob.Address));
            rig.Settle();
            Assert.Equal(PairingModeState.Engaged, bob.Core.PairingModeState);
            Assert.Equal(ScreenKind.Pairing, bob.Core.CurrentScreen.Kind);

            Assert.True(carol.Core.Pair(bob.Address));
            rig.Settle();
            Assert.DoesNotContain(rig.Net.Log, d => d.Type == MessageType.Pair2 && d.To.SameAs(carol.Address));
            Assert.True(bob.Core.Counters.Drops(DropReason.Busy) >= 1);
        }

        [Fact]
        public void Abandoned_half_open_attempt_ends_the_mode_visibly_and_the_next_request_is_not_answered()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            rig.Net.Interceptor = d => !(d.From.SameAs(alice.Address) && d.Type == MessageType.Pair3);
            Assert.True(bob.Core.StartPairingMode());
            Assert.True(alice.Core.Pair(bob.Address));
            Assert.True(rig.RunUntil(() => !bob.Core.InPairingMode, 20000, 100));

            var ended = bob.Last(PhoneEventKind.PairingModeEnded);
            Assert.Equal("pairing attempt failed - start again", ended.Text);
            Assert.Equal(ScreenKind.Idle, bob.Core.CurrentScreen.Kind);
            Assert.Contains(PhoneCore.AttemptFailedNotice, bob.Core.CurrentScreen.Lines);

            rig.Net.Interceptor = null;
            var carol = rig.Add("Carol", 3);
            Assert.True(carol.Core.Pair(bob.Address));
            rig.Settle();
            Assert.DoesNotContain(rig.Net.Log, d => d.Type == MessageType.Pair2 && d.To.SameAs(carol.Address));
            Assert.Equal(1, bob.Core.Counters.Drops(DropReason.NotPairing));

            // The user starts it again: the notice goes, the next attempt is answered and pairs.
            rig.RunUntil(() => carol.Core.IsIdle, 20000, 100);
            Assert.True(bob.Core.StartPairingMode());
            Assert.DoesNotContain(PhoneCore.AttemptFailedNotice, bob.Core.CurrentScreen.Lines);
            rig.Pair(carol, bob);
            Assert.Single(bob.Contacts);
            Assert.False(bob.Core.InPairingMode);
            Assert.Equal("paired", bob.Last(PhoneEventKind.PairingModeEnded).Text);
            Assert.DoesNotContain(PhoneCore.AttemptFailedNotice, bob.Core.CurrentScreen.Lines);
        }

        [Fact]
        public void Codes_rejected_ends_the_mode_with_the_notice()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            Assert.True(bob.Core.StartPairingMode());
            Assert.True(alice.Core.Pair(bob.Address));
            rig.Settle();
            Assert.Equal(PairingState.CodeShown, bob.Core.PairingState);
            Assert.True(alice.Core.RejectCode()); // "the codes differ" on the other phone
            Assert.True(rig.RunUntil(() => bob.Core.IsIdle && alice.Core.IsIdle, 10000));
            Assert.False(bob.Core.InPairingMode);
            Assert.Equal("pairing attempt failed - start again", bob.Last(PhoneEventKind.PairingModeEnded).Text);
            Assert.Contains(PhoneCore.AttemptFailedNotice, bob.Core.CurrentScreen.Lines);
        }

        [Fact]
        public void Cancelling_the_mode_or_pairing_from_this_phone_closes_it()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            Assert.True(bob.Core.StartPairingMode());
            Assert.True(bob.Core.HangUp()); // the Cancel key on the pairing-mode screen
            Assert.False(bob.Core.InPairingMode);
            Assert.Equal("cancelled", bob.Last(PhoneEventKind.PairingModeEnded).Text);
            Assert.False(bob.Core.CancelPairingMode());

            Assert.True(bob.Core.StartPairingMode());
            Assert.True(bob.Core.Pair(alice.Address)); // this user pairs from here instead
            Assert.False(bob.Core.InPairingMode);
            Assert.False(bob.Core.StartPairingMode()); // busy with its own pairing
        }

        [Fact]
        public void A_second_verify_for_the_same_call_is_refused_and_shown()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var mallory = rig.Add("Mallory", 3);
            rig.Pair(mallory, rig.Add("Carol", 4));
            // Mallory is no contact of Alice's: her CALL_FALLBACK sends Mallory to VERIFY.
            Assert.True(mallory.Core.Call(0, alice.Address));
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.RingingIn));
            byte[] verify1 = rig.Net.Log.Find(d => d.Type == MessageType.Verify1).Bytes;
            Assert.True(alice.Core.RejectCode());
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && mallory.Core.IsIdle, 10000));
            int answers = rig.Net.Log.FindAll(d => d.Type == MessageType.Verify2).Count;

            // The same call's VERIFY_1 again, as a new session from another address: another look at N_r.
            var replies = new List<byte[]>();
            var elsewhere = FakeNetwork.Address(9);
            rig.Net.Attach(elsewhere, d => replies.Add(d.Bytes));
            for (int copy = 0; copy < 3; copy++)
            {
                byte[] again = (byte[])verify1.Clone();
                HandshakeDatagram.WriteHeader(again, MessageType.Verify1, 0x5150u + (uint)copy, 0);
                rig.Net.Send(elsewhere, alice.Address, FirstMessages.Restamp(again));
                rig.Settle();
            }

            Assert.DoesNotContain(replies, b => b[1] == MessageType.Verify2);
            Assert.Equal(answers, rig.Net.Log.FindAll(d => d.Type == MessageType.Verify2).Count);
            Assert.Equal(3, alice.Core.Counters.Drops(DropReason.SecondVerify));
            Assert.Equal(1, alice.Count(PhoneEventKind.VerifyRefused)); // once per call, not per copy
            Assert.Contains("second verification", alice.Last(PhoneEventKind.VerifyRefused).Text);
            Assert.Contains("Call refused: second verification", alice.Core.CurrentScreen.Lines);
            Assert.True(alice.Core.IsIdle);

            // A VERIFY_1 of a new call (fresh call id) is answered; abandoned half-open, it is shown.
            Assert.False(alice.Saw(PhoneEventKind.VerifyAbandoned)); // the genuine, completed one was not
            byte[] fresh = (byte[])verify1.Clone();
            HandshakeDatagram.WriteHeader(fresh, MessageType.Verify1, 0x6160u, 0);
            fresh[WireFormat.HandshakeBodyOffset + 32 + PayloadLayout.CommitLength] ^= 0x5A;
            rig.Net.Send(elsewhere, alice.Address, FirstMessages.Restamp(fresh));
            rig.Settle();
            Assert.Contains(replies, b => b[1] == MessageType.Verify2);
            Assert.True(rig.RunUntil(() => alice.Saw(PhoneEventKind.VerifyAbandoned), 10000, 100));
            Assert.Contains("not completed", alice.Last(PhoneEventKind.VerifyAbandoned).Text);
            Assert.Contains("Missed call: verification not completed", alice.Core.CurrentScreen.Lines);
        }
    }
}
