// SPDX-License-Identifier: MIT
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's CleanupAttribute (same name, namespace and
    /// usage; source/TestFrameworkShared/CleanupAttribute.cs of nanoframework/nanoFramework.TestFramework).
    /// The device build references the real package instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }
}
