// SPDX-License-Identifier: MIT
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's TestMethodAttribute (same name, namespace and
    /// usage; source/TestFrameworkShared/TestMethodAttribute.cs of nanoframework/nanoFramework.TestFramework).
    /// The device build references the real package instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
