// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Firmware.Board;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// A microphone that plays a WAV file: 16-bit PCM, mono or stereo (averaged),
    /// at any sample rate (linearly resampled to 8 kHz). Ends with the file.
    /// </summary>
    internal sealed class WavSource : SampleSource
    {
        private readonly short[] _samples;
        private int _next;

        private WavSource(short[] samples)
        {
            _samples = samples;
        }

        /// <summary>Samples at 8 kHz.</summary>
        public int SampleCount
        {
            get { return _samples.Length; }
        }

        /// <summary>Whole 20 ms frames in the file.</summary>
        public int FrameCount
        {
            get { return _samples.Length / AudioFrame.Samples; }
        }

        /// <summary>Reads path; throws InvalidDataException for anything but 16-bit PCM.</summary>
        public static WavSource Open(string path)
        {
            using (var reader = new BinaryReader(File.OpenRead(path)))
            {
                return Read(reader);
            }
        }

        /// <summary>Fills the next 160 samples; false when fewer than 160 remain.</summary>
        public override bool ReadSamples(short[] samples)
        {
            if (_next + AudioFrame.Samples > _samples.Length)
            {
                return false;
            }

            Array.Copy(_samples, _next, samples, 0, AudioFrame.Samples);
            _next += AudioFrame.Samples;
            return true;
        }

        private static WavSource Read(BinaryReader reader)
        {
            if (Tag(reader) != "RIFF")
            {
                throw new InvalidDataException("not a RIFF file");
            }

            reader.ReadInt32();
            if (Tag(reader) != "WAVE")
            {
                throw new InvalidDataException("not a WAVE file");
            }

            int channels = 0, rate = 0, bits = 0;
            while (reader.BaseStream.Position + 8 <= reader.BaseStream.Length)
            {
                string tag = Tag(reader);
                int length = reader.ReadInt32();
                if (tag == "fmt ")
                {
                    int format = reader.ReadInt16();
                    channels = reader.ReadInt16();
                    rate = reader.ReadInt32();
                    reader.ReadInt32();
                    reader.ReadInt16();
                    bits = reader.ReadInt16();
                    reader.BaseStream.Seek(length - 16 + (length & 1), SeekOrigin.Current);
                    if (format != 1 || bits != 16 || channels < 1 || channels > 2 || rate <= 0)
                    {
                        throw new InvalidDataException(
                            "need 16-bit PCM, mono or stereo (got format " + format + ", " + bits + " bits, "
                            + channels + " channels)");
                    }
                }
                else if (tag == "data")
                {
                    if (rate == 0)
                    {
                        throw new InvalidDataException("data chunk before fmt chunk");
                    }

                    short[] mono = ReadMono(reader, length, channels);
                    return new WavSource(Resample(mono, rate));
                }
                else
                {
                    reader.BaseStream.Seek(length + (length & 1), SeekOrigin.Current);
                }
            }

            throw new InvalidDataException("no data chunk");
        }

        private static short[] ReadMono(BinaryReader reader, int length, int channels)
        {
            long available = reader.BaseStream.Length - reader.BaseStream.Position;
            int frames = (int)(Math.Min(length, available) / (2 * channels));
            var mono = new short[frames];
            for (int i = 0; i < frames; i++)
            {
                int sum = 0;
                for (int c = 0; c < channels; c++)
                {
                    sum += reader.ReadInt16();
                }

                mono[i] = (short)(sum / channels);
            }

            return mono;
        }

        // Linear interpolation: enough for speech on a phone line; 8 kHz input is copied as is.
        private static short[] Resample(short[] input, int rate)
        {
            if (rate == AudioFrame.SampleRate || input.Length == 0)
            {
                return input;
            }

            int count = (int)((long)input.Length * AudioFrame.SampleRate / rate);
            var output = new short[count];
            double step = (double)rate / AudioFrame.SampleRate;
            for (int i = 0; i < count; i++)
            {
                double pos = i * step;
                int a = (int)pos;
                int b = Math.Min(a + 1, input.Length - 1);
                double t = pos - a;
                output[i] = (short)Math.Round(input[a] * (1 - t) + input[b] * t);
            }

            return output;
        }

        private static string Tag(BinaryReader reader)
        {
            byte[] b = reader.ReadBytes(4);
            if (b.Length < 4)
            {
                throw new InvalidDataException("truncated WAV file");
            }

            return System.Text.Encoding.ASCII.GetString(b);
        }
    }
}
