// SPDX-License-Identifier: MIT
namespace Phone.Sim.Net
{
    /// <summary>What a relay does to the datagrams of one direction. Probabilities are 0..1.</summary>
    internal sealed class LinkFaults
    {
        /// <summary>Added one-way delay in milliseconds.</summary>
        public int DelayMs { get; set; }

        /// <summary>
        /// Jitter: each datagram waits an extra 0..JitterMs ms (uniform), so datagrams
        /// sent close together may overtake each other.
        /// </summary>
        public int JitterMs { get; set; }

        /// <summary>Probability a datagram is dropped.</summary>
        public double Loss { get; set; }

        /// <summary>Probability a datagram is held back so later ones overtake it.</summary>
        public double Reorder { get; set; }

        /// <summary>Probability a datagram is delivered twice.</summary>
        public double Duplicate { get; set; }

        /// <summary>Probability an older datagram of this direction is sent again (a replay).</summary>
        public double Replay { get; set; }

        /// <summary>Seed of this direction's random choices, so a test run can be repeated.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>True when datagrams pass untouched and at once.</summary>
        public bool IsClean
        {
            get { return DelayMs == 0 && JitterMs == 0 && Loss == 0 && Reorder == 0 && Duplicate == 0 && Replay == 0; }
        }

        /// <summary>A copy with another seed (for the other direction).</summary>
        public LinkFaults WithSeed(int seed)
        {
            return new LinkFaults
            {
                DelayMs = DelayMs, JitterMs = JitterMs, Loss = Loss, Reorder = Reorder, Duplicate = Duplicate, Replay = Replay, Seed = seed
            };
        }

        /// <summary>Short description for logs.</summary>
        public override string ToString()
        {
            return "delay " + DelayMs + " ms, jitter " + JitterMs + " ms, loss " + Loss + ", reorder " + Reorder + ", duplicate " + Duplicate
                   + ", replay " + Replay + ", seed " + Seed;
        }
    }
}
