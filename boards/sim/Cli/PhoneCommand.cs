// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using Phone.Crypto;
using Phone.Sim.Agent;
using Phone.Sim.Board;

namespace Phone.Sim.Cli
{
    /// <summary>`phone` (interactive, at a prompt) and `agent` (driven over stdin/stdout by the demo).</summary>
    internal static class PhoneCommand
    {
        /// <summary>The interactive phone.</summary>
        public static Command CreateInteractive()
        {
            var options = new PhoneOptions();
            var command = new Command("phone", "An interactive phone: type pair, call, accept, confirm, hangup, ... (help lists them).");
            options.AddTo(command);
            command.SetAction(parse => Run(options.Read(parse), phone => new InteractiveShell(phone, parse.GetValue(options.Png)).Run()));
            return command;
        }

        /// <summary>The phone the demo drives (one JSON line per event on stdout).</summary>
        public static Command CreateAgent()
        {
            var options = new PhoneOptions();
            var command = new Command("agent", "A phone controlled over stdin/stdout with JSON lines (used by 'demo').");
            options.AddTo(command);
            command.SetAction(parse => Run(options.Read(parse), phone => new AgentHost(phone).Run()));
            return command;
        }

        private static int Run(SimPhoneOptions options, Func<SimPhone, int> frontEnd)
        {
            SimPhone phone;
            try
            {
                phone = SimPhone.Start(options);
            }
            catch (StartFailure e)
            {
                Console.Error.WriteLine("phone: cannot start: " + e.Message);
                return 2;
            }
            catch (CryptoException e)
            {
                Console.Error.WriteLine("phone: cannot start: " + e.Message);
                return 2;
            }

            using (phone)
            {
                return frontEnd(phone);
            }
        }
    }
}
