// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.IO;
using Phone.Sim.Audio;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>The simulated microphone and the frame-by-frame comparison the call tests rely on.</summary>
    public class AudioTests
    {
        [Fact]
        public void ToneFramesAreAllDifferentAndEndOnTime()
        {
            var source = new RecordingSource(new ToneSource(100, 1), keepFrames: false);
            var pcm = new byte[2 * AudioFrame.Samples];
            int frames = 0;
            while (source.ReadFrame(pcm))
            {
                frames++;
            }

            Assert.Equal(100, frames);
            Assert.Equal(100, new HashSet<ulong>(source.Digests()).Count);
        }

        [Fact]
        public void WavSourceReadsMono16BitAndResamples()
        {
            string path = Path.GetTempFileName();
            try
            {
                WriteWav(path, 16000, 1, 16000); // one second at 16 kHz
                WavSource wav = WavSource.Open(path);
                Assert.Equal(8000, wav.SampleCount);
                Assert.Equal(50, wav.FrameCount);
                var samples = new short[AudioFrame.Samples];
                Assert.True(wav.ReadSamples(samples));
                Assert.Equal(0, samples[0]);
                Assert.Equal(2, samples[1]); // every second 16 kHz sample (value = index)
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void WavSourceRefusesNonPcm()
        {
            string path = Path.GetTempFileName();
            try
            {
                WriteWav(path, 8000, 1, 10, format: 3);
                Assert.Throws<InvalidDataException>(() => WavSource.Open(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void ComparisonFindsLostChangedAndDuplicatedFrames()
        {
            var sent = new List<ulong> { 10, 11, 12, 13, 14 };
            var played = new List<ReceivedFrame>
            {
                new ReceivedFrame(1000, 160, 10, null),
                new ReceivedFrame(1001, 160, 11, null),
                new ReceivedFrame(1003, 160, 99, null), // changed in transit
                new ReceivedFrame(1004, 160, 14, null),
                new ReceivedFrame(1004, 160, 14, null), // played twice
            };
            FrameComparison c = FrameComparison.Compare(sent, played);
            Assert.Equal(3, c.BitExact);
            Assert.Equal(1, c.Mismatched);
            Assert.Equal(2, c.Missing);
            Assert.Equal(1, c.PlayedTwice);
            Assert.False(c.Perfect);
        }

        [Fact]
        public void ComparisonAcceptsAPerfectStreamAcrossSequenceWrap()
        {
            var sent = new List<ulong>();
            var played = new List<ReceivedFrame>();
            for (int i = 0; i < 10; i++)
            {
                sent.Add((ulong)(100 + i));
                played.Add(new ReceivedFrame((65530 + i) & 0xFFFF, 160, (ulong)(100 + i), null));
            }

            Assert.True(FrameComparison.Compare(sent, played).Perfect);
        }

        private static void WriteWav(string path, int rate, int channels, int samples, short format = 1)
        {
            using (var w = new BinaryWriter(File.Create(path)))
            {
                w.Write("RIFF"u8.ToArray());
                w.Write(36 + samples * 2 * channels);
                w.Write("WAVEfmt "u8.ToArray());
                w.Write(16);
                w.Write(format);
                w.Write((short)channels);
                w.Write(rate);
                w.Write(rate * 2 * channels);
                w.Write((short)(2 * channels));
                w.Write((short)16);
                w.Write("data"u8.ToArray());
                w.Write(samples * 2 * channels);
                for (int i = 0; i < samples * channels; i++)
                {
                    w.Write((short)i);
                }
            }
        }
    }
}
