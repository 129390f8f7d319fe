// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using System.IO;
using System.Text;
using NSec.Cryptography;

namespace Phone.Sim.Cli
{
    /// <summary>`org sign`: a phone certificate from the organisation key and the phone's printed public key.</summary>
    internal static class OrgSignCommand
    {
        private const string Name = "org sign";

        public static Command Create()
        {
            var org = new Option<string>("--org") { Description = "the organisation's private key (PKCS#8 PEM)", Required = true };
            var phoneKey = new Option<string>("--phone-key") { Description = "the phone's public key, 64 hex digits (`identity` prints it)", Required = true };
            var name = OptionValues.PhoneName("--name", "the phone's display name in the certificate", "Phone");
            var serial = new Option<ulong>("--serial") { Description = "certificate serial, unique within the organisation", Required = true };
            var from = new Option<string>("--valid-from") { Description = "start of validity (2027-01-31, ISO time or seconds since 1970; default now; never in the future)" };
            var until = new Option<string>("--valid-until") { Description = "end of validity (default: 5 years after the start)" };
            var output = OptionValues.OutputFile("--out", "certificate file to write");
            output.Required = true;
            var command = new Command("sign", "Issue a phone certificate.") { org, phoneKey, name, serial, from, until, output };
            command.SetAction(p => Run(p.GetValue(org), p.GetValue(phoneKey), p.GetValue(name), p.GetValue(serial),
                p.GetValue(from), p.GetValue(until), p.GetValue(output)));
            return command;
        }

        private static int Run(string orgPath, string phoneKeyHex, string name, ulong serial, string from, string until, string output)
        {
            byte[] phoneKey = OrgValues.Key(phoneKeyHex);
            if (phoneKey == null)
            {
                return OrgCommand.Fail(Name, "--phone-key must be 64 hex digits (the phone's `identity`)");
            }

            ulong now = OrgValues.Now();
            ulong? notBefore = from == null ? now : OrgValues.Time(from);
            if (notBefore == null || notBefore > now)
            {
                // a not-before is a time phones learn: one in the future would move their clocks ahead
                return OrgCommand.Fail(Name, "--valid-from must be a time not later than now (2027-01-31, ISO time or seconds)");
            }

            ulong? notAfter = until == null ? notBefore + 5UL * 365 * 86400 : OrgValues.Time(until);
            if (notAfter == null || notAfter < notBefore)
            {
                return OrgCommand.Fail(Name, "--valid-until must be a time after --valid-from");
            }

            using Key org = OrgCommand.LoadKey(Name, orgPath);
            if (org == null)
            {
                return 2;
            }

            byte[] cert = OrgDocuments.Certificate(org, phoneKey, name, serial, notBefore.Value, notAfter.Value);
            File.WriteAllBytes(output, cert);
            Console.WriteLine("certificate " + output + ": " + cert.Length + " bytes, serial " + serial + ", \"" + name + "\", valid "
                + OrgValues.Iso(notBefore.Value) + " .. " + OrgValues.Iso(notAfter.Value));
            return 0;
        }
    }
}
