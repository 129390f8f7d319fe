// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Text;
using Phone.Crypto;

namespace Phone.Sim.Board
{
    /// <summary>
    /// The phone's flash directory at start-up: created if new, and its key store opened (or,
    /// when the user asked for it, factory reset). Every refusal is a StartFailure whose one line
    /// says what is wrong and what the user can do; a refused store is left exactly as it was.
    /// </summary>
    internal static class FlashDirectory
    {
        /// <summary>Longest directory path the native store accepts (its locator buffer, in UTF-8 bytes).</summary>
        public const int MaxPathBytes = 95;

        /// <summary>Creates dir (and its parents) if needed.</summary>
        public static void Create(string dir)
        {
            if (Encoding.UTF8.GetByteCount(dir) > MaxPathBytes)
            {
                throw new StartFailure("the flash directory path " + dir + " is too long (at most "
                                       + MaxPathBytes + " bytes): choose a shorter --flash");
            }

            if (File.Exists(dir))
            {
                throw new StartFailure("--flash " + dir + " is a file, not a directory");
            }

            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (UnauthorizedAccessException)
            {
                throw new StartFailure("cannot create the flash directory " + dir + " (permission denied)");
            }
            catch (IOException)
            {
                throw new StartFailure("cannot create the flash directory " + dir
                                       + " (a part of the path is a file, or the disk refused)");
            }
        }

        /// <summary>Opens the store in dir, or erases it and creates a new identity if reset.</summary>
        public static KeyStore OpenStore(string dir, bool reset)
        {
            try
            {
                return reset ? KeyStore.FactoryReset(null, dir) : KeyStore.Open(dir);
            }
            catch (CryptoException e)
            {
                throw new StartFailure(Explain(e.Status, dir));
            }
        }

        private static string Explain(int status, string dir)
        {
            string flash = Path.Combine(dir, "flash");
            string key = Path.Combine(dir, "efuse.key");
            switch (status)
            {
                case CryptoStatus.Corrupt:
                    return "the secure flash " + flash + " is damaged and has no intact copy (or " + key
                           + " is not its key); it was left as it is. Restore both files from a backup, or erase "
                           + "identity and contacts and start afresh with --factory-reset";
                case CryptoStatus.NotFound:
                    return "the device key " + key + " is missing, so the secure flash " + flash
                           + " cannot be opened; nothing was changed. Put the key file back, or erase identity "
                           + "and contacts and start afresh with --factory-reset";
                case CryptoStatus.StorageFailed:
                    return "cannot read or write the secure flash in " + dir + " (check permissions and disk space)";
                default:
                    return "the secure flash in " + dir + " cannot be opened (" + CryptoStatus.Describe(status) + ")";
            }
        }
    }
}
