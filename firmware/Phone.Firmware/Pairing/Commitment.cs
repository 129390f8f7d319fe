// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// The pairing initiator's nonce commitment: C = BLAKE2b-256("phone/v1/commit" || N_i).
    /// Sent in message 1, opened by N_i in message 3 (DESIGN §3). N_i is a
    /// public nonce, so it may live in managed memory.
    /// </summary>
    public static class Commitment
    {
        private static readonly byte[] Label = Utf8.GetBytes("phone/v1/commit");

        /// <summary>Computes the commitment to nonce.</summary>
        public static byte[] Compute(byte[] nonce)
        {
            byte[] input = new byte[Label.Length + nonce.Length];
            System.Array.Copy(Label, input, Label.Length);
            System.Array.Copy(nonce, 0, input, Label.Length, nonce.Length);
            byte[] output = new byte[Wire.PayloadLayout.CommitLength];
            CryptoCore.Hash(input, output);
            return output;
        }

        /// <summary>Constant-time check that nonce opens commitment.</summary>
        public static bool Opens(byte[] commitment, byte[] nonce)
        {
            return CryptoCore.FixedTimeEquals(commitment, Compute(nonce));
        }
    }
}
