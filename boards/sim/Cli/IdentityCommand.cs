// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using Phone.Crypto;

namespace Phone.Sim.Cli
{
    /// <summary>`identity`: prints a phone's public identity key (never its secret) and its organisation, for `org sign`.</summary>
    internal static class IdentityCommand
    {
        public static Command Create()
        {
            var flash = new Option<string>("--flash") { Description = "the phone's flash directory", Required = true };
            var command = new Command("identity", "Print the phone's public key (64 hex digits) and its organisation, if any.") { flash };
            command.SetAction(p => Run(p.GetValue(flash)));
            return command;
        }

        private static int Run(string flash)
        {
            string problem = OrgValues.FlashProblem(flash);
            if (problem != null)
            {
                return OrgCommand.Fail("identity", problem);
            }

            try
            {
                // the phone must be stopped: one user of a flash directory at a time
                using var flashLock = Phone.Sim.Board.FlashLock.Take(flash, Phone.Sim.Board.SimPhone.LockFileName);
                CryptoCore.SelfTest();
                using KeyStore store = KeyStore.Open(flash);
                Console.WriteLine(Convert.ToHexString(store.IdentityPublicKey()).ToLowerInvariant());
                var org = new OrgStore(store);
                if (org.Installed)
                {
                    OrgInfo info = org.Info();
                    Console.WriteLine("organisation \"" + info.Name + "\", certificate serial " + info.OwnSerial
                        + ", revocation list version " + info.RevocationListVersion);
                }

                return 0;
            }
            catch (Phone.Sim.Board.StartFailure e)
            {
                return OrgCommand.Fail("identity", e.Message + ": stop that phone first");
            }
            catch (CryptoException e)
            {
                return OrgCommand.Fail("identity", e.Message);
            }
        }
    }
}
