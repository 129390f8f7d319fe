// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using Phone.Sim.Demo;

namespace Phone.Sim.Cli
{
    /// <summary>`demo`: the README's main job.</summary>
    internal static class DemoCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var outDir = new Option<string>("--out") { Description = "directory for PNG displays and flash", DefaultValueFactory = _ => "build/demo" };
            var seconds = OptionValues.Number("--seconds", "seconds of audio each way (at least 5 for the full demo)", 1, 600, 5);
            var wav = new Option<string>("--wav") { Description = "WAV file (16-bit PCM) Alice sends instead of a tone" };
            var rekey = OptionValues.WholeNumber("--rekey-ms", "DH re-key interval during the call",
                PhoneOptions.MinRekeyMs, PhoneOptions.MaxIntervalMs, 2000);
            var ratchet = OptionValues.WholeNumber("--ratchet-ms", "symmetric ratchet interval during the call",
                PhoneOptions.MinRatchetMs, PhoneOptions.MaxIntervalMs, 1000);
            var noColour = new Option<bool>("--no-color") { Description = "no ANSI colours" };
            var deviceTiming = new Option<bool>("--device-timing")
            {
                Description = "both phones' native calls take as long as on a 240 MHz ESP32: times as the device would show them"
            };
            var command = new Command("demo", "Two phones (separate processes) pair, show the same code, call over the cached keys, stream audio with re-keys, hang up.")
            {
                outDir, seconds, wav, rekey, ratchet, noColour, deviceTiming
            };
            command.SetAction(parse =>
            {
                var options = new DemoOptions
                {
                    OutDir = parse.GetValue(outDir), Seconds = parse.GetValue(seconds), Wav = parse.GetValue(wav),
                    RekeyMs = parse.GetValue(rekey), RatchetMs = parse.GetValue(ratchet),
                    DeviceTiming = parse.GetValue(deviceTiming),
                    Colour = !parse.GetValue(noColour) && !Console.IsOutputRedirected
                             && Environment.GetEnvironmentVariable("NO_COLOR") == null
                };
                return new DemoRunner(options).Run();
            });
            return command;
        }
    }
}
