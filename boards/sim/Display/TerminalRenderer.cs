// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Text;
using Phone.Firmware.Ui;

namespace Phone.Sim.Display
{
    /// <summary>
    /// Draws the screen model as a box of text: title, a coloured badge, the code
    /// in big half-block digits (same font as the PNG) plus plain digits, words,
    /// body lines and soft keys. Every line has the same visible width, so two
    /// phones fit side by side in an 80-column terminal; text that does not fit a
    /// row wraps onto the next, so nothing is cut off. Text from outside (names)
    /// is made safe first: no control character reaches the terminal.
    /// </summary>
    internal static class TerminalRenderer
    {
        /// <summary>Characters between the box's side borders.</summary>
        public const int Inner = 36;

        /// <summary>Visible width of every rendered line.</summary>
        public const int BoxWidth = Inner + 2;

        /// <summary>Renders screen of the phone called name; colour adds ANSI escapes to the badge.</summary>
        public static List<string> Render(Screen screen, string name, bool colour)
        {
            var rows = new List<string>();
            rows.Add("╭" + new string('─', Inner) + "╮");
            AddTitle(rows, SafeText.Of(screen.Title) ?? string.Empty, SafeText.Of(name) ?? string.Empty);
            rows.Add("├" + new string('─', Inner) + "┤");
            AddBadge(rows, screen.Badge, colour);
            AddCode(rows, screen);
            foreach (string line in screen.Lines)
            {
                if (!string.IsNullOrEmpty(screen.Code) && (line == screen.Code || line == screen.CodeWords))
                {
                    continue; // already drawn large above
                }

                foreach (string wrapped in TextWrap.Wrap(SafeText.Of(line), Inner - 2))
                {
                    rows.Add(Row(" " + wrapped));
                }
            }

            rows.Add("├" + new string('─', Inner) + "┤");
            AddKeys(rows, SafeText.Of(screen.LeftKey), SafeText.Of(screen.RightKey));
            rows.Add("╰" + new string('─', Inner) + "╯");
            return rows;
        }

        // Title and name on one row when they fit; else the title wrapped, then the name on its own row.
        private static void AddTitle(List<string> rows, string title, string name)
        {
            int room = Inner - 2;
            if (title.Length + 1 + name.Length <= room)
            {
                rows.Add(Row(" " + title + new string(' ', room - title.Length - name.Length) + name + " "));
                return;
            }

            foreach (string line in TextWrap.Wrap(title, room))
            {
                rows.Add(Row(" " + line));
            }

            foreach (string line in TextWrap.Wrap(name, room))
            {
                rows.Add(Row(new string(' ', 1 + room - line.Length) + line + " "));
            }
        }

        private static void AddBadge(List<string> rows, Badge badge, bool colour)
        {
            BadgeStyle style = BadgeStyle.For(badge);
            if (style == null)
            {
                return;
            }

            string label = " " + style.Label + " ";
            string shown = colour ? "\u001b[" + style.Ansi + "m" + label + "\u001b[0m" : "[" + style.Label + "]";
            int visible = colour ? label.Length : style.Label.Length + 2;
            rows.Add("│ " + shown + new string(' ', Inner - 1 - visible) + "│");
        }

        private static void AddCode(List<string> rows, Screen screen)
        {
            if (string.IsNullOrEmpty(screen.Code))
            {
                return;
            }

            string code = screen.Code; // grouped by VerificationCode.Format ("964 238")
            foreach (string big in BigCode(code))
            {
                rows.Add(Row(Center(big)));
            }

            rows.Add(Row(Center("code " + code)));
            if (!string.IsNullOrEmpty(screen.CodeWords))
            {
                foreach (string line in TextWrap.Wrap(SafeText.Of(screen.CodeWords), Inner - 2))
                {
                    rows.Add(Row(Center(line)));
                }
            }
        }

        /// <summary>
        /// A grouped code ("964 238") in the 5×7 font, half blocks, one blank column between digits
        /// and two between groups: six digits take 36 columns, the box's full inner width.
        /// </summary>
        public static List<string> BigCode(string code)
        {
            var lines = new List<string>();
            for (int y = 0; y < Font5x7.Height; y += 2)
            {
                var sb = new StringBuilder();
                for (int i = 0; i < code.Length; i++)
                {
                    if (code[i] == ' ')
                    {
                        sb.Append("  ");
                        continue;
                    }

                    if (i > 0 && code[i - 1] != ' ')
                    {
                        sb.Append(' ');
                    }

                    AppendGlyphRow(sb, code[i], y);
                }

                lines.Add(sb.ToString());
            }

            return lines;
        }

        private static void AppendGlyphRow(StringBuilder sb, char c, int y)
        {
            for (int x = 0; x < Font5x7.Width; x++)
            {
                bool top = Font5x7.Lit(c, x, y);
                bool bottom = y + 1 < Font5x7.Height && Font5x7.Lit(c, x, y + 1);
                sb.Append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
        }

        // Both soft keys on one row when they fit; else the left one, then the right one below it.
        private static void AddKeys(List<string> rows, string left, string right)
        {
            string l = string.IsNullOrEmpty(left) ? string.Empty : "[" + left + "]";
            string r = string.IsNullOrEmpty(right) ? string.Empty : "[" + right + "]";
            int room = Inner - 2;
            if (l.Length + 1 + r.Length <= room)
            {
                rows.Add(Row(" " + l + new string(' ', room - l.Length - r.Length) + r + " "));
                return;
            }

            foreach (string line in TextWrap.Wrap(l, room))
            {
                rows.Add(Row(" " + line));
            }

            foreach (string line in TextWrap.Wrap(r, room))
            {
                rows.Add(Row(new string(' ', 1 + room - line.Length) + line + " "));
            }
        }

        private static string Center(string text)
        {
            string t = Clip(text, Inner);
            int left = (Inner - t.Length) / 2;
            return new string(' ', left) + t;
        }

        private static string Row(string content)
        {
            string c = Clip(content, Inner);
            return "│" + c + new string(' ', Inner - c.Length) + "│";
        }

        private static string Clip(string s, int width)
        {
            return s.Length <= width ? s : s.Substring(0, width);
        }
    }
}
