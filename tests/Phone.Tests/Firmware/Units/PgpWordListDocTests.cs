// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Phone.Firmware.Pairing;
using Phone.Tests.Nano;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    /// <summary>
    /// docs/protocol.md Appendix A prints the PGP word lists and their SHA-256 checksums so a
    /// third party needs no source file: both must be exactly what the firmware shows.
    /// </summary>
    public class PgpWordListDocTests
    {
        private static readonly string[] Lines =
            File.ReadAllLines(Path.Combine(NanoBuild.RepoRoot, "docs", "protocol.md"));

        [Fact]
        public void The_printed_even_list_is_the_firmware_list()
        {
            Assert.Equal(PgpWords.Even, Block(0));
        }

        [Fact]
        public void The_printed_odd_list_is_the_firmware_list()
        {
            Assert.Equal(PgpWords.Odd, Block(1));
        }

        [Fact]
        public void The_printed_checksums_are_those_of_the_firmware_lists()
        {
            Assert.Equal(Checksum(PgpWords.Even), Printed("- even: "));
            Assert.Equal(Checksum(PgpWords.Odd), Printed("- odd: "));
        }

        [Fact]
        public void The_lists_hold_512_distinct_words()
        {
            var all = PgpWords.Even.Concat(PgpWords.Odd).Select(w => w.ToLowerInvariant()).ToList();
            Assert.Equal(512, all.Distinct().Count());
        }

        private static int Appendix()
        {
            int at = Array.FindIndex(Lines, l => l.StartsWith("## Appendix A. PGP word lists"));
            Assert.True(at >= 0, "docs/protocol.md has no Appendix A");
            return at;
        }

        /// <summary>The words of the n-th ```text block of the appendix, checking each line's hex index.</summary>
        private static string[] Block(int n)
        {
            int i = Appendix();
            for (int seen = -1; seen < n; i++)
            {
                Assert.True(i < Lines.Length, "Appendix A has fewer than " + (n + 1) + " word blocks");
                if (Lines[i].Trim() == "```text")
                {
                    seen++;
                }
            }

            var words = new List<string>();
            for (; Lines[i].Trim() != "```"; i++)
            {
                string[] cells = Lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(17, cells.Length);
                Assert.Equal(words.Count, Convert.ToInt32(cells[0], 16));
                words.AddRange(cells.Skip(1));
            }

            return words.ToArray();
        }

        private static string Printed(string prefix)
        {
            string line = Lines.Skip(Appendix()).FirstOrDefault(l => l.StartsWith(prefix));
            Assert.NotNull(line);
            return line.Substring(prefix.Length).Trim('`', ' ');
        }

        private static string Checksum(string[] words)
        {
            byte[] text = Encoding.UTF8.GetBytes(string.Join("\n", words) + "\n");
            return Convert.ToHexString(SHA256.HashData(text)).ToLowerInvariant();
        }
    }
}
