// SPDX-License-Identifier: MIT
namespace Phone.Sim.Timing
{
    /// <summary>Calls to one native entry point and their estimated device time.</summary>
    public sealed class EntryTotals
    {
        /// <summary>Number of calls.</summary>
        public int Calls { get; internal set; }

        /// <summary>Estimated device time of all of them (ms).</summary>
        public double Ms { get; internal set; }
    }
}
