// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// Issue 9 item 1: a man in the middle who already finished with Alice (her code is fixed)
    /// opens session after session with Bob from rotating spoofed addresses, within Bob's rate
    /// limits, reads Bob's N_r from each PAIR_2, and abandons every session whose code differs
    /// from Alice's. Without a pairing mode a half-open pairing vanishes silently, so at 8 bits
    /// the attacker matches after about 256 sessions with nothing on Bob's display. With the
    /// pairing mode Bob answers one PAIR_1 per user action, and the abandoned attempt ends the
    /// mode visibly: sessions that reach code comparison = user actions.
    /// </summary>
    public class MultiSessionGrindingTests
    {
        private const int Bits = 8;
        private const int UserActions = 48;
        private const int ModeMs = 20000;
        private const int StepMs = 50; // 20 first messages a second: the product's global rate
        private readonly ITestOutputHelper _output;

        public MultiSessionGrindingTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Grinding_over_many_sessions_gets_one_attempt_per_user_action_and_each_failure_is_visible()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.CodeBits = Bits);
            var bob = rig.Add("Bob", 2, c =>
            {
                c.CodeBits = Bits;
                c.PairingModeMs = ModeMs;
                c.PerSourceRate = 4; // the product's limits (the test config raises them)
                c.GlobalRate = 20;
            });
            var format = CodeFormat.FromBits(Bits);
            using var mitm = new GrindingAttacker(format);
            var fromAlice = new List<byte[]>();
            var fromBob = new List<byte[]>();
            rig.Net.Interceptor = d =>
            {
                if (d.From.SameAs(alice.Address) && d.To.SameAs(bob.Address))
                {
                    fromAlice.Add(d.Bytes);
                    return false;
                }

                if (d.From.SameAs(bob.Address) && !d.To.SameAs(alice.Address))
                {
                    fromBob.Add(d.Bytes); // the attacker sees replies to the addresses it spoofs
                    return false;
                }

                return true;
            };

            int reached = 0, wins = 0, sessions = 0;
            for (int action = 0; action < UserActions; action++)
            {
                string aliceCode = FinishWithAlice(rig, alice, bob, mitm, fromAlice, action);

                // Bob's user starts pairing mode (the user action); the attacker grinds until it ends.
                Assert.True(bob.Core.StartPairingMode());
                long until = rig.Clock.NowMilliseconds + ModeMs + bob.Config.HandshakeTimeoutMs + 1000;
                Handshake hs = null;
                byte[] nonce = null, pair1 = null;
                bool won = false;
                while (!won && rig.Clock.NowMilliseconds < until)
                {
                    if (hs == null)
                    {
                        pair1 = mitm.StartTowardResponder(1, out hs, out nonce);
                    }

                    uint id = 0x10000u + (uint)sessions;
                    HandshakeDatagram.WriteHeader(pair1, MessageType.Pair1, id, 0);
                    fromBob.Clear();
                    rig.Net.Send(Spoofed(sessions++), bob.Address, FirstMessages.Restamp(pair1));
                    rig.Settle();
                    byte[] pair2 = fromBob.Find(b => b[1] == MessageType.Pair2 && HandshakeDatagram.ReceiverId(b, 0) == id);
                    if (pair2 != null)
                    {
                        reached++; // the attacker holds Bob's N_r: it compares the codes
                        byte[] pair3 = mitm.FinishTowardResponder(hs, nonce, pair2, id, out int bobCode);
                        hs = null;
                        if (VerificationCode.Format(bobCode, format) == aliceCode)
                        {
                            rig.Net.Send(Spoofed(sessions - 1), bob.Address, pair3);
                            rig.Settle();
                            won = true;
                            wins++;
                            Assert.Equal(aliceCode, bob.Core.CurrentCode);
                        }
                    }

                    rig.Clock.Advance(StepMs);
                    rig.Settle();
                }

                hs?.Dispose();
                alice.Core.RejectCode();
                bob.Core.RejectCode();
                Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle && !bob.Core.InPairingMode,
                    ModeMs + 20000, 100));
            }

            int failedShown = bob.Events.FindAll(e => e.Kind == PhoneEventKind.PairingModeEnded
                                                      && e.Text.Contains("pairing attempt failed - start again")).Count;
            int noticesShown = bob.Screens.FindAll(s => string.Join("\n", s.Lines)
                .Contains("Pairing attempt failed - start again")).Count;
            _output.WriteLine($"8-bit code, {UserActions} user actions on Bob: {sessions} sessions opened from " +
                              $"{sessions} addresses, {reached} reached code comparison, {wins} matched; " +
                              $"{failedShown} 'attempt failed' events, {bob.Core.Counters.Drops(DropReason.NotPairing)} " +
                              $"PAIR_1 dropped as not pairing, {bob.Core.Counters.Drops(DropReason.Busy)} as busy");
            Assert.Equal(UserActions, reached);
            // Binomial(48, 1/256): mean 0.19; P(X > 3) < 0.01%.
            Assert.InRange(wins, 0, 3);
            Assert.Equal(UserActions, failedShown); // every attempt failed (a win is rejected by the users too)
            Assert.True(noticesShown >= UserActions, "notices shown: " + noticesShown);
            Assert.Empty(bob.Contacts);
            Assert.Empty(alice.Contacts);
        }

        /// <summary>Alice pairs toward Bob; the attacker answers her blind and she shows her code (fixed now).</summary>
        private static string FinishWithAlice(Rig rig, TestPhone alice, TestPhone bob, GrindingAttacker mitm,
            List<byte[]> fromAlice, int action)
        {
            fromAlice.Clear();
            Assert.True(alice.Core.Pair(bob.Address));
            rig.Settle();
            byte[] alicePair1 = fromAlice.Find(b => b[1] == MessageType.Pair1);
            byte[] answer = mitm.AnswerInitiator(alicePair1, null, 0, 0x2000u + (uint)action, 1, out var towardAlice);
            rig.Net.Send(bob.Address, alice.Address, answer); // spoofing Bob's address
            rig.Settle();
            towardAlice.Dispose();
            Assert.Equal(PairingState.CodeShown, alice.Core.PairingState);
            // The attacker reads N_i from Alice's PAIR_3 and computes this code; the test reads it from her display.
            return alice.Core.CurrentCode;
        }

        private static NetAddress Spoofed(int n) => new NetAddress(10, 1, (byte)(n >> 8), (byte)n, 7000);
    }
}
