// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// Status codes of the native core (native/include/phone_crypto_api.h, enum pc_status).
    /// Negative values only; a call that succeeds returns zero or more.
    /// </summary>
    public static class CryptoStatus
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        // Caller mistakes: the binding throws for these.
        /// <summary>Null or wrong-size buffer, bad enum value, offset out of range.</summary>
        public const int BadArgument = -1;
        /// <summary>Unknown, stale or freed handle.</summary>
        public const int BadHandle = -2;
        /// <summary>Call out of order for the object's state.</summary>
        public const int BadState = -3;
        /// <summary>Output buffer too small.</summary>
        public const int NoSpace = -4;
        /// <summary>A native static table is full.</summary>
        public const int NoSlot = -5;

        // Hostile or damaged input: returned as a value so forged packets cost no allocation.
        /// <summary>Truncated, oversized or wrongly sized input.</summary>
        public const int Malformed = -20;
        /// <summary>The authentication tag did not verify.</summary>
        public const int AuthFailed = -21;
        /// <summary>Counter already accepted or older than the replay window.</summary>
        public const int Replay = -22;
        /// <summary>Low-order curve point (all-zero X25519 result).</summary>
        public const int BadKey = -23;
        /// <summary>Packet under a key phase the session does not hold.</summary>
        public const int KeyPhase = -24;

        // Conditions the protocol handles.
        /// <summary>The session's counter space is used up (re-keys do not reset it): hang up.</summary>
        public const int NonceExhausted = -40;
        /// <summary>No such contact; opening a store: its device key is missing (nothing was created).</summary>
        public const int NotFound = -41;
        /// <summary>No resumption secret of that generation: fall back to XX.</summary>
        public const int NoPsk = -42;

        // Platform.
        /// <summary>Flash read or write failed.</summary>
        public const int StorageFailed = -60;
        /// <summary>No intact copy of the store: reported, never used.</summary>
        public const int Corrupt = -61;
        /// <summary>The random source failed.</summary>
        public const int RandomFailed = -62;
        /// <summary>A known-answer test failed; the core refuses to run.</summary>
        public const int SelfTestFailed = -63;
        /// <summary>A backend primitive failed unexpectedly.</summary>
        public const int Internal = -64;

        /// <summary>True for codes caused by what arrived from the network, not by the caller.</summary>
        public static bool IsHostileInput(int status)
        {
            return status <= Malformed && status >= KeyPhase;
        }

        /// <summary>A short printable name for logs and screens (never key material).</summary>
        public static string Describe(int status)
        {
            switch (status)
            {
                case Ok: return "ok";
                case BadArgument: return "bad argument";
                case BadHandle: return "unknown or stale handle";
                case BadState: return "call out of order";
                case NoSpace: return "output buffer too small";
                case NoSlot: return "native table full";
                case Malformed: return "malformed input";
                case AuthFailed: return "authentication failed";
                case Replay: return "replayed packet";
                case BadKey: return "invalid public key";
                case KeyPhase: return "unknown key phase";
                case NonceExhausted: return "counter exhausted";
                case NotFound: return "not found";
                case NoPsk: return "no resumption secret";
                case StorageFailed: return "flash I/O failed";
                case Corrupt: return "secure flash corrupt";
                case RandomFailed: return "random source failed";
                case SelfTestFailed: return "self-test failed";
                case Internal: return "internal crypto error";
                default: return "native error " + status.ToString();
            }
        }
    }
}
