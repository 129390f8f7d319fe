// SPDX-License-Identifier: MIT
using Phone.Firmware.Ui;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Phone.Sim.Display
{
    /// <summary>Two phone displays next to each other with their names above: the demo's picture.</summary>
    internal static class PngPair
    {
        private const int Gap = 16;
        private const int Caption = 28;
        private const uint Backdrop = 0xD8DEE4;
        private const uint CaptionColor = 0x1C2733;

        /// <summary>Writes both screens, labelled, into one PNG file.</summary>
        public static void Save(Screen left, string leftName, Screen right, string rightName, string path)
        {
            int width = 2 * PngRenderer.Width + 3 * Gap;
            int height = PngRenderer.Height + Caption + 2 * Gap;
            using (var image = new Image<Rgba32>(width, height))
            using (Image<Rgba32> a = PngRenderer.Render(left, leftName))
            using (Image<Rgba32> b = PngRenderer.Render(right, rightName))
            {
                var canvas = new PixelCanvas(image);
                canvas.Fill(0, 0, width, height, Backdrop);
                canvas.TextCentered(Gap, PngRenderer.Width, Gap, leftName + "'s phone", 2, CaptionColor);
                canvas.TextCentered(2 * Gap + PngRenderer.Width, PngRenderer.Width, Gap, rightName + "'s phone", 2, CaptionColor);
                image.Mutate(x => x
                    .DrawImage(a, new Point(Gap, Gap + Caption), 1f)
                    .DrawImage(b, new Point(2 * Gap + PngRenderer.Width, Gap + Caption), 1f));
                image.SaveAsPng(path);
            }
        }
    }
}
