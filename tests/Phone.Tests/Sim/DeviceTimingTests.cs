// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Calls;
using Phone.Sim.Timing;
using Phone.Tests.Firmware.Support;
using Phone.Tests.Sim.Support;
using Xunit;
using Xunit.Abstractions;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// Device-timing mode (issue 15): native calls stall the phone for their estimated ESP32
    /// duration on the manual clock, and the boards' I2S DMA rings must cover every stall of a call.
    /// </summary>
    public class DeviceTimingTests
    {
        private const long CallMs = 120000;
        private readonly ITestOutputHelper _output;

        public DeviceTimingTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Two_minute_call_with_rekeys_ratchets_and_20_percent_loss_loses_no_frame_to_own_stalls()
        {
            using var rig = new Rig();
            var (stalls, phones) = LossyCall(rig, CallMs, dmaBudgetMs: -1);
            foreach (var (stall, p) in stalls.Zip(phones))
            {
                Report(p, stall);
                Assert.Empty(stall.Unknown);
                Assert.True(p.Core.Counters.Rekeys >= 3, p.Name + " re-keys " + p.Core.Counters.Rekeys);
                Assert.True(p.Core.Counters.Ratchets >= 15, p.Name + " ratchets " + p.Core.Counters.Ratchets);
                Assert.True(stall.WorstStallMs > 17, "the re-key's DH was charged: worst " + stall.WorstStallMs);
                Assert.Equal(0, stall.FramesLostToStalls);
                Assert.True(p.Core.Counters.FramesLost > 0, "the network's 20 % loss reaches the jitter buffer");
            }

            Assert.Equal(CallState.Connected, phones[0].Core.CallState);
        }

        [Fact]
        public void A_DMA_budget_smaller_than_the_rekey_DH_loses_frames_to_own_stalls()
        {
            // 10 ms of stall budget (e.g. a single 30 ms ring less the frame in progress): the
            // re-key's X25519 (17-26 ms on the ESP32) overruns it.
            using var rig = new Rig();
            var (stalls, phones) = LossyCall(rig, 40000, dmaBudgetMs: 10);
            foreach (var (stall, p) in stalls.Zip(phones))
            {
                Report(p, stall);
            }

            Assert.True(stalls.Sum(s => s.FramesLostToStalls) > 0, "no frame lost with a 10 ms budget");
        }

        [Fact]
        public void A_native_call_advances_the_manual_clock_by_its_device_duration()
        {
            var table = DeviceTimingTable.LoadDefault();
            var clock = new ManualClock(0);
            var stall = new DeviceStall(table, clock.Advance);
            stall.Turn(() => CryptoCore.SelfTest());
            Assert.True(table.TryDuration("pc_selftest", out double ms));
            Assert.True(ms > 100, "self-test estimate " + ms);
            Assert.Equal((long)Math.Floor(ms), clock.NowMilliseconds);
            stall.Turn(() => { });
            Assert.Equal((long)Math.Floor(ms), clock.NowMilliseconds);
        }

        [Fact]
        public void The_generated_table_covers_every_entry_point_of_the_C_API()
        {
            var table = DeviceTimingTable.LoadDefault();
            string header = File.ReadAllText(Path.Combine(Phone.Tests.Nano.NanoBuild.RepoRoot,
                "native", "include", "phone_crypto_api.h"));
            var names = Regex.Matches(header, @"PC_API\s+int32_t\s+(pc_\w+)\s*\(").Select(m => m.Groups[1].Value).ToList();
            Assert.True(names.Count > 30, "entry points parsed: " + names.Count);
            string missing = string.Join(", ", names.Where(n => !table.TryDuration(n, out _)));
            Assert.True(missing.Length == 0, "not in device-timing.json: " + missing);
        }

        [Fact]
        public void Sim_phones_with_device_timing_take_the_devices_time_to_show_the_pairing_code()
        {
            // XX pairing until Alice's code: Alice writes, Bob reads and writes, Alice reads. Each of
            // these native calls sleeps its estimate before it runs, so the code cannot show sooner
            // (without device timing it showed after about 100 ms on this loaded machine).
            Assert.True(DeviceTimingTable.LoadDefault().TryDuration("pc_hs_write", out double hsMs));
            using var phones = new UdpPhones();
            Phone.Sim.Board.SimPhone alice = phones.Add("Alice", deviceTiming: true);
            Phone.Sim.Board.SimPhone bob = phones.Add("Bob", deviceTiming: true);
            Assert.True(bob.StartPairingMode());
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.True(new Phone.Sim.Cli.PhoneCommands(alice, null).Execute("pair " + bob.Address).Ok);
            alice.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), 0, UdpPhones.StepTimeout, "code");
            double elapsed = clock.Elapsed.TotalMilliseconds;
            _output.WriteLine("code on Alice after " + elapsed.ToString("F0") + " ms; 4 handshake calls of " + hsMs.ToString("F1") + " ms");
            Assert.True(elapsed >= 4 * Math.Floor(hsMs), "code after " + elapsed + " ms");
            var stats = new Phone.Sim.Cli.PhoneCommands(alice, null).Execute("stats");
            Assert.Equal("0", stats.Fields["framesLostToStalls"]);
            Assert.Contains("device timing: native calls", stats.Message);
        }

        private static (DeviceStall[], TestPhone[]) LossyCall(Rig rig, long callMs, int dmaBudgetMs)
        {
            var alice = rig.Add("Alice", 1, Schedule);
            var bob = rig.Add("Bob", 2, Schedule);
            var (bobIndex, _) = rig.Pair(alice, bob);
            var stalls = new[] { rig.UseDeviceTiming(alice, dmaBudgetMs), rig.UseDeviceTiming(bob, dmaBudgetMs) };
            alice.Mic.Limit = (int)(callMs / 20) + 500;
            bob.Mic.Limit = alice.Mic.Limit;
            alice.Core.Call(bobIndex, bob.Address);
            Assert.True(rig.RunUntil(() => alice.Core.CallState == CallState.Connected));
            var random = new Random(15);
            rig.Net.Interceptor = d => random.NextDouble() >= 0.2;
            rig.Run(callMs, 20);
            return (stalls, new[] { alice, bob });
        }

        private static void Schedule(PhoneConfig c)
        {
            c.AutoAnswer = true;
            c.RatchetIntervalMs = 5000;
            c.RekeyIntervalMs = 30000;
            c.CallIdleTimeoutMs = 20000;
        }

        private void Report(TestPhone p, DeviceStall stall)
        {
            _output.WriteLine(p.Name + ": " + p.Core.Counters);
            _output.WriteLine(p.Name + ": device time in native calls " + stall.NativeMs.ToString("F0") + " ms, worst stall "
                + stall.WorstStallMs.ToString("F1") + " ms (budget " + stall.AudioBudgetMs + " ms), frames lost to own stalls "
                + stall.FramesLostToStalls);
            foreach (var e in stall.Totals.OrderByDescending(e => e.Value.Ms))
            {
                _output.WriteLine("  " + e.Key + " x" + e.Value.Calls + " " + e.Value.Ms.ToString("F1") + " ms");
            }
        }
    }
}
