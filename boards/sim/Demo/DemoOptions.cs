// SPDX-License-Identifier: MIT
namespace Phone.Sim.Demo
{
    /// <summary>Settings of a demo run.</summary>
    internal sealed class DemoOptions
    {
        /// <summary>Directory for the flash directories, PNG files and the log.</summary>
        public string OutDir { get; set; } = "build/demo";

        /// <summary>Seconds of audio each phone sends during the call.</summary>
        public double Seconds { get; set; } = 5;

        /// <summary>WAV file for Alice's microphone (Bob sends a tone), or null for tones both ways.</summary>
        public string Wav { get; set; }

        /// <summary>DH re-key interval in the demo (the product's is 115 s).</summary>
        public int RekeyMs { get; set; } = 2000;

        /// <summary>Symmetric ratchet interval in the demo.</summary>
        public int RatchetMs { get; set; } = 1000;

        /// <summary>Both phones run in device-timing mode (native calls take their ESP32 time).</summary>
        public bool DeviceTiming { get; set; }

        /// <summary>Colour in the terminal output.</summary>
        public bool Colour { get; set; }

        /// <summary>Bound of each step.</summary>
        public double StepTimeoutSeconds { get; set; } = 20;
    }
}
