// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Phone.Benchmarks
{
    /// <summary>Config of HybridPairingBenchmarks: in process, 20 pairings per iteration, 30 iterations, median shown, ratio to the classical baseline.</summary>
    public sealed class HybridPairingConfig : ManualConfig
    {
        public HybridPairingConfig()
        {
            // More iterations and the median: the shared machine is noisy.
            AddJob(InProcessJobs.Throughput(20).WithIterationCount(30));
            AddColumn(StatisticColumn.Median);
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
