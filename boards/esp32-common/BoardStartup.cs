// SPDX-License-Identifier: MIT
using System.Threading;
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// The order every board starts in: Wi-Fi (radio on: true randomness), power-on self-test,
    /// then the key store (first boot creates the identity). Everything after that is firmware.
    /// </summary>
    public static class BoardStartup
    {
        /// <summary>NVS namespace of the phone's store (at most 15 characters).</summary>
        public const string StoreLocator = "phone";

        /// <summary>Returns the opened store (a failed self-test or corrupt store throws).</summary>
        public static KeyStore Start(IDisplay display, NetworkJoin join)
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

            return store;
        }
    }
}
