// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Phone.Firmware.Board;
using Phone.Sim.Net;

namespace Phone.Sim.Board
{
    /// <summary>
    /// Where each contact was last reached: a small text file in the phone's flash
    /// directory, one "fingerprint host:port" line per contact. Addresses are not
    /// secret and belong to the board (a device would keep them in plain NVS), so
    /// they live beside the sealed flash image, not in it.
    /// </summary>
    internal sealed class AddressBook
    {
        /// <summary>File name inside the flash directory.</summary>
        public const string FileName = "addresses.txt";

        private readonly string _path;
        private readonly Dictionary<string, string> _byFingerprint = new Dictionary<string, string>();

        /// <summary>Loads the book of the phone whose flash directory is dir (empty if none yet).</summary>
        public AddressBook(string dir)
        {
            _path = Path.Combine(dir, FileName);
            if (!File.Exists(_path))
            {
                return;
            }

            foreach (string line in File.ReadAllLines(_path))
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2)
                {
                    _byFingerprint[parts[0]] = parts[1];
                }
            }
        }

        /// <summary>The public key's fingerprint used as the key of the book (first 8 bytes, hex).</summary>
        public static string Fingerprint(byte[] publicKey)
        {
            return Convert.ToHexString(publicKey, 0, Math.Min(8, publicKey.Length)).ToLowerInvariant();
        }

        /// <summary>Last address of the contact with this key, or null.</summary>
        public NetAddress Find(byte[] publicKey)
        {
            return _byFingerprint.TryGetValue(Fingerprint(publicKey), out string text)
                ? Endpoints.ParseAddress(text) : null;
        }

        /// <summary>Remembers (and saves) the contact's address.</summary>
        public void Remember(byte[] publicKey, NetAddress address)
        {
            string fp = Fingerprint(publicKey);
            string text = address.ToString();
            if (_byFingerprint.TryGetValue(fp, out string old) && old == text)
            {
                return;
            }

            _byFingerprint[fp] = text;
            Save();
        }

        /// <summary>Forgets (and saves) the contact's address.</summary>
        public void Forget(byte[] publicKey)
        {
            if (_byFingerprint.Remove(Fingerprint(publicKey)))
            {
                Save();
            }
        }

        /// <summary>Forgets everything (factory reset).</summary>
        public void Clear()
        {
            _byFingerprint.Clear();
            File.Delete(_path);
        }

        // Write a new file, fsync it, rename it over the old one: a crash or power cut leaves the
        // old book or the new one, never an empty or torn file. (Only this phone's process writes
        // here: the flash directory's lock keeps any other phone out.)
        private void Save()
        {
            var text = new StringBuilder();
            foreach (KeyValuePair<string, string> e in _byFingerprint)
            {
                text.Append(e.Key).Append(' ').Append(e.Value).Append('\n');
            }

            string temp = _path + ".tmp";
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
                file.Write(bytes, 0, bytes.Length);
                file.Flush(true); // fsync before the rename makes it visible
            }

            File.Move(temp, _path, true);
        }
    }
}
