// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>Handshake patterns of the native core (all _25519_ChaChaPoly_BLAKE2b).</summary>
    public static class NoisePattern
    {
        /// <summary>Noise XX: first contact (pairing) and fallback.</summary>
        public const int XX = 1;

        /// <summary>Noise IK: one round trip to a known static key.</summary>
        public const int IK = 2;

        /// <summary>Noise IKpsk2: calls to pinned contacts with a resumption secret.</summary>
        public const int IKpsk2 = 3;

        /// <summary>Role: sends the first message.</summary>
        public const int Initiator = 1;

        /// <summary>Role: answers the first message.</summary>
        public const int Responder = 2;
    }
}
