// SPDX-License-Identifier: MIT
using System.CommandLine;
using Phone.Sim.Cli;

namespace Phone.Sim
{
    /// <summary>Entry point: `demo`, `phone`, `agent` (used by the demo) and `relay`.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var root = new RootCommand("Simulated desk phone: the firmware on a host, over UDP, with a terminal and PNG display.")
            {
                DemoCommand.Create(),
                PhoneCommand.CreateInteractive(),
                PhoneCommand.CreateAgent(),
                RelayCommand.Create()
            };
            return root.Parse(args).Invoke();
        }
    }
}
