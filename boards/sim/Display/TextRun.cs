// SPDX-License-Identifier: MIT
namespace Phone.Sim.Display
{
    /// <summary>One piece of text the panel draws: where, how large, and the band of the panel it belongs to.</summary>
    internal sealed class TextRun
    {
        /// <summary>A run of text at (x, y) in pixels, drawn at scale, that must stay within rows [bandTop, bandBottom).</summary>
        public TextRun(string text, int x, int y, int scale, uint color, int bandTop, int bandBottom)
        {
            Text = text;
            X = x;
            Y = y;
            Scale = scale;
            Color = color;
            BandTop = bandTop;
            BandBottom = bandBottom;
        }

        /// <summary>The characters drawn.</summary>
        public string Text { get; }

        /// <summary>Left edge in pixels.</summary>
        public int X { get; }

        /// <summary>Top edge in pixels.</summary>
        public int Y { get; }

        /// <summary>Each font pixel is a Scale×Scale block.</summary>
        public int Scale { get; }

        /// <summary>RGB colour.</summary>
        public uint Color { get; }

        /// <summary>First pixel row of the panel band (title bar, body, soft keys) the run belongs to.</summary>
        public int BandTop { get; }

        /// <summary>Pixel row just below that band.</summary>
        public int BandBottom { get; }

        /// <summary>Width of the ink in pixels.</summary>
        public int Width => PixelCanvas.TextWidth(Text, Scale);

        /// <summary>Height of the ink in pixels, descenders included.</summary>
        public int Height
        {
            get
            {
                int descent = 0;
                foreach (char c in Text)
                {
                    descent = System.Math.Max(descent, Font5x7.Descent(c));
                }

                return (Font5x7.Height + descent) * Scale;
            }
        }
    }
}
