// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Text.Json;
using Phone.Tests.Nano;

namespace Phone.Tests.Vectors
{
    /// <summary>
    /// The committed transcript (tests/vectors/transcript.json) and the one the firmware
    /// produces now from the same seeds (generated once per test process, in the isolated
    /// load context bound to the native test build: Phone.Vectors.IsolatedRun).
    /// </summary>
    internal static class Transcript
    {
        private static readonly Lazy<string> GeneratedJson = new Lazy<string>(Phone.Vectors.IsolatedRun.Generate);

        public static string CommittedPath => Path.Combine(NanoBuild.RepoRoot, "tests", "vectors", "transcript.json");

        public static string Committed => File.ReadAllText(CommittedPath);

        public static string Generated => GeneratedJson.Value;

        public static JsonElement Root()
        {
            using JsonDocument doc = JsonDocument.Parse(Committed);
            return doc.RootElement.Clone();
        }

        public static byte[] Hex(this JsonElement e, string name)
        {
            return Convert.FromHexString(e.GetProperty(name).GetString());
        }

        public static string Text(this JsonElement e, string name)
        {
            return e.GetProperty(name).GetString();
        }
    }
}
