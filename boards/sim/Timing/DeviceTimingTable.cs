// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Phone.Sim.Timing
{
    /// <summary>
    /// The estimated ESP32 duration of each native entry point and the boards' I2S DMA sizes,
    /// read from device-timing.json (written by scripts/device-timing.py from the lx106 benchmark;
    /// never edited by hand). Stalls use the slow end of the range (1.5 cycles per instruction).
    /// </summary>
    public sealed class DeviceTimingTable
    {
        /// <summary>The generated table, embedded in the simulator (Phone.Sim.csproj).</summary>
        public const string ResourceName = "device-timing.json";

        private readonly Dictionary<string, double> _msHigh;

        private DeviceTimingTable(Dictionary<string, double> msHigh, int micDmaMs, int speakerDmaMs, int frameMs)
        {
            _msHigh = msHigh;
            MicDmaMs = micDmaMs;
            SpeakerDmaMs = speakerDmaMs;
            FrameMs = frameMs;
        }

        /// <summary>Audio the microphone's DMA ring holds (AudioRate.MicDmaBytes).</summary>
        public int MicDmaMs { get; }

        /// <summary>Audio the speaker's DMA ring holds (AudioRate.SpeakerDmaBytes).</summary>
        public int SpeakerDmaMs { get; }

        /// <summary>One audio frame.</summary>
        public int FrameMs { get; }

        /// <summary>The table shipped with the simulator.</summary>
        public static DeviceTimingTable LoadDefault()
        {
            using var stream = typeof(DeviceTimingTable).Assembly.GetManifestResourceStream(ResourceName);
            return Parse(new StreamReader(stream).ReadToEnd(), ResourceName);
        }

        /// <summary>Reads json (from source); throws InvalidDataException if it is not the generated table.</summary>
        public static DeviceTimingTable Parse(string json, string source)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                var msHigh = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var e in doc.RootElement.GetProperty("entry_points").EnumerateObject())
                {
                    msHigh[e.Name] = e.Value.GetProperty("ms_high").GetDouble();
                }

                var audio = doc.RootElement.GetProperty("audio");
                return new DeviceTimingTable(msHigh, audio.GetProperty("mic_dma_ms").GetInt32(),
                    audio.GetProperty("speaker_dma_ms").GetInt32(), audio.GetProperty("frame_ms").GetInt32());
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException)
            {
                throw new InvalidDataException(source + " is not a device-timing table: " + e.Message, e);
            }
        }

        /// <summary>Estimated device duration of entryPoint in ms, or false if the table lacks it.</summary>
        public bool TryDuration(string entryPoint, out double ms) => _msHigh.TryGetValue(entryPoint, out ms);
    }
}
