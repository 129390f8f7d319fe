// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using Phone.Sim.Cli;

namespace Phone.Sim
{
    /// <summary>Entry point: `demo`, `phone`, `agent` (used by the demo), `relay`, `org` (provisioning) and `identity`.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var root = new RootCommand("Simulated desk phone: the firmware on a host, over UDP, with a terminal and PNG display.")
            {
                DemoCommand.Create(),
                PhoneCommand.CreateInteractive(),
                PhoneCommand.CreateAgent(),
                RelayCommand.Create(),
                OrgCommand.Create(),
                IdentityCommand.Create()
            };
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One line per mistake in our own words, then where to look: not the whole help text.
                string command = parse.CommandResult.Command.Name;
                foreach (ParseError error in parse.Errors)
                {
                    Console.Error.WriteLine(command + ": " + error.Message);
                }

                Console.Error.WriteLine("(see: " + (command == root.Name ? "" : command + " ") + "--help)");
                return 2;
            }

            return parse.Invoke();
        }
    }
}
