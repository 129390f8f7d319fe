// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using NSec.Cryptography;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// `org`: the organisation's provisioning tool (docs/simulator.md "Organisation"). create
    /// makes the offline signing key (PKCS#8 PEM, as openssl makes it); sign issues a phone's
    /// certificate from the public key the phone prints (`identity`); revoke issues a signed
    /// revocation list; install writes the organisation's public key, a certificate and/or a
    /// list into a phone's secure flash. Only install touches a phone, and never with a secret.
    /// </summary>
    internal static class OrgCommand
    {
        public static Command Create()
        {
            return new Command("org", "Organisation trust: create the signing key, sign phone certificates, revoke, install.")
            {
                CreateKey(), OrgSignCommand.Create(), OrgInstallCommand.Create(), OrgRevokeCommand.Create(), OrgBundleCommand.Create()
            };
        }

        private static Command CreateKey()
        {
            var output = OptionValues.OutputFile("--out", "private key file to write (PKCS#8 PEM; keep it offline)");
            output.Required = true;
            var command = new Command("create", "Create the organisation's Ed25519 signing key; writes <out> and <out>.pub.") { output };
            command.SetAction(parse => WriteKey(parse.GetValue(output)));
            return command;
        }

        private static int WriteKey(string path)
        {
            if (File.Exists(path))
            {
                Console.Error.WriteLine("org create: " + path + " exists: not overwriting an organisation key");
                return 2;
            }

            using Key key = OrgKeyFile.Create();
            File.WriteAllText(path, OrgKeyFile.PrivatePem(key));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.WriteAllText(path + ".pub", OrgKeyFile.PublicPem(key.PublicKey));
            Console.WriteLine("organisation key: " + path + " (secret: keep offline), public key: " + path + ".pub");
            Console.WriteLine("organisation id: " + Convert.ToHexString(OrgDocuments.OrgId(OrgKeyFile.Raw(key.PublicKey))).ToLowerInvariant());
            return 0;
        }

        /// <summary>Reads the key at path or reports why not (exit code 2).</summary>
        internal static Key LoadKey(string command, string path)
        {
            Key key = OrgKeyFile.ReadPrivate(path, out string problem);
            if (key == null)
            {
                Console.Error.WriteLine(command + ": " + problem);
            }

            return key;
        }

        internal static int Fail(string command, string message)
        {
            Console.Error.WriteLine(command + ": " + message);
            return 2;
        }
    }
}
