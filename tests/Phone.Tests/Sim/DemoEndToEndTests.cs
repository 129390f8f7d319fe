// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Phone.Sim.Agent;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>The README's main job, end to end: `demo` with its two phone processes.</summary>
    public class DemoEndToEndTests
    {
        private static async Task<(int Exit, string Output, string Errors)> RunDemo(params string[] args)
        {
            ProcessStartInfo info = SelfLauncher.StartInfo(args);
            info.RedirectStandardInput = false;
            using var demo = Process.Start(info);
            Task<string> stdout = demo.StandardOutput.ReadToEndAsync();
            Task<string> stderr = demo.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await demo.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                demo.Kill(true);
                throw new TimeoutException("demo did not finish in 2 minutes:\n" + await stdout);
            }

            return (demo.ExitCode, await stdout, await stderr);
        }

        [Fact]
        public async Task DemoPairsCallsStreamsFiveSecondsAndHangsUp()
        {
            string outDir = Path.Combine(Path.GetTempPath(), "phone-sim-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                (int exit, string output, string errors) = await RunDemo("demo", "--out", outDir, "--seconds", "5", "--no-color");

                Assert.True(exit == 0, "demo failed:\n" + output + "\n" + errors);
                Assert.Contains("RESULT: OK", output);
                Assert.Contains("both pairing screens show \"post-quantum: ML-KEM-768\"", output);
                Match code = Regex.Match(output, @"both displays show the same code: Alice (\d{3} \d{3}), Bob (\d{3} \d{3})");
                Assert.True(code.Success, output);
                Assert.Equal(code.Groups[1].Value, code.Groups[2].Value);
                Assert.Matches(@"media keys ready on Alice after [0-9.]+ ms, 1 round trip", output);
                Assert.Matches(@"Alice -> Bob: sent 250, played 250, bit-exact 250", output);
                Assert.Matches(@"Bob -> Alice: sent 250, played 250, bit-exact 250", output);
                Assert.Contains("DH RE-KEY", output);
                foreach (string png in new[] { "alice-code.png", "bob-code.png", "alice-call.png", "bob-call.png" })
                {
                    Assert.True(new FileInfo(Path.Combine(outDir, png)).Length > 0, png + " missing");
                }
            }
            finally
            {
                if (Directory.Exists(outDir))
                {
                    Directory.Delete(outDir, true);
                }
            }
        }

        [Fact]
        public async Task DemoFailsWhenItCannotDoItsJob()
        {
            // A WAV file that is not one: the demo must say so and exit non-zero, not pretend.
            string outDir = Path.Combine(Path.GetTempPath(), "phone-sim-demo-" + Guid.NewGuid().ToString("N"));
            string wav = Path.GetTempFileName();
            try
            {
                File.WriteAllText(wav, "not a wav file");
                (int exit, string output, _) = await RunDemo("demo", "--out", outDir, "--wav", wav, "--no-color");
                Assert.NotEqual(0, exit);
                Assert.Contains("RESULT: FAILED", output);
            }
            finally
            {
                File.Delete(wav);
                if (Directory.Exists(outDir))
                {
                    Directory.Delete(outDir, true);
                }
            }
        }
    }
}
