// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;

namespace Phone.Benchmarks
{
    /// <summary>
    /// Managed bytes allocated by one call setup between two paired phones in
    /// memory: CALL_1 (IKpsk2) to both sides connected, both sides' work counted.
    /// </summary>
    [Config(typeof(CallSetupConfig))]
    public class CallSetupAllocationBenchmarks
    {
        private MemoryPhones _phones;

        [GlobalSetup]
        public void Setup()
        {
            _phones = new MemoryPhones();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _phones.Dispose();
        }

        [IterationCleanup]
        public void HangUp()
        {
            _phones.HangUp();
        }

        [Benchmark]
        public bool CallSetup()
        {
            return _phones.Connect();
        }
    }
}
