// SPDX-License-Identifier: MIT
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// The native pool of pre-generated ephemeral keys. Refill it in idle
    /// time so key generation stays off the call-setup path.
    /// </summary>
    public static class KeyPool
    {
        /// <summary>Generates keys into free pool slots; returns how many are ready.</summary>
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
