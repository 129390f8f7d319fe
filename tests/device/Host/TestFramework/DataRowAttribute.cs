// SPDX-License-Identifier: MIT
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's DataRowAttribute: the test method runs
    /// once per row with these arguments.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            MethodParameters = methodParameters;
        }

        /// <summary>The arguments of this row.</summary>
        public object[] MethodParameters { get; private set; }
    }
}
