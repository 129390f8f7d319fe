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
    /// phones fit side by side in an 80-column terminal.
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
            rows.Add(Row(TitleRow(screen.Title ?? string.Empty, name ?? string.Empty)));
            rows.Add("├" + new string('─', Inner) + "┤");
            AddBadge(rows, screen.Badge, colour);
            AddCode(rows, screen);
            foreach (string line in TextWrap.WrapAll(screen.Lines, Inner - 2))
            {
                if (!string.IsNullOrEmpty(screen.Code) && (line == screen.Code || line == screen.CodeWords))
                {
                    continue; // already drawn large above
                }

                rows.Add(Row(" " + line));
            }

            rows.Add("├" + new string('─', Inner) + "┤");
            rows.Add(Row(KeysRow(screen.LeftKey, screen.RightKey)));
            rows.Add("╰" + new string('─', Inner) + "╯");
            return rows;
        }

        private static string TitleRow(string title, string name)
        {
            int room = Inner - 2 - name.Length - 1;
            string t = title.Length > room ? title.Substring(0, System.Math.Max(0, room)) : title;
            return " " + t + new string(' ', Inner - 2 - t.Length - name.Length) + name + " ";
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

            foreach (string big in BigText(screen.Code))
            {
                rows.Add(Row(Center(big)));
            }

            rows.Add(Row(Center("code " + screen.Code)));
            if (!string.IsNullOrEmpty(screen.CodeWords))
            {
                foreach (string line in TextWrap.Wrap(screen.CodeWords, Inner - 2))
                {
                    rows.Add(Row(Center(line)));
                }
            }
        }

        /// <summary>text in the 5×7 font, two pixel rows per text row using half blocks.</summary>
        public static List<string> BigText(string text)
        {
            var lines = new List<string>();
            for (int y = 0; y < Font5x7.Height; y += 2)
            {
                var sb = new StringBuilder();
                for (int i = 0; i < text.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    for (int x = 0; x < Font5x7.Width; x++)
                    {
                        bool top = Font5x7.Lit(text[i], x, y);
                        bool bottom = y + 1 < Font5x7.Height && Font5x7.Lit(text[i], x, y + 1);
                        sb.Append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
                    }
                }

                lines.Add(sb.ToString());
            }

            return lines;
        }

        private static string KeysRow(string left, string right)
        {
            string l = string.IsNullOrEmpty(left) ? string.Empty : "[" + left + "]";
            string r = string.IsNullOrEmpty(right) ? string.Empty : "[" + right + "]";
            int gap = Inner - 2 - l.Length - r.Length;
            if (gap < 1)
            {
                return " " + Clip(l + " " + r, Inner - 2) + " ";
            }

            return " " + l + new string(' ', gap) + r + " ";
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
