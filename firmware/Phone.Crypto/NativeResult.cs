// SPDX-License-Identifier: MIT
using System;

namespace Phone.Crypto
{
    /// <summary>
    /// Maps native return codes onto exceptions. Caller mistakes become the
    /// matching .NET exception; everything else a CryptoException. On the
    /// device the interop stubs already raise the caller-mistake exceptions
    /// (CLR_E_*), so the same mapping holds on both targets.
    /// </summary>
    internal static class NativeResult
    {
        /// <summary>Returns a non-negative result, throws for any error.</summary>
        internal static int Check(int result, string operation)
        {
            if (result >= 0)
            {
                return result;
            }

            ThrowFor(result, operation);
            return result;
        }

        /// <summary>
        /// Returns a non-negative result or a hostile-input code unchanged (the
        /// caller counts and drops); throws for everything else.
        /// </summary>
        internal static int CheckAllowHostile(int result, string operation)
        {
            if (result >= 0 || CryptoStatus.IsHostileInput(result))
            {
                return result;
            }

            ThrowFor(result, operation);
            return result;
        }

        internal static void ThrowFor(int status, string operation)
        {
            string message = operation + ": " + CryptoStatus.Describe(status);
            switch (status)
            {
                case CryptoStatus.BadArgument:
                case CryptoStatus.NoSpace:
                    throw new ArgumentException(message);
                case CryptoStatus.BadHandle:
                    throw new ObjectDisposedException(message);
                case CryptoStatus.BadState:
                    throw new InvalidOperationException(message);
                default:
                    throw new CryptoException(status, operation);
            }
        }
    }
}
