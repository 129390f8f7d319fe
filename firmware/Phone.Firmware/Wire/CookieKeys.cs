// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Keys of the stateless cookie (docs/protocol.md §11), from public values only:
    /// mac1 key = BLAKE2b-256("phone/v2/mac1" ‖ K), cookie key = BLAKE2b-256("phone/v2/cookie" ‖ K),
    /// K = the responder's static public key for CALL_1, and empty for PAIR_1 and VERIFY_1 (the
    /// initiator does not know, or must not assume, the responder's key there).
    /// </summary>
    public class CookieKeys
    {
        private const string Mac1Label = "phone/v2/mac1";
        private const string CookieLabel = "phone/v2/cookie";

        private CookieKeys(byte[] mac1Key, byte[] cookieKey)
        {
            Mac1Key = mac1Key;
            CookieKey = cookieKey;
        }

        /// <summary>Key of mac1.</summary>
        public byte[] Mac1Key { get; private set; }

        /// <summary>Key sealing the cookie in COOKIE_REPLY.</summary>
        public byte[] CookieKey { get; private set; }

        /// <summary>Keys for a responder with this static public key (CALL_1).</summary>
        public static CookieKeys ForStaticKey(byte[] staticPublicKey)
        {
            return new CookieKeys(Derive(Mac1Label, staticPublicKey), Derive(CookieLabel, staticPublicKey));
        }

        /// <summary>Keys for PAIR_1 and VERIFY_1 (K empty).</summary>
        public static CookieKeys Open()
        {
            return new CookieKeys(Derive(Mac1Label, null), Derive(CookieLabel, null));
        }

        /// <summary>Which keys a first message of this type uses: the static key's for CALL_1, else Open.</summary>
        public static bool UsesStaticKey(int type)
        {
            return type == MessageType.Call1;
        }

        private static byte[] Derive(string label, byte[] key)
        {
            byte[] text = Utf8.GetBytes(label);
            int keyLength = key == null ? 0 : key.Length;
            byte[] input = new byte[text.Length + keyLength];
            System.Array.Copy(text, input, text.Length);
            if (key != null)
            {
                System.Array.Copy(key, 0, input, text.Length, keyLength);
            }

            byte[] output = new byte[32];
            CryptoCore.Hash(input, output);
            return output;
        }
    }
}
