// SPDX-License-Identifier: MIT
using System;

namespace Phone.Benchmarks
{
    /// <summary>
    /// `--probe`: sends and receives packets one call at a time, counting the calls
    /// that allocated on this thread. MemoryDiagnoser counts every thread of the
    /// process (the JIT's included), so its average can show a byte where the
    /// media path itself allocates nothing; this tells the two apart.
    /// </summary>
    internal static class AllocationProbe
    {
        public static void Run(int packets)
        {
            var bench = new MediaPathBenchmarks();
            bench.Setup();
            Report("send", packets, bench.SendPacket);
            Report("receive", MediaPathBenchmarks.PacketsPerIteration, () => { }, bench);
            bench.Cleanup();
        }

        private static void Report(string what, int calls, Action call, MediaPathBenchmarks receiveFrom = null)
        {
            if (receiveFrom != null)
            {
                receiveFrom.MakePackets();
                call = receiveFrom.ReceivePacket;
            }

            long total = 0;
            int allocating = 0;
            for (int i = 0; i < calls; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                call();
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                if (bytes > 0)
                {
                    allocating++;
                    total += bytes;
                }
            }

            Console.WriteLine(what + ": " + allocating + " of " + calls + " packets allocated, " + total + " bytes in all");
        }
    }
}
