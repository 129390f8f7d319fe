// SPDX-License-Identifier: MIT
using Phone.Sim.Audio;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// µ-law against ITU-T G.711 Table 2a, rebuilt here from the standard's
    /// description (not from the encoder): eight segments ending at 14-bit
    /// magnitudes 31, 95, 223, 479, 991, 2015, 4063, 8159 with 16 steps of
    /// 2, 4, ..., 256 each (the first step straddles zero); the decoder
    /// outputs each interval's midpoint; the code of interval (s, k) is
    /// 0xFF - 16s - k for positive values and 0x7F - 16s - k for negative ones.
    /// 16-bit samples carry the 14-bit value times 4 (G.191's convention).
    /// </summary>
    public class MuLawReferenceTests
    {
        private static readonly int[] SegmentEnds = { 31, 95, 223, 479, 991, 2015, 4063, 8159 };

        private static int Lower(int s, int k) => (s == 0 ? -1 : SegmentEnds[s - 1]) + (2 << s) * k;

        private static int Upper(int s, int k) => Lower(s, k) + (2 << s);

        private static int Midpoint(int s, int k) => Lower(s, k) + (1 << s);

        [Fact]
        public void Table_rebuilt_from_the_standard_matches_its_published_end_points()
        {
            Assert.Equal(0, Midpoint(0, 0));
            Assert.Equal(30, Midpoint(0, 15));
            Assert.Equal(33, Midpoint(1, 0));
            Assert.Equal(93, Midpoint(1, 15));
            Assert.Equal(4191, Midpoint(7, 0));
            Assert.Equal(8031, Midpoint(7, 15));
            for (int s = 0; s < 8; s++)
            {
                Assert.Equal(SegmentEnds[s], Upper(s, 15));
            }
        }

        [Fact]
        public void Decoder_outputs_the_interval_midpoints_for_all_256_codes()
        {
            for (int s = 0; s < 8; s++)
            {
                for (int k = 0; k < 16; k++)
                {
                    Assert.Equal(4 * Midpoint(s, k), MuLaw.Decode((byte)(0xFF - 16 * s - k)));
                    Assert.Equal(-4 * Midpoint(s, k), MuLaw.Decode((byte)(0x7F - 16 * s - k)));
                }
            }
        }

        [Fact]
        public void Encoder_maps_both_edges_of_every_decision_interval_to_its_code()
        {
            for (int s = 0; s < 8; s++)
            {
                for (int k = 0; k < 16; k++)
                {
                    byte positive = (byte)(0xFF - 16 * s - k);
                    byte negative = (byte)(0x7F - 16 * s - k);
                    int low = s == 0 && k == 0 ? 0 : 4 * Lower(s, k);
                    Assert.Equal(positive, MuLaw.Encode((short)low));
                    Assert.Equal(positive, MuLaw.Encode((short)(4 * Upper(s, k) - 1)));
                    int negativeNear = s == 0 && k == 0 ? -1 : -4 * Lower(s, k) - 1;
                    Assert.Equal(negative, MuLaw.Encode((short)negativeNear));
                    Assert.Equal(negative, MuLaw.Encode((short)(-4 * Upper(s, k))));
                }
            }
        }

        [Fact]
        public void Encoder_clips_and_zero_has_its_standard_codes()
        {
            Assert.Equal(0xFF, MuLaw.Encode(0));
            Assert.Equal(0x7F, MuLaw.Encode(-1));
            Assert.Equal(0x80, MuLaw.Encode(short.MaxValue));
            Assert.Equal(0x00, MuLaw.Encode(short.MinValue));
            Assert.Equal(0x80, MuLaw.Encode(4 * 8159));
            Assert.Equal(8031 * 4, MuLaw.Decode(0x80));
            Assert.Equal(-8031 * 4, MuLaw.Decode(0x00));
        }

        [Fact]
        public void Encoding_is_monotonic_and_decoding_is_its_inverse_on_codes()
        {
            int previous = int.MinValue;
            for (int x = short.MinValue; x <= short.MaxValue; x++)
            {
                int y = MuLaw.Decode(MuLaw.Encode((short)x));
                Assert.True(y >= previous);
                previous = y;
            }

            for (int c = 0; c < 256; c++)
            {
                byte expected = c == 0x7F ? (byte)0xFF : (byte)c;
                Assert.Equal(expected, MuLaw.Encode(MuLaw.Decode((byte)c)));
            }
        }

        [Fact]
        public void Frame_functions_code_every_sample()
        {
            short[] samples = new short[MuLaw.FrameSamples];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(i * 409 - 32768);
            }

            byte[] frame = new byte[MuLaw.FrameSamples + 4];
            MuLaw.EncodeFrame(samples, samples.Length, frame, 4);
            short[] decoded = new short[MuLaw.FrameSamples];
            MuLaw.DecodeFrame(frame, 4, MuLaw.FrameSamples, decoded);
            for (int i = 0; i < samples.Length; i++)
            {
                Assert.Equal(MuLaw.Encode(samples[i]), frame[4 + i]);
                Assert.Equal(MuLaw.Decode(frame[4 + i]), decoded[i]);
            }
        }
    }
}
