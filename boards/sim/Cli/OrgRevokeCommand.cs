// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using NSec.Cryptography;

namespace Phone.Sim.Cli
{
    /// <summary>`org revoke`: a signed revocation list (monotonic version, issue time = now, revoked serials).</summary>
    internal static class OrgRevokeCommand
    {
        private const string Name = "org revoke";

        public static Command Create()
        {
            var org = new Option<string>("--org") { Description = "the organisation's private key (PKCS#8 PEM)", Required = true };
            var version = new Option<uint>("--version") { Description = "list version: higher than every list issued before", Required = true };
            var serials = new Option<ulong[]>("--serial") { Description = "a revoked certificate serial (repeat for more; none: a list that only tells the time)", AllowMultipleArgumentsPerToken = true };
            var output = OptionValues.OutputFile("--out", "revocation list file to write");
            output.Required = true;
            var command = new Command("revoke", "Issue a revocation list; phones pass it on to each other in handshakes.") { org, version, serials, output };
            command.SetAction(p => Run(p.GetValue(org), p.GetValue(version), p.GetValue(serials) ?? new ulong[0], p.GetValue(output)));
            return command;
        }

        private static int Run(string orgPath, uint version, ulong[] serials, string output)
        {
            ulong[] distinct = serials.Distinct().ToArray();
            if (version == 0)
            {
                return OrgCommand.Fail(Name, "--version must be at least 1");
            }

            if (distinct.Length > OrgDocuments.MaxRevokedSerials)
            {
                return OrgCommand.Fail(Name, "at most " + OrgDocuments.MaxRevokedSerials + " serials per list (got " + distinct.Length + ")");
            }

            using Key org = OrgCommand.LoadKey(Name, orgPath);
            if (org == null)
            {
                return 2;
            }

            ulong now = OrgValues.Now();
            byte[] list = OrgDocuments.RevocationList(org, version, now, distinct);
            File.WriteAllBytes(output, list);
            Console.WriteLine("revocation list " + output + ": version " + version + ", " + distinct.Length + " serial(s), "
                + list.Length + " bytes, issued " + OrgValues.Iso(now));
            return 0;
        }
    }
}
