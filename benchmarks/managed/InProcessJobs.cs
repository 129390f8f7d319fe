// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Phone.Benchmarks
{
    /// <summary>
    /// One in-process job per benchmark class (the phones, sockets and native
    /// library live in this process; no generated project is rebuilt).
    /// </summary>
    internal static class InProcessJobs
    {
        /// <summary>Many invocations per iteration, for per-packet figures.</summary>
        public static Job Throughput(int invocations) => Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithInvocationCount(invocations).WithUnrollFactor(1);

        /// <summary>One invocation per iteration (a call setup, a pairing), each timed on its own.</summary>
        public static Job Monitoring(int iterations) => Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(iterations)
            .WithInvocationCount(1).WithUnrollFactor(1);
    }

    /// <summary>Config of MediaPathBenchmarks.</summary>
    public sealed class MediaPathConfig : ManualConfig
    {
        public MediaPathConfig()
        {
            AddJob(InProcessJobs.Throughput(MediaPathBenchmarks.PacketsPerIteration));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    /// <summary>Config of RelayLatencyBenchmarks: timed one by one, with round-trip columns.</summary>
    public sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            AddJob(InProcessJobs.Monitoring(25));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
            AddColumn(LatencyColumn.RoundTrips, LatencyColumn.BeyondRoundTrips);
        }
    }

    /// <summary>Config of CallSetupAllocationBenchmarks.</summary>
    public sealed class CallSetupConfig : ManualConfig
    {
        public CallSetupConfig()
        {
            AddJob(InProcessJobs.Monitoring(20));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
