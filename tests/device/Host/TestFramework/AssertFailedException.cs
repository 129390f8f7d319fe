// SPDX-License-Identifier: MIT
using System;

namespace TestFrameworkShared
{
    /// <summary>
    /// Host stand-in: what a failed assertion throws (the real one lives in namespace
    /// TestFrameworkShared too, source/TestFrameworkShared/AssertFailedException.cs).
    /// </summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string message)
            : base(message)
        {
        }
    }
}
