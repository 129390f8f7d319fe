// SPDX-License-Identifier: MIT
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's TestClassAttribute (same name, namespace and
    /// usage; source/TestFrameworkShared/TestClassAttribute.cs of nanoframework/nanoFramework.TestFramework).
    /// The device build references the real package instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }
}
