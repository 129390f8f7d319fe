// SPDX-License-Identifier: MIT
using System.Net.NetworkInformation;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// The Wi-Fi station's IPv4 address now (DHCP may change it), as four octets,
    /// or null while it has none. Unchecked adapter (nanoFramework.System.Net).
    /// </summary>
    public static class StationAddress
    {
        /// <summary>The first interface's IPv4 address, or null.</summary>
        public static byte[] Read()
        {
            NetworkInterface[] nics = NetworkInterface.GetAllNetworkInterfaces();
            if (nics.Length == 0 || nics[0].IPv4Address == null)
            {
                return null;
            }

            string[] parts = nics[0].IPv4Address.Split('.');
            if (parts.Length != 4)
            {
                return null;
            }

            byte[] ip = new byte[4];
            for (int i = 0; i < 4; i++)
            {
                ip[i] = byte.Parse(parts[i]);
            }

            return ip[0] == 0 ? null : ip;
        }
    }
}
