// SPDX-License-Identifier: MIT
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Host stand-in: thrown (by Assert.SkipTest) to skip a test; in [Setup], skips the class.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
