// SPDX-License-Identifier: MIT
using System.Threading;
using nanoFramework.Networking;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// Joins Wi-Fi with the credentials stored in the device's configuration (set once with
    /// Visual Studio's Device Explorer, "Edit Network Configuration"); never from code.
    /// Called before the self-test and the key store: the ESP32's RNG is only truly random
    /// while the radio is on (docs/device.md, "First boot").
    /// </summary>
    public static class WifiJoin
    {
        /// <summary>True when connected with an IP address within the timeout.</summary>
        public static bool Connect(int timeoutMilliseconds)
        {
            CancellationTokenSource cs = new CancellationTokenSource(timeoutMilliseconds);
            return WifiNetworkHelper.Reconnect(requiresDateTime: false, token: cs.Token);
        }
    }
}
