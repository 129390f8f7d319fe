// SPDX-License-Identifier: MIT
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Phone.Sim.Display
{
    /// <summary>
    /// Rectangles and bitmap-font text on an ImageSharp image: all the drawing an
    /// LCD driver of a desk phone does. (ImageSharp.Drawing is not used.)
    /// </summary>
    internal sealed class PixelCanvas
    {
        /// <summary>Horizontal advance of one glyph at scale 1 (glyph plus a blank column).</summary>
        public const int Advance = Font5x7.Width + 1;

        private readonly Image<Rgba32> _image;

        /// <summary>Draws on image.</summary>
        public PixelCanvas(Image<Rgba32> image)
        {
            _image = image;
        }

        /// <summary>Image width.</summary>
        public int Width
        {
            get { return _image.Width; }
        }

        /// <summary>Image height.</summary>
        public int Height
        {
            get { return _image.Height; }
        }

        /// <summary>0xRRGGBB as a pixel.</summary>
        public static Rgba32 Color(uint rgb)
        {
            return new Rgba32((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb, 255);
        }

        /// <summary>Fills [x, x+w) × [y, y+h), clipped to the image.</summary>
        public void Fill(int x, int y, int w, int h, uint rgb)
        {
            Rgba32 c = Color(rgb);
            for (int yy = System.Math.Max(0, y); yy < System.Math.Min(Height, y + h); yy++)
            {
                for (int xx = System.Math.Max(0, x); xx < System.Math.Min(Width, x + w); xx++)
                {
                    _image[xx, yy] = c;
                }
            }
        }

        /// <summary>A frame of the given thickness inside the rectangle.</summary>
        public void Frame(int x, int y, int w, int h, int thickness, uint rgb)
        {
            Fill(x, y, w, thickness, rgb);
            Fill(x, y + h - thickness, w, thickness, rgb);
            Fill(x, y, thickness, h, rgb);
            Fill(x + w - thickness, y, thickness, h, rgb);
        }

        /// <summary>Width in pixels of text at scale (no trailing blank column).</summary>
        public static int TextWidth(string text, int scale)
        {
            return text.Length == 0 ? 0 : (text.Length * Advance - 1) * scale;
        }

        /// <summary>Height in pixels of one line at scale.</summary>
        public static int TextHeight(int scale)
        {
            return Font5x7.Height * scale;
        }

        /// <summary>Draws text with its top-left corner at (x, y), each font pixel a scale×scale block.</summary>
        public void Text(int x, int y, string text, int scale, uint rgb)
        {
            for (int i = 0; i < text.Length; i++)
            {
                bool[,] glyph = Font5x7.Glyph(text[i]);
                int gx = x + i * Advance * scale;
                int gy = y + Font5x7.Descent(text[i]) * scale;
                for (int row = 0; row < Font5x7.Height; row++)
                {
                    for (int col = 0; col < Font5x7.Width; col++)
                    {
                        if (glyph[row, col])
                        {
                            Fill(gx + col * scale, gy + row * scale, scale, scale, rgb);
                        }
                    }
                }
            }
        }

        /// <summary>Draws text centred horizontally in [x, x+w).</summary>
        public void TextCentered(int x, int w, int y, string text, int scale, uint rgb)
        {
            Text(x + (w - TextWidth(text, scale)) / 2, y, text, scale, rgb);
        }
    }
}
