// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Phone.Benchmarks
{
    /// <summary>Config of HybridPairingBenchmarks: in process, 20 pairings per iteration, ratio to the classical baseline.</summary>
    public sealed class HybridPairingConfig : ManualConfig
    {
        public HybridPairingConfig()
        {
            AddJob(InProcessJobs.Throughput(20));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
