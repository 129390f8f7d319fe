// SPDX-License-Identifier: MIT
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// Loss concealment's sample work, done natively so managed code never
    /// loops over samples: a frame copied and attenuated in one call.
    /// </summary>
    public static class Concealment
    {
        /// <summary>Gain that leaves samples unchanged (gains are in 1/256).</summary>
        public const int GainUnity = 256;

        /// <summary>
        /// Writes samples 16-bit samples from pcm[sourceOffset..) to
        /// pcm[targetOffset..) scaled by gain/GainUnity (0..GainUnity); the two
        /// regions are the same or disjoint.
        /// </summary>
        public static void Attenuate(byte[] pcm, int sourceOffset, int targetOffset, int samples, int gain)
        {
            NativeResult.Check(
                NativeCrypto.MediaConceal(pcm, pcm.Length, sourceOffset, targetOffset, samples, gain), "conceal");
        }
    }
}
