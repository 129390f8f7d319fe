// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Phone.DeviceTests.Host.Checks
{
    /// <summary>
    /// Check 2: the Visual Studio device solution. Every .nfproj parses, imports the
    /// nanoFramework project system, compiles every .cs file of its folder (the device build
    /// does not glob), references files and projects that exist, and its HintPaths name the
    /// package versions of its packages.config; Phone.nfproj.sln lists them with matching GUIDs.
    /// </summary>
    public static class NfprojCheck
    {
        private const string NfTypeGuid = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

        /// <summary>Folders (relative to the project's folder) whose .cs files the project must not list.</summary>
        public static readonly Dictionary<string, string[]> Excluded = new Dictionary<string, string[]>
        {
            ["tests/device/Phone.DeviceTests.nfproj"] = new[] { "Host" }, // the host adapter
        };

        /// <summary>Problems of one project given its text, its packages.config text and the files around it.</summary>
        public static List<string> CheckProject(string root, string relPath, string projectText, string packagesText)
        {
            var errors = new List<string>();
            var dir = Path.GetDirectoryName(Path.Combine(root, relPath));
            XDocument doc;
            try
            {
                doc = XDocument.Parse(projectText);
            }
            catch (Exception e)
            {
                return new List<string> { relPath + ": not XML: " + e.Message };
            }

            XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
            string Prop(string name) => doc.Descendants(ns + name).Select(e => e.Value).FirstOrDefault();
            var imports = doc.Descendants(ns + "Import").Select(e => (string)e.Attribute("Project")).ToList();
            foreach (var need in new[] { "NFProjectSystem.Default.props", "NFProjectSystem.props", "NFProjectSystem.CSharp.targets" })
            {
                if (!imports.Any(i => i.EndsWith(need, StringComparison.Ordinal)))
                {
                    errors.Add($"{relPath}: does not import {need}");
                }
            }

            if (Prop("ProjectTypeGuids")?.StartsWith(NfTypeGuid, StringComparison.OrdinalIgnoreCase) != true)
            {
                errors.Add($"{relPath}: ProjectTypeGuids must start with {NfTypeGuid}");
            }

            if (Prop("DefineConstants")?.Contains("NANOFRAMEWORK", StringComparison.Ordinal) != true)
            {
                errors.Add($"{relPath}: DefineConstants lacks NANOFRAMEWORK (the shared sources need it)");
            }

            // Compile items: exist, and cover every .cs of the folder
            var compiled = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in doc.Descendants(ns + "Compile"))
            {
                var full = Path.GetFullPath(Path.Combine(dir, ((string)c.Attribute("Include")).Replace('\\', '/')));
                compiled.Add(full);
                if (!File.Exists(full))
                {
                    errors.Add($"{relPath}: Compile {c.Attribute("Include").Value} does not exist");
                }
            }

            Excluded.TryGetValue(relPath.Replace('\\', '/'), out var skip);
            foreach (var cs in Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(dir, cs).Replace('\\', '/');
                var top = rel.Split('/')[0];
                if (rel.Contains('/') && (top == "bin" || top == "obj" || (skip != null && skip.Contains(top))))
                {
                    continue;
                }

                if (!compiled.Contains(Path.GetFullPath(cs)))
                {
                    errors.Add($"{relPath}: {rel} is not listed (add it: python3 tools/nfproj/nfproj.py)");
                }
            }

            foreach (var e in doc.Descendants(ns + "None").Concat(doc.Descendants(ns + "ProjectReference")))
            {
                var path = Path.Combine(dir, ((string)e.Attribute("Include")).Replace('\\', '/'));
                if (!File.Exists(path))
                {
                    errors.Add($"{relPath}: {e.Name.LocalName} {e.Attribute("Include").Value} does not exist");
                }
            }

            // packages.config versions = HintPath versions
            var packages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                foreach (var p in XDocument.Parse(packagesText).Descendants("package"))
                {
                    packages[(string)p.Attribute("id")] = (string)p.Attribute("version");
                    if ((string)p.Attribute("targetFramework") != "netnano1.0")
                    {
                        errors.Add($"{relPath}: packages.config {p.Attribute("id").Value} is not targetFramework netnano1.0");
                    }
                }
            }
            catch (Exception e)
            {
                errors.Add($"{relPath}: packages.config is not XML: {e.Message}");
            }

            foreach (var h in doc.Descendants(ns + "HintPath").Select(e => e.Value))
            {
                var m = Regex.Match(h, @"packages\\(?<pkg>[A-Za-z][\w.]*?)\.(?<ver>\d+\.\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)\\lib\\");
                if (!m.Success)
                {
                    errors.Add($"{relPath}: HintPath {h} is not packages\\<id>.<version>\\lib\\...");
                    continue;
                }

                if (!packages.TryGetValue(m.Groups["pkg"].Value, out var v))
                {
                    errors.Add($"{relPath}: HintPath package {m.Groups["pkg"].Value} is not in packages.config");
                }
                else if (v != m.Groups["ver"].Value)
                {
                    errors.Add($"{relPath}: HintPath {m.Groups["pkg"].Value} {m.Groups["ver"].Value}, packages.config has {v}");
                }

                var depth = Path.GetRelativePath(root, dir).Split(Path.DirectorySeparatorChar).Length;
                if (!h.StartsWith(string.Concat(Enumerable.Repeat("..\\", depth)) + "packages\\", StringComparison.Ordinal))
                {
                    errors.Add($"{relPath}: HintPath {h} does not point at the solution's packages folder");
                }
            }

            return errors;
        }

        /// <summary>Problems of the solution: parses, every project exists, GUIDs match, configurations listed.</summary>
        public static List<string> CheckSolution(string root, string slnText)
        {
            var errors = new List<string>();
            var projects = Regex.Matches(slnText, @"Project\(""(?<type>\{[^}]+\})""\)\s*=\s*""(?<name>[^""]+)"",\s*""(?<path>[^""]+)"",\s*""(?<guid>\{[^}]+\})""");
            if (projects.Count == 0)
            {
                errors.Add("no projects in the solution");
            }

            foreach (Match p in projects)
            {
                if (p.Groups["type"].Value == "{2150E333-8FDC-42A3-9474-1A3956D46DE8}")
                {
                    continue; // solution folder
                }

                var path = Path.Combine(root, p.Groups["path"].Value.Replace('\\', '/'));
                if (!File.Exists(path))
                {
                    errors.Add($"solution project {p.Groups["path"].Value} does not exist");
                    continue;
                }

                if (!string.Equals(p.Groups["type"].Value, NfTypeGuid, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"solution project {p.Groups["name"].Value} is not a nanoFramework project type");
                }

                var guid = Regex.Match(File.ReadAllText(path), @"<ProjectGuid>(\{[^}]+\})</ProjectGuid>").Groups[1].Value;
                if (!string.Equals(guid, p.Groups["guid"].Value, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"solution GUID of {p.Groups["name"].Value} is {p.Groups["guid"].Value}, the project says {guid}");
                }

                foreach (var cfg in new[] { "Debug", "Release" })
                {
                    if (!slnText.Contains(p.Groups["guid"].Value + "." + cfg + "|Any CPU.Build.0", StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add($"solution does not build {p.Groups["name"].Value} in {cfg}");
                    }
                }
            }

            return errors;
        }
    }
}
