// SPDX-License-Identifier: MIT
using System;
using System.IO;

namespace Phone.Sim.Board
{
    /// <summary>
    /// One phone per flash directory: an exclusive lock on a file in it, held while the phone runs.
    /// .NET takes it with flock(LOCK_EX | LOCK_NB) on Linux, so the kernel releases it when the
    /// process ends in any way, a crash or kill -9 included; no stale lock is ever left.
    /// </summary>
    internal sealed class FlashLock : IDisposable
    {
        private readonly FileStream _file;

        private FlashLock(FileStream file)
        {
            _file = file;
        }

        /// <summary>Takes the lock of dir (which exists), or throws StartFailure if another phone holds it.</summary>
        public static FlashLock Take(string dir, string fileName)
        {
            string path = Path.Combine(dir, fileName);
            try
            {
                return new FlashLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException)
            {
                throw new StartFailure("cannot write in the flash directory " + dir + " (permission denied)");
            }
            catch (IOException)
            {
                throw new StartFailure("the flash directory " + dir
                                       + " is in use by another phone (one phone per flash directory)");
            }
        }

        /// <summary>Releases the lock.</summary>
        public void Dispose()
        {
            _file.Dispose();
        }
    }
}
