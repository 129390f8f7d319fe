// SPDX-License-Identifier: MIT
using Phone.Crypto;
#if !NANOFRAMEWORK
using System.IO;
#endif

namespace Phone.DeviceTests
{
    /// <summary>
    /// The one key store the suite uses. The device has a single store slot (PC_MAX_STORES 1)
    /// and the launcher calls test methods without an instance, so the store lives in a static
    /// field and every test class shares it. It is factory-reset once per run: the suite never
    /// touches the phone's own store (device: NVS namespace "nfunittest", not the phone's).
    /// </summary>
    public static class TestStore
    {
        private static KeyStore s_store;

        /// <summary>Where the suite's store lives: an NVS namespace on the device, a directory on the host.</summary>
        public static string Locator
        {
            get
            {
#if NANOFRAMEWORK
                return "nfunittest";
#else
                string dir = Path.Combine(Path.GetTempPath(), "phone-device-tests-" + System.Environment.ProcessId.ToString());
                Directory.CreateDirectory(dir);
                return dir;
#endif
            }
        }

        /// <summary>Runs the power-on self-test (required before any other call) and returns the fresh store.</summary>
        public static KeyStore Store
        {
            get
            {
                if (s_store == null)
                {
                    CryptoCore.SelfTest();
                    s_store = KeyStore.FactoryReset(null, Locator);
                }

                return s_store;
            }
        }

        /// <summary>Closes and reopens the store (proves what was written is on flash).</summary>
        public static KeyStore Reopen()
        {
            if (s_store != null)
            {
                s_store.Dispose();
                s_store = null;
            }

            CryptoCore.SelfTest();
            s_store = KeyStore.Open(Locator);
            return s_store;
        }
    }
}
