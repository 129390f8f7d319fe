// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.Threading;
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Trust;
using Phone.Firmware.Ui;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// The order every board starts in: Wi-Fi (radio on: true randomness), power-on self-test,
    /// the key store (first boot creates the identity), then the organisation bundle deployed with
    /// the image (docs/device.md §5b). Everything after that is firmware.
    /// </summary>
    public static class BoardStartup
    {
        /// <summary>NVS namespace of the phone's store (at most 15 characters).</summary>
        public const string StoreLocator = "phone";

        /// <summary>How long the phone-key screen stays up for the administrator to copy the key (ms).</summary>
        public const int PhoneKeyScreenMs = 30000;

        /// <summary>How long any other organisation screen stays up before the firmware's idle screen (ms).</summary>
        public const int OrgScreenMs = 5000;

        /// <summary>
        /// Returns the opened store (a failed self-test or corrupt store throws); orgBundle is the
        /// image's organisation bundle resource.
        /// </summary>
        public static KeyStore Start(IDisplay display, NetworkJoin join, IDeploymentResource orgBundle)
        {
            display.Show(Screens.Message("Starting", "Joining Wi-Fi"));
            while (!join(30000))
            {
                display.Show(Screens.Message("No Wi-Fi", "Set it in Device Explorer; retrying"));
                Thread.Sleep(5000);
            }

            CryptoCore.SelfTest();
            KeyStore store;
            try
            {
                store = KeyStore.Open(StoreLocator);
            }
            catch (CryptoException e)
            {
                display.Show(Screens.StoreRefused(e.Status)); // say why before the phone stops
                throw;
            }

            if ((store.Status & KeyStore.StatusCreated) != 0)
            {
                display.Show(Screens.Message("New phone", "Identity created"));
            }

            ApplyOrgBundle(display, store, orgBundle);
            return store;
        }

        private static void ApplyOrgBundle(IDisplay display, KeyStore store, IDeploymentResource orgBundle)
        {
            byte[] key = store.IdentityPublicKey();
            Debug.WriteLine("phone key " + Hex.Of(key, key.Length)); // Debug builds; the display shows it too
            Screen screen;
            int holdMs = OrgScreenMs;
            try
            {
                OrgBundleOutcome outcome = OrgBundle.Apply(store, orgBundle);
                screen = OrgBundleScreens.For(outcome, key);
                holdMs = outcome.Result == OrgBundleResult.NotListed ? PhoneKeyScreenMs : OrgScreenMs;
            }
            catch (ArgumentException)
            {
                // nanoFramework.ResourceManager: no such resource (the app was built without Resources.resx)
                screen = Screens.Message("Organisation bundle missing", "The image has no OrgBundle resource; nothing was changed");
            }

            if (screen != null)
            {
                Debug.WriteLine("organisation bundle: " + OrgBundleScreens.Text(screen));
                display.Show(screen);
                Thread.Sleep(holdMs);
            }
        }
    }
}
