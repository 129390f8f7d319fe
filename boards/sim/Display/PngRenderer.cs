// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Firmware.Ui;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Phone.Sim.Display
{
    /// <summary>
    /// Draws the firmware's screen model as a 320×240 picture laid out like an
    /// M5Stack Core2: title bar, security badge, the code in large digits with
    /// its words, body text and the two soft-key labels at the bottom. Nothing is
    /// clipped: text that does not fit at the usual size is drawn smaller or on
    /// two lines (Layout, which the tests check against the panel's bands).
    /// </summary>
    internal static class PngRenderer
    {
        /// <summary>Panel width in pixels.</summary>
        public const int Width = 320;

        /// <summary>Panel height in pixels.</summary>
        public const int Height = 240;

        /// <summary>Bottom of the title bar.</summary>
        public const int TitleHeight = 26;

        /// <summary>Top of the soft-key bar.</summary>
        public const int KeysTop = 208;

        /// <summary>Space kept free at the left and right edges.</summary>
        public const int Margin = 6;

        private const uint Background = 0x10161E;
        private const uint TitleBar = 0x26384C;
        private const uint TextColor = 0xE8EDF2;
        private const uint DimText = 0x9AA8B6;
        private const uint KeyBar = 0x1C2733;
        private const uint KeyFace = 0x3A4E63;
        private const uint WarningRed = 0xD0312D;
        private const uint CodeColor = 0xFFFFFF;

        private const int BadgeHeight = 20;
        private const int MaxCodeScale = 6;
        private const int BodyBottom = KeysTop - 4;

        /// <summary>Renders screen of the phone called name.</summary>
        public static Image<Rgba32> Render(Screen screen, string name)
        {
            var image = new Image<Rgba32>(Width, Height);
            var canvas = new PixelCanvas(image);
            canvas.Fill(0, 0, Width, Height, Background);
            canvas.Fill(0, 0, Width, TitleHeight, TitleBar);
            BadgeStyle badge = BadgeStyle.For(screen.Badge);
            if (badge != null)
            {
                canvas.Fill(Margin, BadgeTop, PixelCanvas.TextWidth(badge.Label, 2) + 16, BadgeHeight, badge.Background);
            }

            canvas.Fill(0, KeysTop, Width, Height - KeysTop, KeyBar);
            foreach ((int x, int w) in KeyFaces())
            {
                if (KeyLabel(screen, x) != null)
                {
                    canvas.Fill(x, KeysTop + 5, w, Height - KeysTop - 10, KeyFace);
                }
            }

            foreach (TextRun run in Layout(screen, name))
            {
                canvas.Text(run.X, run.Y, run.Text, run.Scale, run.Color);
            }

            if (screen.Kind == ScreenKind.KeyChanged || screen.Badge == Badge.Warning)
            {
                canvas.Frame(0, TitleHeight, Width, KeysTop - TitleHeight, 4, WarningRed);
            }

            return image;
        }

        /// <summary>Renders and writes a PNG file.</summary>
        public static void Save(Screen screen, string name, string path)
        {
            using (Image<Rgba32> image = Render(screen, name))
            {
                image.SaveAsPng(path);
            }
        }

        /// <summary>Every piece of text of screen as the panel draws it (peer text made safe first).</summary>
        public static List<TextRun> Layout(Screen screen, string name)
        {
            var runs = new List<TextRun>();
            AddTitle(runs, SafeText.Of(screen.Title) ?? string.Empty, SafeText.Of(name) ?? string.Empty);
            int y = TitleHeight + 6;
            BadgeStyle badge = BadgeStyle.For(screen.Badge);
            if (badge != null)
            {
                runs.Add(new TextRun(badge.Label, Margin + 8, BadgeTop + 3, 2, badge.Foreground, TitleHeight, BodyBottom));
                y = BadgeTop + BadgeHeight + 6;
            }

            AddBody(runs, screen, y);
            foreach ((int x, int w) in KeyFaces())
            {
                AddKey(runs, x, w, SafeText.Of(KeyLabel(screen, x)));
            }

            return runs;
        }

        private static int BadgeTop => TitleHeight + 6;

        // Title at scale 2 beside the name; else both at scale 1; else title over name.
        private static void AddTitle(List<TextRun> runs, string title, string name)
        {
            int room = Width - 2 * Margin;
            int nameWidth = name.Length == 0 ? 0 : PixelCanvas.TextWidth(name, 1) + Margin;
            int nameX = Width - Margin - PixelCanvas.TextWidth(name, 1);
            if (PixelCanvas.TextWidth(title, 2) + nameWidth <= room)
            {
                runs.Add(new TextRun(title, Margin, 6, 2, TextColor, 0, TitleHeight));
                AddName(runs, name, nameX, 10);
            }
            else if (PixelCanvas.TextWidth(title, 1) + nameWidth <= room)
            {
                runs.Add(new TextRun(title, Margin, 10, 1, TextColor, 0, TitleHeight));
                AddName(runs, name, nameX, 10);
            }
            else
            {
                runs.Add(new TextRun(title, Margin, 3, 1, TextColor, 0, TitleHeight));
                AddName(runs, name, nameX, 14);
            }
        }

        private static void AddName(List<TextRun> runs, string name, int x, int y)
        {
            if (name.Length > 0)
            {
                runs.Add(new TextRun(name, x, y, 1, DimText, 0, TitleHeight));
            }
        }

        // The code as large as the body leaves room for; body text at scale 2, or 1 when 2 does not fit.
        private static void AddBody(List<TextRun> runs, Screen screen, int top)
        {
            string code = string.IsNullOrEmpty(screen.Code) ? null : screen.Code; // grouped by VerificationCode.Format
            string words = SafeText.Of(screen.CodeWords);
            for (int scale = 2; scale >= 1; scale--)
            {
                List<string> wordLines = code == null || string.IsNullOrEmpty(words)
                    ? new List<string>() : TextWrap.Wrap(words, CharsPerLine(scale));
                List<string> body = BodyLines(screen, CharsPerLine(scale));
                int textHeight = (wordLines.Count + body.Count) * LineHeight(scale);
                int codeScale = code == null ? 0 : CodeScale(code, BodyBottom - top - textHeight - 14);
                bool fits = top + textHeight + (code == null ? 0 : PixelCanvas.TextHeight(codeScale) + 14) <= BodyBottom;
                if (fits && (code == null || codeScale >= 3 || scale == 1) || scale == 1)
                {
                    int y = top;
                    if (code != null)
                    {
                        int s = System.Math.Max(codeScale, 2);
                        runs.Add(Centered(code, y + 2, s, CodeColor));
                        y += PixelCanvas.TextHeight(s) + 10;
                        foreach (string line in wordLines)
                        {
                            runs.Add(Centered(line, y, scale, DimText));
                            y += LineHeight(scale);
                        }

                        y += 4;
                    }

                    foreach (string line in body)
                    {
                        runs.Add(new TextRun(line, Margin, y, scale, TextColor, TitleHeight, BodyBottom));
                        y += LineHeight(scale);
                    }

                    return;
                }
            }
        }

        private static TextRun Centered(string text, int y, int scale, uint color)
        {
            return new TextRun(text, (Width - PixelCanvas.TextWidth(text, scale)) / 2, y, scale, color, TitleHeight, BodyBottom);
        }

        // The largest digits (2..6) as wide as the panel allows within height; 0 if even 2 is too tall.
        private static int CodeScale(string code, int height)
        {
            for (int scale = MaxCodeScale; scale >= 2; scale--)
            {
                if (PixelCanvas.TextWidth(code, scale) <= Width - 2 * Margin && PixelCanvas.TextHeight(scale) <= height)
                {
                    return scale;
                }
            }

            return 0;
        }

        // Body lines that repeat the code or its words are drawn once, large, above them.
        private static List<string> BodyLines(Screen screen, int chars)
        {
            var lines = new List<string>();
            foreach (string line in screen.Lines)
            {
                if (!string.IsNullOrEmpty(screen.Code) && (line == screen.Code || line == screen.CodeWords))
                {
                    continue;
                }

                lines.Add(SafeText.Of(line));
            }

            return TextWrap.WrapAll(lines, chars);
        }

        private static (int X, int W)[] KeyFaces()
        {
            int half = Width / 2;
            return new[] { (Margin - 2, half - Margin), (half + 2, half - Margin) };
        }

        private static string KeyLabel(Screen screen, int x)
        {
            string label = x < Width / 2 ? screen.LeftKey : screen.RightKey;
            return string.IsNullOrEmpty(label) ? null : label;
        }

        // Scale 2 if it fits the key, else scale 1 on one line, else two lines at scale 1.
        private static void AddKey(List<TextRun> runs, int x, int w, string label)
        {
            if (label == null)
            {
                return;
            }

            int room = w - 8;
            if (PixelCanvas.TextWidth(label, 2) <= room)
            {
                runs.Add(KeyRun(label, x, w, KeysTop + 9, 2));
            }
            else if (PixelCanvas.TextWidth(label, 1) <= room)
            {
                runs.Add(KeyRun(label, x, w, KeysTop + 12, 1));
            }
            else
            {
                List<string> lines = TextWrap.Wrap(label, room / PixelCanvas.Advance);
                int y = KeysTop + 7;
                foreach (string line in lines)
                {
                    runs.Add(KeyRun(line, x, w, y, 1));
                    y += 10;
                }
            }
        }

        private static TextRun KeyRun(string text, int x, int w, int y, int scale)
        {
            return new TextRun(text, x + (w - PixelCanvas.TextWidth(text, scale)) / 2, y, scale, TextColor, KeysTop, Height);
        }

        private static int CharsPerLine(int scale)
        {
            return (Width - 2 * Margin + scale) / (PixelCanvas.Advance * scale);
        }

        private static int LineHeight(int scale)
        {
            return scale == 1 ? 10 : 19;
        }
    }
}
