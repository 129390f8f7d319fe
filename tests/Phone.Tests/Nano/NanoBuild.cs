// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.IO;

namespace Phone.Tests.Nano
{
    /// <summary>
    /// Runs the nano compile check (tests/nano) on a copy, with an extra probe source file, so
    /// the repository's own build output is never touched.
    /// </summary>
    internal sealed class NanoBuild : IDisposable
    {
        private readonly string _copy = Path.Combine(Path.GetTempPath(), "phone-nano-" + Guid.NewGuid().ToString("N"));

        internal NanoBuild()
        {
            CopyProjects(Path.Combine(RepoRoot, "tests", "nano"), _copy);
        }

        internal static string RepoRoot
        {
            get
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "Phone.sln")))
                {
                    dir = Path.GetDirectoryName(dir);
                }

                return dir ?? throw new InvalidOperationException("repository root not found");
            }
        }

        internal string Output { get; private set; } = string.Empty;

        /// <summary>Builds the firmware's nano project with probeSource added; true if it compiled.</summary>
        internal bool BuildFirmwareWith(string probeSource)
        {
            string probe = Path.Combine(_copy, "Probe.cs");
            File.WriteAllText(probe, probeSource);
            string project = Path.Combine(_copy, "Phone.Firmware.Nano", "Phone.Firmware.Nano.csproj");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string arg in new[]
                     {
                         "build", project, "-nologo", "-v", "q", "-c", "Release",
                         "-p:FirmwareDir=" + Path.Combine(RepoRoot, "firmware") + Path.DirectorySeparatorChar,
                         "-p:NanoProbeFile=" + probe,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using Process process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            Output = process.StandardOutput.ReadToEnd() + stderr.Result;
            process.WaitForExit();
            return process.ExitCode == 0;
        }

        /// <summary>The firmware assembly the last successful build produced.</summary>
        internal string FirmwareAssembly =>
            Path.Combine(_copy, "Phone.Firmware.Nano", "bin", "Release", "netstandard2.0", "Phone.Firmware.dll");

        public void Dispose()
        {
            Directory.Delete(_copy, true);
        }

        private static void CopyProjects(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (string dir in Directory.GetDirectories(from))
            {
                string name = Path.GetFileName(dir);
                if (name != "bin" && name != "obj")
                {
                    CopyProjects(dir, Path.Combine(to, name));
                }
            }
        }
    }
}
