// SPDX-License-Identifier: MIT
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// issue 9 item 3: whichever side calls next, the resumption secrets are in step after a call
    /// setup that lost one packet, or that was cut off at any packet: the next call in either
    /// direction resumes with IKpsk2 (no fallback, no warning).
    /// </summary>
    public class ResumptionStepTests
    {
        /// <summary>Datagrams of a call setup from CALL_1 to the first media frames.</summary>
        private const int SetupPackets = 10;

        public static TheoryData<int, bool, bool> Cases()
        {
            var data = new TheoryData<int, bool, bool>();
            for (int k = 0; k < SetupPackets; k++)
            {
                foreach (bool cut in new[] { false, true })
                {
                    foreach (bool aliceCalls in new[] { true, false })
                    {
                        data.Add(k, cut, aliceCalls);
                    }
                }
            }

            return data;
        }

        /// <summary>
        /// Alice calls Bob; datagram k of the setup is lost (cut: k and everything after it, until
        /// both phones gave up). Then aliceCallsFirst decides who calls next; both directions are tried.
        /// </summary>
        [Theory]
        [MemberData(nameof(Cases))]
        public void Next_call_in_either_direction_resumes_after_a_lost_or_cut_setup_packet(int k, bool cut,
            bool aliceCallsFirst)
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AutoAnswer = true);
            var bob = rig.Add("Bob", 2, c => c.AutoAnswer = true);
            var (bobIndex, aliceIndex) = rig.Pair(alice, bob);
            int seen = 0;
            rig.Net.Interceptor = d =>
            {
                int n = seen++;
                return cut ? n < k : n != k;
            };
            alice.Core.Call(bobIndex, bob.Address);
            rig.Run(3000);
            alice.Core.HangUp();
            bob.Core.HangUp();
            Assert.True(rig.RunUntil(() => alice.Core.IsIdle && bob.Core.IsIdle, 60000));
            rig.Net.Interceptor = null;
            int fallbacks = alice.Count(PhoneEventKind.Fallback) + bob.Count(PhoneEventKind.Fallback);

            CallAndHangUp(rig, aliceCallsFirst ? alice : bob, aliceCallsFirst ? bobIndex : aliceIndex,
                aliceCallsFirst ? bob : alice);
            CallAndHangUp(rig, aliceCallsFirst ? bob : alice, aliceCallsFirst ? aliceIndex : bobIndex,
                aliceCallsFirst ? alice : bob);
            Assert.Equal(fallbacks, alice.Count(PhoneEventKind.Fallback) + bob.Count(PhoneEventKind.Fallback));
            Assert.False(alice.Saw(PhoneEventKind.KeyChanged) || bob.Saw(PhoneEventKind.KeyChanged));
        }

        private static void CallAndHangUp(Rig rig, TestPhone caller, int calleeIndex, TestPhone callee)
        {
            Assert.True(caller.Core.Call(calleeIndex, callee.Address));
            Assert.True(rig.RunUntil(() => caller.Core.CallState == CallState.Connected
                                           || caller.Core.CallState == CallState.KeyWarning));
            Assert.Equal(CallState.Connected, caller.Core.CallState);
            Assert.Equal(1, caller.Last(PhoneEventKind.CallKeysReady).RoundTrips);
            rig.Run(200);
            caller.Core.HangUp();
            Assert.True(rig.RunUntil(() => caller.Core.IsIdle && callee.Core.IsIdle));
        }
    }
}
