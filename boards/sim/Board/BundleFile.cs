// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Firmware.Board;
using Phone.Firmware.Trust;

namespace Phone.Sim.Board
{
    /// <summary>
    /// The simulator's stand-in for the board's deployment resource (docs/device.md §5b): an organisation
    /// bundle file (`org bundle`), read once at start, served in chunks as the board's resource is.
    /// </summary>
    internal sealed class BundleFile : IDeploymentResource
    {
        /// <summary>Largest bundle a phone reads (the layout's limit).</summary>
        public const int MaxBytes = OrgBundleLayout.HeaderBytes + OrgBundleLayout.MaxEntries * OrgBundleLayout.EntryBytes;

        private readonly byte[] _bytes;

        private BundleFile(byte[] bytes)
        {
            _bytes = bytes;
        }

        /// <summary>Reads path; a missing, unreadable or oversized file is a StartFailure (nothing was changed).</summary>
        public static BundleFile Open(string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    throw new StartFailure("--org-bundle " + path + ": a folder, not a bundle file");
                }

                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw new StartFailure("--org-bundle " + path + ": no such file");
                }

                if (info.Length > MaxBytes)
                {
                    throw new StartFailure("--org-bundle " + path + ": larger than any organisation bundle (" + MaxBytes + " bytes)");
                }

                return new BundleFile(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                throw new StartFailure("--org-bundle " + path + ": cannot be read (" + e.Message + ")");
            }
        }

        /// <inheritdoc/>
        public int Read(int offset, byte[] buffer, int count)
        {
            if (offset < 0 || offset >= _bytes.Length)
            {
                return 0;
            }

            int n = Math.Min(count, _bytes.Length - offset);
            Array.Copy(_bytes, offset, buffer, 0, n);
            return n;
        }
    }
}
