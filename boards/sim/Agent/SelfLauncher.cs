// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.IO;

namespace Phone.Sim.Agent
{
    /// <summary>Builds the command that runs this same simulator again (for the demo's phone processes).</summary>
    internal static class SelfLauncher
    {
        /// <summary>A start info running the simulator with args, stdin/stdout redirected.</summary>
        public static ProcessStartInfo StartInfo(params string[] args)
        {
            string assembly = typeof(SelfLauncher).Assembly.Location;
            string processPath = Environment.ProcessPath ?? "dotnet";
            var info = new ProcessStartInfo
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
                StandardErrorEncoding = System.Text.Encoding.UTF8
            };

            if (Path.GetFileNameWithoutExtension(processPath) == Path.GetFileNameWithoutExtension(assembly))
            {
                info.FileName = processPath; // we are the apphost ourselves
            }
            else
            {
                // Run through the dotnet host (we may be "dotnet Phone.Sim.dll" or a test host).
                info.FileName = DotnetHost(processPath);
                info.ArgumentList.Add(assembly);
            }

            foreach (string a in args)
            {
                info.ArgumentList.Add(a);
            }

            info.Environment["DOTNET_NOLOGO"] = "1";
            return info;
        }

        private static string DotnetHost(string processPath)
        {
            if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            {
                return processPath;
            }

            string fromEnv = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(fromEnv) ? "dotnet" : fromEnv;
        }
    }
}
