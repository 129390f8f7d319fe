// SPDX-License-Identifier: MIT
using System;
using System.IO;
using SharpFuzz;

namespace Phone.Fuzz.Datagram
{
    /// <summary>
    /// Modes:
    ///   afl              run under afl-fuzz (SharpFuzz's AFL mode: input on stdin/file per run)
    ///   replay DIR...    run every file of the folders once (CI smoke, reproducing a crash)
    ///   seeds DIR        write the seed corpus (genuine first messages and hand-made shapes)
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string mode = args.Length > 0 ? args[0] : "afl";
            try
            {
                switch (mode)
                {
                    case "afl":
                        return RunAfl();
                    case "replay":
                        return Replay(args);
                    case "seeds":
                        return args.Length == 2 ? Seeds.Write(args[1]) : Usage();
                    default:
                        return Usage();
                }
            }
            catch (DatagramTarget.BrokenPromise e)
            {
                Console.Error.WriteLine("managed_datagram: BROKEN PROMISE: " + e.Message);
                return 1;
            }
        }

        private static int Usage()
        {
            Console.Error.WriteLine("usage: Phone.Fuzz.Datagram [afl | replay DIR... | seeds DIR]");
            return 2;
        }

        private static int RunAfl()
        {
            using var target = new DatagramTarget();
            var buffer = new MemoryStream();
            Fuzzer.Run(stream =>
            {
                buffer.SetLength(0);
                stream.CopyTo(buffer);
                target.Run(buffer.ToArray());
            });
            return 0;
        }

        private static int Replay(string[] args)
        {
            using var target = new DatagramTarget();
            int count = 0;
            for (int i = 1; i < args.Length; i++)
            {
                foreach (string file in Directory.GetFiles(args[i]))
                {
                    try
                    {
                        if (Environment.GetEnvironmentVariable("HP_KEEP") != null) { try { target.Run(File.ReadAllBytes(file)); } catch (DatagramTarget.BrokenPromise e) { Console.Error.WriteLine(Path.GetFileName(file) + ": " + e.Message); } continue; }
                        target.Run(File.ReadAllBytes(file));
                    }
                    catch (DatagramTarget.BrokenPromise e)
                    {
                        Console.Error.WriteLine("managed_datagram: " + file + ": " + e.Message);
                        return 1;
                    }

                    count++;
                }
            }

            Console.WriteLine("managed_datagram: " + count + " inputs replayed, every promise held");
            return count > 0 ? 0 : 1;
        }
    }
}
