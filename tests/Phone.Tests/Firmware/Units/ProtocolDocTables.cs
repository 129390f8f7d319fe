// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Phone.Tests.Nano;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    /// <summary>Reads the state tables of docs/protocol.md §14.</summary>
    internal static class ProtocolDocTables
    {
        /// <summary>The "from | event | to" rows of the table after the line naming table (e.g. `OutgoingCall.Table`).</summary>
        internal static List<string> Rows(string table)
        {
            string[] lines = File.ReadAllLines(Path.Combine(NanoBuild.RepoRoot, "docs", "protocol.md"));
            int section = Array.FindIndex(lines, l => l.StartsWith("## 14. "));
            Assert.True(section >= 0, "docs/protocol.md has no §14");
            int at = Array.FindIndex(lines, section, l => l.Contains("`" + table + "`"));
            Assert.True(at >= 0, "§14 does not name " + table);
            int i = at + 1;
            while (i < lines.Length && !lines[i].StartsWith("|"))
            {
                i++;
            }

            Assert.Equal("| from | event | to |", lines[i].Trim());
            var rows = new List<string>();
            for (i += 2; i < lines.Length && lines[i].StartsWith("|"); i++)
            {
                string[] cells = lines[i].Trim('|', ' ').Split('|').Select(c => c.Trim()).ToArray();
                Assert.Equal(3, cells.Length);
                rows.Add(string.Join(" | ", cells));
            }

            Assert.NotEmpty(rows);
            return rows;
        }
    }
}
