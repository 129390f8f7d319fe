// SPDX-License-Identifier: MIT
using System;
using Phone.Firmware.Board;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// A generated microphone signal: a short repeating tune of sine notes with a
    /// little seeded noise, so that no two frames are alike and a frame lost or
    /// swapped in transit cannot go unnoticed. Ends after a set number of frames.
    /// </summary>
    internal sealed class ToneSource : SampleSource
    {
        private static readonly double[] Notes = { 440.0, 523.25, 659.25, 523.25 };
        private const int NoteFrames = 25; // half a second per note
        private const double Amplitude = 8000;

        private readonly int _frames;
        private readonly Random _noise;
        private int _frame;
        private double _phase;

        /// <summary>A tune lasting frames × 20 ms; seed makes its noise repeatable.</summary>
        public ToneSource(int frames, int seed)
        {
            _frames = frames;
            _noise = new Random(seed);
        }

        /// <summary>Frames produced so far.</summary>
        public int FramesRead
        {
            get { return _frame; }
        }

        /// <summary>Fills the next 160 samples; false once the tune is over.</summary>
        public override bool ReadSamples(short[] samples)
        {
            if (_frame >= _frames)
            {
                return false;
            }

            double step = 2 * Math.PI * Notes[(_frame / NoteFrames) % Notes.Length] / AudioFrame.SampleRate;
            for (int i = 0; i < AudioFrame.Samples; i++)
            {
                double v = Amplitude * Math.Sin(_phase) + _noise.Next(-64, 65);
                samples[i] = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
                _phase += step;
            }

            _phase %= 2 * Math.PI;
            _frame++;
            return true;
        }
    }
}
