// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Phone.Benchmarks
{
    /// <summary>Round trips and retransmissions the firmware reported in each measured run, by benchmark.</summary>
    internal static class LatencyRecord
    {
        private static readonly ConcurrentDictionary<string, List<(double RoundTrips, int Retransmissions)>> Runs =
            new ConcurrentDictionary<string, List<(double, int)>>();

        public static void Add(string benchmark, double roundTrips, int retransmissions)
        {
            List<(double, int)> list = Runs.GetOrAdd(benchmark, _ => new List<(double, int)>());
            lock (list)
            {
                list.Add((roundTrips, retransmissions));
            }
        }

        /// <summary>Round trips of the runs, e.g. "1" or "1-2", or null when none were recorded.</summary>
        public static string RoundTrips(string benchmark)
        {
            if (!Runs.TryGetValue(benchmark, out List<(double RoundTrips, int)> list) || list.Count == 0)
            {
                return null;
            }

            double min = double.MaxValue, max = double.MinValue;
            lock (list)
            {
                foreach ((double rt, int _) in list)
                {
                    min = System.Math.Min(min, rt);
                    max = System.Math.Max(max, rt);
                }
            }

            return min == max ? min.ToString("0.#") : min.ToString("0.#") + "-" + max.ToString("0.#");
        }

        /// <summary>The fewest round trips recorded (the protocol's own count, without retransmissions).</summary>
        public static double MinRoundTrips(string benchmark)
        {
            if (!Runs.TryGetValue(benchmark, out List<(double RoundTrips, int)> list) || list.Count == 0)
            {
                return double.NaN;
            }

            double min = double.MaxValue;
            lock (list)
            {
                foreach ((double rt, int _) in list)
                {
                    min = System.Math.Min(min, rt);
                }
            }

            return min;
        }

        /// <summary>Retransmissions summed over the runs.</summary>
        public static int Retransmissions(string benchmark)
        {
            int total = 0;
            if (Runs.TryGetValue(benchmark, out List<(double, int Retransmissions)> list))
            {
                lock (list)
                {
                    foreach ((double _, int r) in list)
                    {
                        total += r;
                    }
                }
            }

            return total;
        }
    }
}
