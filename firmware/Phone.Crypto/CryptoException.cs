// SPDX-License-Identifier: MIT
using System;

namespace Phone.Crypto
{
    /// <summary>
    /// A native-core failure that is not a plain argument mistake: exhausted
    /// counters, corrupt flash, a failed self-test, a full table.
    /// </summary>
    public class CryptoException : Exception
    {
        /// <summary>Creates the exception for a native status code.</summary>
        public CryptoException(int status, string operation)
            : base(operation + ": " + CryptoStatus.Describe(status))
        {
            Status = status;
        }

        /// <summary>The native status code (a CryptoStatus constant).</summary>
        public int Status { get; private set; }
    }
}
