// SPDX-License-Identifier: MIT
using System;
using System.IO;
using SharpFuzz;

namespace Phone.Fuzz.Datagram
{
    /// <summary>
    /// Usage: Phone.Fuzz.Datagram [mdns] MODE. Without "mdns" the target is the phone's
    /// datagram handling (DatagramTarget, managed_datagram); with it, mDNS discovery
    /// (MdnsTarget, managed_mdns). Modes:
    ///   afl              run under afl-fuzz (SharpFuzz's AFL mode: input on stdin/file per run)
    ///   replay DIR...    run every file of the folders once (CI smoke, reproducing a crash)
    ///   seeds DIR        datagram: write the seed corpus (genuine first messages and hand-made shapes)
    ///   seeds DIR HEXDIR mdns: write the captured messages of HEXDIR (*.hex) as binary seeds
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            bool mdns = args.Length > 0 && args[0] == "mdns";
            if (mdns)
            {
                args = args[1..];
            }

            string name = mdns ? "managed_mdns" : "managed_datagram";
            string mode = args.Length > 0 ? args[0] : "afl";
            try
            {
                switch (mode)
                {
                    case "afl":
                        return RunAfl(mdns);
                    case "replay":
                        return Replay(mdns, args);
                    case "seeds" when !mdns:
                        return args.Length == 2 ? Seeds.Write(args[1]) : Usage();
                    case "seeds":
                        return args.Length == 3 ? MdnsSeeds.Write(args[1], args[2]) : Usage();
                    default:
                        return Usage();
                }
            }
            catch (BrokenPromise e)
            {
                Console.Error.WriteLine(name + ": BROKEN PROMISE: " + e.Message);
                return 1;
            }
        }

        private static IFuzzTarget Target(bool mdns)
        {
            return mdns ? new MdnsTarget() : new DatagramTarget();
        }

        private static int Usage()
        {
            Console.Error.WriteLine("usage: Phone.Fuzz.Datagram [mdns] [afl | replay DIR... | seeds DIR [HEXDIR]]");
            return 2;
        }

        private static int RunAfl(bool mdns)
        {
            // MdnsTarget's constructor runs instrumented firmware code (new DnsMessage), which
            // writes to afl's coverage map: that map exists only inside Fuzzer.Run.
            IFuzzTarget target = mdns ? null : Target(mdns);
            var buffer = new MemoryStream();
            try
            {
                Fuzzer.Run(stream =>
                {
                    target ??= Target(mdns);
                    buffer.SetLength(0);
                    stream.CopyTo(buffer);
                    target.Run(buffer.ToArray());
                });
            }
            finally
            {
                target?.Dispose();
            }

            return 0;
        }

        private static int Replay(bool mdns, string[] args)
        {
            using IFuzzTarget target = Target(mdns);
            int count = 0;
            for (int i = 1; i < args.Length; i++)
            {
                foreach (string file in Directory.GetFiles(args[i]))
                {
                    try
                    {
                        target.Run(File.ReadAllBytes(file));
                    }
                    catch (BrokenPromise e)
                    {
                        Console.Error.WriteLine(target.Name + ": " + file + ": " + e.Message);
                        return 1;
                    }

                    count++;
                }
            }

            Console.WriteLine(target.Name + ": " + count + " inputs replayed, every promise held");
            return count > 0 ? 0 : 1;
        }
    }
}
