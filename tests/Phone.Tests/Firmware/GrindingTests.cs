// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// DESIGN §3: a man in the middle who can choose its own nonces against a
    /// code shortened to 8 bits must win about 1/256 of the time, not almost
    /// always. The first test runs the product's pairing (both phones are
    /// PhoneCores); the control removes the commitment (the initiator reveals
    /// N_i in message 1) and the same attacker then wins almost every time,
    /// so the measurement can fail.
    /// </summary>
    public class GrindingTests
    {
        private const int Bits = 8;
        private const int Runs = 1000;
        private const int ControlRuns = 100;
        private const int MaxCandidates = 4096;
        private readonly ITestOutputHelper _output;

        public GrindingTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Grinding_attacker_against_the_commitment_wins_about_one_in_256()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.CodeBits = Bits);
            var bob = rig.Add("Bob", 2, c => c.CodeBits = Bits);
            using var mitm = new GrindingAttacker(CodeFormat.FromBits(Bits));
            var mitmAddress = FakeNetwork.Address(3);
            var fromAlice = new List<byte[]>();
            var fromBob = new List<byte[]>();
            rig.Net.Interceptor = d =>
            {
                if (d.From.SameAs(alice.Address) && d.To.SameAs(bob.Address))
                {
                    fromAlice.Add(d.Bytes);
                    return false;
                }

                return true;
            };
            rig.Net.Attach(mitmAddress, d => fromBob.Add(d.Bytes));

            int wins = 0;
            for (int run = 0; run < Runs; run++)
            {
                fromAlice.Clear();
                fromBob.Clear();
                bob.Core.StartPairingMode();
                Assert.True(alice.Core.Pair(bob.Address));
                rig.Settle();
                Assert.Equal(2, fromAlice.Count); // PAIR_1 in two fragments
                byte[] alicePair1 = Fragments.Join(fromAlice, MessageType.Pair1);

                // Toward Bob first: the attacker learns Bob's code before it must answer Alice.
                byte[] pair1 = mitm.StartTowardResponder(0x1000u + (uint)run, out var towardBob, out var nonce);
                Fragments.Send(rig.Net, mitmAddress, bob.Address, pair1);
                rig.Settle();
                byte[] pair2 = Fragments.Join(fromBob, MessageType.Pair2);
                byte[] pair3 = mitm.FinishTowardResponder(towardBob, nonce, pair2, 0x1000u + (uint)run, out int bobCode);
                rig.Net.Send(mitmAddress, bob.Address, pair3);
                rig.Settle();
                Assert.Equal(PairingState.CodeShown, bob.Core.PairingState);
                Assert.Equal(VerificationCode.Format(bobCode, CodeFormat.FromBits(Bits)), bob.Core.CurrentCode);

                // Toward Alice: she only committed to N_i, so nothing can be ground.
                byte[] answer = mitm.AnswerInitiator(alicePair1, null, bobCode, 0x2000u + (uint)run, MaxCandidates,
                    out var towardAlice);
                Fragments.Send(rig.Net, mitmAddress, alice.Address, answer);
                rig.Settle();
                towardAlice.Dispose();
                Assert.Equal(PairingState.CodeShown, alice.Core.PairingState);
                if (alice.Core.CurrentCode == bob.Core.CurrentCode)
                {
                    wins++;
                }

                alice.Core.RejectCode();
                bob.Core.RejectCode();
                Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle, 20000, 250));
            }

            _output.WriteLine($"8-bit code, with commitment: attacker matched {wins}/{Runs} = {wins / (double)Runs:P2} " +
                              $"(expected 1/256 = {1 / 256.0:P2}); candidates tried {mitm.Candidates}");
            Assert.Empty(alice.Contacts);
            Assert.Empty(bob.Contacts);
            // Binomial(1000, 1/256): mean 3.9, sd 2.0; P(X > 12) < 0.1%.
            Assert.InRange(wins, 0, 12);
        }

        [Fact]
        public void Control_without_the_commitment_lets_the_same_attacker_win_almost_always()
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.CodeBits = Bits);
            var bob = rig.Add("Bob", 2, c => c.CodeBits = Bits);
            using var mitm = new GrindingAttacker(CodeFormat.FromBits(Bits));
            var mitmAddress = FakeNetwork.Address(3);
            var fromBob = new List<byte[]>();
            rig.Net.Attach(mitmAddress, d => fromBob.Add(d.Bytes));
            var format = CodeFormat.FromBits(Bits);
            var prologue = Utf8.GetBytes("phone/v1/pair");
            var payload = new byte[256];

            int wins = 0;
            for (int run = 0; run < ControlRuns; run++)
            {
                fromBob.Clear();
                bob.Core.StartPairingMode();
                // Alice without the commitment: message 1 carries N_i itself.
                byte[] ni = GrindingAttacker.Random32();
                using var aliceHs = new Handshake(alice.Store, NoisePattern.XX, NoisePattern.Initiator, prologue, null);
                var buffer = new byte[FragmentFormat.MaxMessage];
                HandshakeDatagram.WriteHeader(buffer, MessageType.Pair1, 0x3000u + (uint)run, 0);
                int n1 = aliceHs.WriteMessage(ni, 32, buffer, WireFormat.HandshakeBodyOffset);
                byte[] ek = aliceHs.KemOffer();
                Array.Copy(ek, 0, buffer, WireFormat.HandshakeBodyOffset + n1, ek.Length);
                byte[] alicePair1 = new byte[WireFormat.HandshakeBodyOffset + n1 + ek.Length];
                Array.Copy(buffer, alicePair1, alicePair1.Length);

                byte[] pair1 = mitm.StartTowardResponder(0x1000u + (uint)run, out var towardBob, out var nonce);
                Fragments.Send(rig.Net, mitmAddress, bob.Address, pair1);
                rig.Settle();
                byte[] pair2 = Fragments.Join(fromBob, MessageType.Pair2);
                byte[] pair3 = mitm.FinishTowardResponder(towardBob, nonce, pair2, 0x1000u + (uint)run, out int bobCode);
                rig.Net.Send(mitmAddress, bob.Address, pair3);
                rig.Settle();
                Assert.Equal(PairingState.CodeShown, bob.Core.PairingState);

                // The attacker read N_i in message 1: it grinds N_r' until Alice's code equals Bob's.
                byte[] answer = mitm.AnswerInitiator(alicePair1, ni, bobCode, 0x2000u + (uint)run, MaxCandidates,
                    out var towardAlice);
                towardAlice.Dispose();
                const int ctLength = CryptoCore.KemCiphertextLength;
                Assert.Equal(0, aliceHs.KemFinish(answer.AsSpan(WireFormat.HandshakeBodyOffset, ctLength).ToArray(), ctLength));
                int n2 = aliceHs.ReadMessage(answer, WireFormat.HandshakeBodyOffset + ctLength,
                    answer.Length - WireFormat.HandshakeBodyOffset - ctLength, payload);
                Assert.True(n2 > 32);
                byte[] nr = new byte[32];
                Array.Copy(payload, nr, 32);
                int aliceCode = VerificationCode.Derive(aliceHs.HandshakeHash(), ni, nr, format);
                if (VerificationCode.Format(aliceCode, format) == bob.Core.CurrentCode)
                {
                    wins++;
                }

                bob.Core.RejectCode();
                Assert.True(rig.RunUntil(() => bob.Core.IsIdle, 20000, 250));
            }

            _output.WriteLine($"8-bit code, WITHOUT commitment: attacker matched {wins}/{ControlRuns} = " +
                              $"{wins / (double)ControlRuns:P1}; candidates tried {mitm.Candidates}");
            Assert.True(wins >= ControlRuns * 95 / 100, "control attacker won only " + wins + "/" + ControlRuns);
        }
    }
}
