// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.IO;
using Phone.Firmware.Ui;
using Phone.Sim.Display;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>The simulator's display: its font, the PNG layout and the terminal box.</summary>
    public class DisplayTests
    {
        private static Screen CodeScreen(Badge badge)
        {
            return new Screen(ScreenKind.PairingCode, "Compare code", new[] { "Does Bob show the same code?" },
                badge, "Confirm", "Reject") { Code = "407 193", CodeWords = "amber falcon tulip" };
        }

        [Fact]
        public void FontCoversPrintableAsciiWithWellFormedGlyphs()
        {
            for (char c = ' '; c <= '~'; c++)
            {
                Assert.True(Font5x7.Has(c), "no glyph for '" + c + "'");
                string[] rows = Font5x7.Rows[c].Split(' ');
                Assert.Equal(Font5x7.Height, rows.Length);
                foreach (string row in rows)
                {
                    Assert.Equal(Font5x7.Width, row.Length);
                    Assert.Matches("^[#.]+$", row);
                }
            }
        }

        [Fact]
        public void DigitGlyphsAreAllDifferent()
        {
            var seen = new HashSet<string>();
            for (char c = '0'; c <= '9'; c++)
            {
                Assert.True(seen.Add(Font5x7.Rows[c]), "digit " + c + " looks like another digit");
            }
        }

        [Fact]
        public void PngIs320By240WithTheBadgeColour()
        {
            using (Image<Rgba32> image = PngRenderer.Render(CodeScreen(Badge.Unverified), "Alice"))
            {
                Assert.Equal(PngRenderer.Width, image.Width);
                Assert.Equal(PngRenderer.Height, image.Height);
                // The badge sits left under the title bar; its corner pixel has the badge colour.
                Assert.Equal(PixelCanvas.Color(BadgeStyle.For(Badge.Unverified).Background), image[7, 33]);
            }
        }

        [Fact]
        public void PngShowsTheCodeAndDifferentCodesDrawDifferently()
        {
            using (Image<Rgba32> a = PngRenderer.Render(CodeScreen(Badge.None), "Alice"))
            using (Image<Rgba32> b = PngRenderer.Render(
                       new Screen(ScreenKind.PairingCode, "Compare code", new[] { "Does Bob show the same code?" },
                           Badge.None, "Confirm", "Reject") { Code = "407 194", CodeWords = "amber falcon tulip" },
                       "Alice"))
            {
                int lit = 0, differing = 0;
                for (int y = 0; y < a.Height; y++)
                {
                    for (int x = 0; x < a.Width; x++)
                    {
                        if (a[x, y] == PixelCanvas.Color(0xFFFFFF))
                        {
                            lit++;
                        }

                        if (a[x, y] != b[x, y])
                        {
                            differing++;
                        }
                    }
                }

                Assert.True(lit > 1000, "the big code digits should light many pixels, got " + lit);
                Assert.True(differing > 0, "a different last digit must change the picture");
            }
        }

        [Fact]
        public void PngFileIsWritten()
        {
            string path = Path.Combine(Path.GetTempPath(), "phone-sim-display-" + System.Guid.NewGuid() + ".png");
            try
            {
                PngRenderer.Save(CodeScreen(Badge.Verified), "Bob", path);
                using (Image<Rgba32> image = Image.Load<Rgba32>(path))
                {
                    Assert.Equal(PngRenderer.Width, image.Width);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void TerminalBoxLinesAllHaveTheSameWidth()
        {
            foreach (Badge badge in new[] { Badge.None, Badge.Verified, Badge.Unverified, Badge.Warning })
            {
                List<string> rows = TerminalRenderer.Render(CodeScreen(badge), "Alice", colour: false);
                Assert.All(rows, r => Assert.Equal(TerminalRenderer.BoxWidth, r.Length));
                Assert.Contains(rows, r => r.Contains("code 407 193"));
            }
        }

        [Fact]
        public void ColouredBadgeKeepsTheVisibleWidth()
        {
            List<string> rows = TerminalRenderer.Render(CodeScreen(Badge.Warning), "Alice", colour: true);
            string badgeRow = rows.Find(r => r.Contains("\u001b["));
            Assert.NotNull(badgeRow);
            string visible = System.Text.RegularExpressions.Regex.Replace(badgeRow, "\u001b\\[[0-9;]*m", "");
            Assert.Equal(TerminalRenderer.BoxWidth, visible.Length);
            Assert.Contains("KEY CHANGED", visible);
        }

        [Fact]
        public void SideBySideKeepsBothBoxesOnEachLine()
        {
            var left = TerminalRenderer.Render(CodeScreen(Badge.None), "Alice", false);
            var right = TerminalRenderer.Render(new Screen(ScreenKind.Idle, "Ready", null, Badge.None, null, null), "Bob", false);
            string joined = SideBySide.Join(new[] { left, right }, new[] { "Alice", "Bob" });
            string[] lines = joined.TrimEnd('\n').Split('\n');
            Assert.Equal(1 + System.Math.Max(left.Count, right.Count), lines.Length);
            Assert.All(lines, l => Assert.Equal(2 * TerminalRenderer.BoxWidth + 2, l.Length));
        }
    }
}
