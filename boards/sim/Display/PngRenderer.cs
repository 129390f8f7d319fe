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
    /// its words, body text and the two soft-key labels at the bottom.
    /// </summary>
    internal static class PngRenderer
    {
        /// <summary>Panel width in pixels.</summary>
        public const int Width = 320;

        /// <summary>Panel height in pixels.</summary>
        public const int Height = 240;

        private const uint Background = 0x10161E;
        private const uint TitleBar = 0x26384C;
        private const uint TextColor = 0xE8EDF2;
        private const uint DimText = 0x9AA8B6;
        private const uint KeyBar = 0x1C2733;
        private const uint KeyFace = 0x3A4E63;
        private const uint WarningRed = 0xD0312D;
        private const uint CodeColor = 0xFFFFFF;

        private const int Margin = 6;
        private const int TitleHeight = 26;
        private const int KeysTop = 208;
        private const int BodyScale = 2;
        private const int LineHeight = 19;
        private const int MaxCodeScale = 6;

        /// <summary>Renders screen of the phone called name.</summary>
        public static Image<Rgba32> Render(Screen screen, string name)
        {
            var image = new Image<Rgba32>(Width, Height);
            var canvas = new PixelCanvas(image);
            canvas.Fill(0, 0, Width, Height, Background);
            DrawTitle(canvas, screen.Title ?? string.Empty, name);
            int y = DrawBadge(canvas, screen.Badge, TitleHeight + 6);
            y = DrawCode(canvas, screen, y);
            DrawLines(canvas, screen, y);
            DrawKeys(canvas, screen.LeftKey, screen.RightKey);
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

        private static void DrawTitle(PixelCanvas canvas, string title, string name)
        {
            canvas.Fill(0, 0, Width, TitleHeight, TitleBar);
            int nameWidth = string.IsNullOrEmpty(name) ? 0 : PixelCanvas.TextWidth(name, 1) + Margin;
            int room = (Width - 2 * Margin - nameWidth) / (PixelCanvas.Advance * BodyScale);
            canvas.Text(Margin, 6, Fit(title, room), BodyScale, TextColor);
            if (nameWidth > 0)
            {
                canvas.Text(Width - Margin - PixelCanvas.TextWidth(name, 1), 10, name, 1, DimText);
            }
        }

        private static int DrawBadge(PixelCanvas canvas, Badge badge, int y)
        {
            BadgeStyle style = BadgeStyle.For(badge);
            if (style == null)
            {
                return y;
            }

            int w = PixelCanvas.TextWidth(style.Label, BodyScale) + 16;
            canvas.Fill(Margin, y, w, 20, style.Background);
            canvas.Text(Margin + 8, y + 3, style.Label, BodyScale, style.Foreground);
            return y + 26;
        }

        private static int DrawCode(PixelCanvas canvas, Screen screen, int y)
        {
            if (string.IsNullOrEmpty(screen.Code))
            {
                return y;
            }

            string code = screen.Code; // already grouped by VerificationCode.Format
            List<string> words = TextWrap.Wrap(screen.CodeWords ?? string.Empty, CharsPerLine());
            int scale = CodeScale(code, words.Count, BodyLines(screen).Count, KeysTop - y);
            canvas.TextCentered(0, Width, y + 2, code, scale, CodeColor);
            y += PixelCanvas.TextHeight(scale) + 10;
            if (!string.IsNullOrEmpty(screen.CodeWords))
            {
                foreach (string line in words)
                {
                    canvas.TextCentered(0, Width, y, line, BodyScale, DimText);
                    y += LineHeight;
                }
            }

            return y + 4;
        }

        // The largest digits that still leave room for the words and the body text.
        private static int CodeScale(string code, int wordLines, int bodyLines, int room)
        {
            for (int scale = MaxCodeScale; scale > 2; scale--)
            {
                int height = PixelCanvas.TextHeight(scale) + 14 + (wordLines + bodyLines) * LineHeight;
                if (PixelCanvas.TextWidth(code, scale) <= Width - 2 * Margin && height <= room)
                {
                    return scale;
                }
            }

            return 2;
        }

        // Body lines that repeat the code or its words are drawn once, large, above them.
        private static List<string> BodyLines(Screen screen)
        {
            var lines = new List<string>();
            foreach (string line in screen.Lines)
            {
                if (line == screen.Code || line == screen.CodeWords)
                {
                    continue;
                }

                lines.Add(line);
            }

            return TextWrap.WrapAll(lines, CharsPerLine());
        }

        private static void DrawLines(PixelCanvas canvas, Screen screen, int y)
        {
            foreach (string line in BodyLines(screen))
            {
                if (y + PixelCanvas.TextHeight(BodyScale) > KeysTop - 4)
                {
                    break; // the panel is full; the terminal view shows everything
                }

                canvas.Text(Margin, y, line, BodyScale, TextColor);
                y += LineHeight;
            }
        }

        private static void DrawKeys(PixelCanvas canvas, string left, string right)
        {
            canvas.Fill(0, KeysTop, Width, Height - KeysTop, KeyBar);
            int half = Width / 2;
            DrawKey(canvas, Margin - 2, half - Margin, left);
            DrawKey(canvas, half + 2, half - Margin, right);
        }

        private static void DrawKey(PixelCanvas canvas, int x, int w, string label)
        {
            if (string.IsNullOrEmpty(label))
            {
                return;
            }

            canvas.Fill(x, KeysTop + 5, w, Height - KeysTop - 10, KeyFace);
            string text = Fit(label, (w - 8) / (PixelCanvas.Advance * BodyScale));
            canvas.TextCentered(x, w, KeysTop + 9, text, BodyScale, TextColor);
        }

        private static int CharsPerLine()
        {
            return (Width - 2 * Margin + 1 * BodyScale) / (PixelCanvas.Advance * BodyScale);
        }

        private static string Fit(string text, int chars)
        {
            return text.Length <= chars ? text : text.Substring(0, System.Math.Max(0, chars));
        }
    }
}
