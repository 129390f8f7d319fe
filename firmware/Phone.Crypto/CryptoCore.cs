// SPDX-License-Identifier: MIT
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>Boot-time checks and helpers over public data.</summary>
    public static class CryptoCore
    {
        /// <summary>The native interface version this binding was written for.</summary>
        public const int ExpectedApiVersion = 6;

        /// <summary>Length of public keys and symmetric keys.</summary>
        public const int KeyLength = 32;

        /// <summary>Length of the Noise handshake hash (BLAKE2b-512).</summary>
        public const int HashLength = 64;

        /// <summary>Poly1305 tag length appended by sealing.</summary>
        public const int TagLength = 16;

        /// <summary>ML-KEM-768 public (encapsulation) key length: hybrid pairing.</summary>
        public const int KemPublicKeyLength = 1184;

        /// <summary>ML-KEM-768 ciphertext length: hybrid pairing.</summary>
        public const int KemCiphertextLength = 1088;

        /// <summary>
        /// Runs the native power-on self-test (known-answer tests, loopback
        /// handshake) after checking the native version. Throws if either fails;
        /// nothing else in the core works until this has passed.
        /// </summary>
        public static void SelfTest()
        {
            int version = NativeCrypto.ApiVersion();
            if (version != ExpectedApiVersion)
            {
                throw new CryptoException(CryptoStatus.SelfTestFailed,
                    "native API version " + version.ToString() + ", expected " + ExpectedApiVersion.ToString());
            }

            NativeResult.Check(NativeCrypto.SelfTest(), "self-test");
        }

        /// <summary>BLAKE2b of public data into output (1..64 bytes).</summary>
        public static void Hash(byte[] input, byte[] output)
        {
            NativeResult.Check(NativeCrypto.Hash(input, input.Length, output, output.Length), "hash");
        }

        /// <summary>Fills buffer with random bytes for public values (nonces, ids).</summary>
        public static void Random(byte[] buffer)
        {
            NativeResult.Check(NativeCrypto.Random(buffer, buffer.Length), "random");
        }

        /// <summary>Constant-time equality of two public byte arrays of equal length.</summary>
        public static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < a.Length; i++)
            {
                diff |= a[i] ^ b[i];
            }

            return diff == 0;
        }
    }
}
