// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using System.IO;
using NSec.Cryptography;
using Phone.Crypto;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// `org install`: writes the organisation's public key and name with the phone's certificate,
    /// and/or a revocation list, into a phone's secure flash (the phone stopped). The native core
    /// checks everything again: a certificate that does not verify under the key or names another
    /// phone's key is refused with its reason and nothing is written.
    /// </summary>
    internal static class OrgInstallCommand
    {
        private const string Name = "org install";
        private const int MaxFileBytes = 4096;

        public static Command Create()
        {
            var flash = new Option<string>("--flash") { Description = "the phone's flash directory", Required = true };
            var orgPub = new Option<string>("--org-pub") { Description = "the organisation's public key (SPKI PEM: `org create` writes <key>.pub, `openssl pkey -pubout` too)" };
            var orgName = OptionValues.PhoneName("--org-name", "the organisation's display name (\"verified by ...\")", "Organisation");
            var cert = new Option<string>("--cert") { Description = "this phone's certificate (`org sign`)" };
            var list = new Option<string>("--crl") { Description = "a revocation list (`org revoke`)" };
            var command = new Command("install", "Install the organisation and this phone's certificate, or a revocation list, into a phone's flash.")
            {
                flash, orgPub, orgName, cert, list
            };
            command.SetAction(p => Run(p.GetValue(flash), p.GetValue(orgPub), p.GetValue(orgName), p.GetValue(cert), p.GetValue(list)));
            return command;
        }

        private static int Run(string flash, string orgPubPath, string orgName, string certPath, string listPath)
        {
            string problem = OrgValues.FlashProblem(flash);
            if (problem == null && certPath == null && listPath == null)
            {
                problem = "nothing to install: give --cert (with --org-pub) and/or --crl";
            }

            if (problem == null && (certPath == null) != (orgPubPath == null))
            {
                problem = "--cert and --org-pub go together";
            }

            if (problem != null)
            {
                return OrgCommand.Fail(Name, problem);
            }

            try
            {
                // the phone must be stopped: one user of a flash directory at a time
                using var flashLock = Phone.Sim.Board.FlashLock.Take(flash, Phone.Sim.Board.SimPhone.LockFileName);
                CryptoCore.SelfTest();
                using KeyStore store = KeyStore.Open(flash);
                var org = new OrgStore(store);
                return certPath != null && InstallCertificate(org, orgPubPath, orgName, certPath) != 0 ? 2
                    : listPath != null ? InstallList(org, listPath) : 0;
            }
            catch (Phone.Sim.Board.StartFailure e)
            {
                return OrgCommand.Fail(Name, e.Message + ": stop that phone first");
            }
            catch (CryptoException e)
            {
                return OrgCommand.Fail(Name, e.Message + " (nothing was changed)");
            }
        }

        private static int InstallCertificate(OrgStore org, string orgPubPath, string orgName, string certPath)
        {
            PublicKey pub = OrgKeyFile.ReadPublic(orgPubPath, out string problem);
            byte[] cert = problem == null ? ReadSmall(certPath, out problem) : null;
            if (problem != null)
            {
                return OrgCommand.Fail(Name, problem);
            }

            org.Install(OrgKeyFile.Raw(pub), orgName, cert);
            OrgInfo info = org.Info();
            Console.WriteLine("installed: organisation \"" + info.Name + "\" (id " + Convert.ToHexString(info.Id).ToLowerInvariant()
                + "), certificate serial " + info.OwnSerial + ", learned time " + OrgValues.Iso((ulong)info.NewestTime));
            return 0;
        }

        private static int InstallList(OrgStore org, string listPath)
        {
            byte[] list = ReadSmall(listPath, out string problem);
            if (problem != null)
            {
                return OrgCommand.Fail(Name, problem);
            }

            bool newer = org.OfferRevocationList(list, list.Length);
            OrgInfo info = org.Info();
            Console.WriteLine((newer ? "installed: revocation list version " : "already held: revocation list version ")
                + info.RevocationListVersion + ", learned time " + OrgValues.Iso((ulong)info.NewestTime));
            return 0;
        }

        private static byte[] ReadSmall(string path, out string problem)
        {
            problem = null;
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileBytes)
            {
                problem = path + (info.Exists ? ": too large" : ": no such file");
                return null;
            }

            return File.ReadAllBytes(path);
        }
    }
}
