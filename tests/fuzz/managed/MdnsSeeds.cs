// SPDX-License-Identifier: MIT
using System;
using System.IO;

namespace Phone.Fuzz.Datagram
{
    /// <summary>
    /// The mDNS seed corpus: the real packets the xunit mutation test uses
    /// (tests/Phone.Tests/Firmware/Discovery/corpus, captured from Avahi, python3-zeroconf
    /// and the simulated phones on the LAN test bed), one hex file each, written as binary.
    /// </summary>
    public static class MdnsSeeds
    {
        public static int Write(string directory, string hexDirectory)
        {
            Directory.CreateDirectory(directory);
            string[] files = Directory.GetFiles(hexDirectory, "*.hex");
            foreach (string file in files)
            {
                byte[] bytes = Convert.FromHexString(File.ReadAllText(file).Trim());
                File.WriteAllBytes(Path.Combine(directory, Path.GetFileNameWithoutExtension(file)), bytes);
            }

            Console.WriteLine("managed_mdns: " + files.Length + " seeds written to " + directory);
            return files.Length > 0 ? 0 : 1;
        }
    }
}
