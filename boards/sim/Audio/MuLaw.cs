namespace Phone.Sim.Audio
{
    /// <summary>
    /// ITU-T G.711 µ-law encoding of 16-bit linear samples (bias 0x84, clip 32635,
    /// bits inverted on the wire). Used to know which bytes a phone must have sent
    /// for the samples it was given, so received frames can be checked bit for bit.
    /// </summary>
    internal static class MuLaw
    {
        private const int Bias = 0x84;
        private const int Clip = 32635;

        /// <summary>The µ-law byte of one sample.</summary>
        public static byte Encode(short sample)
        {
            int s = sample;
            int sign = (s >> 8) & 0x80;
            if (sign != 0)
            {
                s = -s;
            }

            if (s > Clip)
            {
                s = Clip;
            }

            s += Bias;
            int exponent = 7;
            for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1)
            {
                exponent--;
            }

            int mantissa = (s >> (exponent + 3)) & 0x0F;
            return (byte)~(sign | (exponent << 4) | mantissa);
        }

        /// <summary>Encodes samples[0..count) into output[offset..].</summary>
        public static void Encode(short[] samples, int count, byte[] output, int offset)
        {
            for (int i = 0; i < count; i++)
            {
                output[offset + i] = Encode(samples[i]);
            }
        }
    }
}
