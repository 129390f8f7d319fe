// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NSec.Cryptography;
using Phone.Firmware.Trust;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// `org bundle`: the file an organisation deploys with the board application image (docs/device.md
    /// §5b; the simulator reads it with --org-bundle): the organisation's public key and name, its
    /// newest revocation list and the certificates of all its phones. Each phone installs its own
    /// certificate at start. With no certificates it is an enrolment image: phones show their key.
    /// </summary>
    internal static class OrgBundleCommand
    {
        private const string Name = "org bundle";

        public static Command Create()
        {
            var orgPub = new Option<string>("--org-pub") { Description = "the organisation's public key (SPKI PEM, `org create` writes <key>.pub)" };
            var orgName = OptionValues.PhoneName("--org-name", "the organisation's display name (\"verified by ...\")", "Organisation");
            var certs = new Option<string[]>("--cert")
            {
                Description = "a phone certificate (`org sign`), or a folder whose files are all certificates; repeat for more",
                AllowMultipleArgumentsPerToken = true,
            };
            var list = new Option<string>("--crl") { Description = "the newest revocation list (`org revoke`)" };
            var none = new Option<bool>("--none") { Description = "a bundle with no organisation (what the boards ship with)" };
            var output = OptionValues.OutputFile("--out", "bundle file to write");
            output.Required = true;
            var command = new Command("bundle", "Write the organisation bundle that goes with the board image (every phone's certificate).")
            {
                orgPub, orgName, certs, list, none, output
            };
            command.SetAction(p => Run(p.GetValue(orgPub), p.GetValue(orgName), p.GetValue(certs) ?? Array.Empty<string>(),
                p.GetValue(list), p.GetValue(none), p.GetValue(output)));
            return command;
        }

        private static int Run(string orgPubPath, string orgName, string[] certPaths, string listPath, bool none, string output)
        {
            if (none)
            {
                return orgPubPath != null || certPaths.Length > 0 || listPath != null
                    ? OrgCommand.Fail(Name, "--none takes no organisation, certificates or list")
                    : Write(output, OrgBundleWriter.Empty(), "no organisation");
            }

            if (orgPubPath == null)
            {
                return OrgCommand.Fail(Name, "give --org-pub (or --none for a bundle without organisation)");
            }

            PublicKey org = OrgKeyFile.ReadPublic(orgPubPath, out string problem);
            List<byte[]> certs = problem == null ? ReadCertificates(certPaths, out problem) : null;
            byte[] crl = problem == null && listPath != null ? ReadSmall(listPath, OrgBundleLayout.MaxListBytes, out problem) : null;
            byte[] bundle = problem == null ? OrgBundleWriter.Build(org, orgName, certs, crl, out problem) : null;
            return problem != null ? OrgCommand.Fail(Name, problem)
                : Write(output, bundle, "organisation \"" + orgName + "\", " + certs.Count + " phone(s)"
                    + (crl == null ? ", no revocation list" : ", a revocation list"));
        }

        private static List<byte[]> ReadCertificates(string[] paths, out string problem)
        {
            problem = null;
            var certs = new List<byte[]>();
            foreach (string path in paths)
            {
                IEnumerable<string> files = Directory.Exists(path)
                    ? Directory.GetFiles(path).OrderBy(f => f, StringComparer.Ordinal) : new[] { path };
                foreach (string file in files)
                {
                    byte[] cert = ReadSmall(file, OrgBundleLayout.MaxCertificateBytes, out problem);
                    if (problem != null)
                    {
                        return null;
                    }

                    certs.Add(cert);
                }
            }

            return certs;
        }

        private static byte[] ReadSmall(string path, int max, out string problem)
        {
            problem = null;
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > max || info.Length == 0)
            {
                problem = path + (!info.Exists ? ": no such file" : info.Length == 0 ? ": empty" : ": too large (at most " + max + " bytes)");
                return null;
            }

            return File.ReadAllBytes(path);
        }

        private static int Write(string output, byte[] bundle, string what)
        {
            string temporary = output + ".tmp";
            try
            {
                File.WriteAllBytes(temporary, bundle);
                File.Move(temporary, output, true); // never a half-written bundle under the real name
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return OrgCommand.Fail(Name, output + ": cannot be written (" + e.Message + ")");
            }

            Console.WriteLine("bundle " + output + ": " + what + ", " + bundle.Length + " bytes");
            return 0;
        }
    }
}
