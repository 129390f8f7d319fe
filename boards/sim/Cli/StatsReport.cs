// SPDX-License-Identifier: MIT
using System.IO;
using Phone.Sim.Net;

namespace Phone.Sim.Cli
{
    /// <summary>The relay's periodic statistics line, printed only when something changed (an idle relay stays quiet).</summary>
    internal sealed class StatsReport
    {
        private string _last;

        /// <summary>The line for relay now.</summary>
        public static string Line(UdpRelay relay)
        {
            return "relay: A->B " + relay.AToB + " | B->A " + relay.BToA;
        }

        /// <summary>Writes the line if it differs from the last one written; returns whether it wrote.</summary>
        public bool Print(UdpRelay relay, TextWriter output)
        {
            string line = Line(relay);
            if (line == _last)
            {
                return false;
            }

            _last = line;
            output.WriteLine(line);
            return true;
        }
    }
}
