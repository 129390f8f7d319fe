// SPDX-License-Identifier: MIT
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// The native pool of pre-generated ephemeral keys. Refill it in idle
    /// time so key generation stays off the call-setup path; the same call
    /// binds ephemerals to the most called contacts and caches their static
    /// DH natively, so a call with one of them does 4 X25519 on the critical
    /// path instead of 8 (docs/native-api.md, "Precomputed key exchange").
    /// </summary>
    public static class KeyPool
    {
        /// <summary>Idle-time work: bindings for hot contacts, then keys into free pool slots; returns how many pool keys are ready.</summary>
        public static int Refill()
        {
            return NativeResult.Check(NativeCrypto.PoolRefill(), "key pool refill");
        }

        /// <summary>How many ephemeral keys are ready.</summary>
        public static int Ready
        {
            get { return NativeResult.Check(NativeCrypto.PoolReady(), "key pool"); }
        }
    }
}
