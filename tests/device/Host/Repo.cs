// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Phone.DeviceTests.Host
{
    /// <summary>Paths of the repository and of build outputs the checks read.</summary>
    public static class Repo
    {
        /// <summary>Repository root (holds Phone.sln).</summary>
        public static string Root { get; } = Find();

        /// <summary>The NANOFRAMEWORK build of Phone.Crypto (tests/nano/Phone.Crypto.Nano).</summary>
        public static string NanoCryptoAssembly => Metadata("NanoCryptoAssembly");

        /// <summary>Path under the root.</summary>
        public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

        private static string Metadata(string key) => typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == key).Value;

        private static string Find()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Phone.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
