// SPDX-License-Identifier: MIT
using System;
using System.IO;

namespace Phone.Vectors
{
    /// <summary>
    /// dotnet Phone.Vectors.dll write FILE   runs the scenario, writes the transcript to FILE
    /// dotnet Phone.Vectors.dll check FILE   runs it and compares with FILE (exit 1 and the
    ///                                       first difference when they differ)
    /// (scripts/regen-vectors.sh writes tests/vectors/transcript.json).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 2 || (args[0] != "write" && args[0] != "check"))
            {
                Console.Error.WriteLine("usage: Phone.Vectors write|check <transcript.json>");
                return 2;
            }

            try
            {
                string json = IsolatedRun.Generate();
                if (args[0] == "write")
                {
                    File.WriteAllText(args[1], json);
                    Console.WriteLine("wrote " + args[1] + " (" + json.Length + " bytes)");
                    return 0;
                }

                string difference = TranscriptDiff.FirstDifference(File.ReadAllText(args[1]), json);
                Console.WriteLine(difference == null ? "same as " + args[1] : "differs from " + args[1] + ": " + difference);
                return difference == null ? 0 : 1;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("vectors: " + e.Message);
                return 1;
            }
        }
    }
}
