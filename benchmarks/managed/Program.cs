// SPDX-License-Identifier: MIT
using System;
using BenchmarkDotNet.Running;

namespace Phone.Benchmarks
{
    internal static class Program
    {
        private static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--wire-bytes")
            {
                HybridPairingBenchmarks.WireBytes();
                Console.WriteLine();
                HybridPairingBenchmarks.Interleaved(400);
                return;
            }

            if (args.Length > 0 && args[0] == "--probe")
            {
                AllocationProbe.Run(20000);
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
