// SPDX-License-Identifier: MIT
namespace Phone.Sim.Audio
{
    /// <summary>
    /// A managed reference G.711 µ-law for the simulator and the tests: it
    /// predicts what the phone's native codec (native/src/g711_mulaw.c) puts on
    /// the wire and plays, so frames can be compared end to end. The firmware
    /// never uses it (its media path touches no samples).
    /// G.711 µ-law (ITU-T G.711, 1988, §2 and Tables 2a/2b), written from the
    /// standard's definition. µ-law is defined on 14-bit linear samples; this
    /// class takes and returns 16-bit PCM (14-bit value times 4, as the
    /// standard's own reference software does).
    ///
    /// A 14-bit magnitude x (0..8158 after clipping) is coded as segment s (0..7) and step
    /// m (0..15) with (2m+32)·2^s − 33 ≤ x &lt; (2m+34)·2^s − 33; the decoder
    /// outputs the interval's midpoint (2m+33)·2^s − 33. The code word is
    /// sign·s·m (1+3+4 bits) with every bit inverted; sign bit 1 = positive.
    /// </summary>
    public static class MuLaw
    {
        /// <summary>Samples per 20 ms frame at 8 kHz.</summary>
        public const int FrameSamples = 160;

        private const int Bias = 33;
        private const int Clip = 8158;

        /// <summary>
        /// Encodes one 16-bit sample. The 14-bit magnitude of a negative sample
        /// is taken from its one's complement, as ITU-T G.191's reference
        /// G.711 does, so the quantizer is symmetric (-1..-4 code as -0).
        /// </summary>
        public static byte Encode(short sample)
        {
            int sign = 0;
            int magnitude;
            if (sample < 0)
            {
                sign = 0x80;
                magnitude = (~sample) >> 2;
            }
            else
            {
                magnitude = sample >> 2;
            }

            if (magnitude > Clip)
            {
                magnitude = Clip;
            }

            int v = magnitude + Bias;
            int segment = 0;
            while (segment < 7 && v >= (64 << segment))
            {
                segment++;
            }

            int step = (v >> (segment + 1)) & 0x0F;
            return (byte)~(sign | (segment << 4) | step);
        }

        /// <summary>Decodes one code word to a 16-bit sample.</summary>
        public static short Decode(byte code)
        {
            int c = ~code & 0xFF;
            int segment = (c >> 4) & 0x07;
            int step = c & 0x0F;
            int magnitude = (((2 * step + Bias) << segment) - Bias) << 2;
            return (short)((c & 0x80) != 0 ? -magnitude : magnitude);
        }

        /// <summary>Encodes count samples into output[offset..offset+count).</summary>
        public static void EncodeFrame(short[] samples, int count, byte[] output, int offset)
        {
            for (int i = 0; i < count; i++)
            {
                output[offset + i] = Encode(samples[i]);
            }
        }

        /// <summary>What the phone plays for these samples: Decode(Encode(x)) as 16-bit LE PCM.</summary>
        public static byte[] RoundTripPcm(short[] samples)
        {
            var pcm = new byte[samples.Length * 2];
            for (int i = 0; i < samples.Length; i++)
            {
                short s = Decode(Encode(samples[i]));
                pcm[2 * i] = (byte)s;
                pcm[2 * i + 1] = (byte)(s >> 8);
            }

            return pcm;
        }

        /// <summary>Decodes count code words from input[offset..) into samples.</summary>
        public static void DecodeFrame(byte[] input, int offset, int count, short[] samples)
        {
            for (int i = 0; i < count; i++)
            {
                samples[i] = Decode(input[offset + i]);
            }
        }
    }
}
