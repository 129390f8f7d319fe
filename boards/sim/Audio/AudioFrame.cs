// SPDX-License-Identifier: MIT
namespace Phone.Sim.Audio
{
    /// <summary>Frame geometry of the phone's audio: 8 kHz mono, 20 ms per frame.</summary>
    internal static class AudioFrame
    {
        /// <summary>Samples per second.</summary>
        public const int SampleRate = 8000;

        /// <summary>Samples (and µ-law bytes) per 20 ms frame.</summary>
        public const int Samples = 160;

        /// <summary>Frame duration in milliseconds.</summary>
        public const int Milliseconds = 20;

        /// <summary>Frames in the given number of seconds.</summary>
        public static int FramesIn(double seconds)
        {
            return (int)System.Math.Round(seconds * 1000 / Milliseconds);
        }
    }
}
