// SPDX-License-Identifier: MIT
// Declarations only: the public signatures the board apps use from nanoFramework.ResourceManager
// 1.2.32 (the package NuGet does not serve here), so the resource reader and the generated
// Resources.Designer.cs files compile against nanoFramework's mscorlib in this check. Never run.
using System;
using System.Reflection;

namespace System.Resources
{
    public class ResourceManager
    {
        public ResourceManager(string baseName, Assembly assembly)
        {
            throw new NotSupportedException();
        }
    }
}

namespace nanoFramework.Runtime.Native
{
    public static class ResourceUtility
    {
        public static object GetObject(System.Resources.ResourceManager rm, Enum id)
        {
            throw new NotSupportedException();
        }

        public static object GetObject(System.Resources.ResourceManager rm, Enum id, int offset, int length)
        {
            throw new NotSupportedException();
        }
    }
}
