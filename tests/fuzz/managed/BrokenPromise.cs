// SPDX-License-Identifier: MIT
using System;

namespace Phone.Fuzz.Datagram
{
    /// <summary>Raised when a promise of the firmware code under fuzzing does not hold for an input.</summary>
    public sealed class BrokenPromise : Exception
    {
        public BrokenPromise(string message) : base(message)
        {
        }

        /// <summary>Throws BrokenPromise(what) unless ok.</summary>
        public static void Check(bool ok, string what)
        {
            if (!ok)
            {
                throw new BrokenPromise(what);
            }
        }
    }
}
