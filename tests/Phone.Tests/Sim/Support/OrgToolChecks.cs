// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Xunit;

namespace Phone.Tests.Sim.Support
{
    /// <summary>What the organisation tool tests share: a phone's flash to provision, and the shape of a refusal.</summary>
    public static class OrgToolChecks
    {
        /// <summary>A phone's flash (identity created as on first boot) and its public key.</summary>
        public static byte[] NewPhone(string flash)
        {
            CryptoCore.SelfTest();
            using KeyStore store = KeyStore.Open(flash);
            return store.IdentityPublicKey();
        }

        /// <summary>A refusal: non-zero exit, the expected reason on stderr, never an exception or a stack trace.</summary>
        public static void Refused(SimProcess.Result r, string expected)
        {
            Assert.True(r.Exit != 0, r.ToString());
            Assert.Contains(expected, r.Errors);
            Assert.DoesNotContain("Exception", r.Output + r.Errors);
            Assert.DoesNotContain("   at ", r.Output + r.Errors);
        }
    }
}
