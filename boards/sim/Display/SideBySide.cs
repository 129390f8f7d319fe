// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Text;

namespace Phone.Sim.Display
{
    /// <summary>Puts rendered phone screens next to each other, with captions above.</summary>
    internal static class SideBySide
    {
        /// <summary>
        /// Joins boxes column-wise. Each box's lines share one visible width
        /// (TerminalRenderer.BoxWidth); shorter boxes are padded with blank lines.
        /// </summary>
        public static string Join(IReadOnlyList<List<string>> boxes, IReadOnlyList<string> captions)
        {
            int height = 0;
            foreach (List<string> b in boxes)
            {
                height = System.Math.Max(height, b.Count);
            }

            var sb = new StringBuilder();
            string blank = new string(' ', TerminalRenderer.BoxWidth);
            if (captions != null)
            {
                for (int i = 0; i < captions.Count; i++)
                {
                    string c = captions[i].Length > TerminalRenderer.BoxWidth
                        ? captions[i].Substring(0, TerminalRenderer.BoxWidth) : captions[i];
                    sb.Append(c.PadRight(TerminalRenderer.BoxWidth)).Append(i + 1 < captions.Count ? "  " : "\n");
                }
            }

            for (int row = 0; row < height; row++)
            {
                for (int i = 0; i < boxes.Count; i++)
                {
                    sb.Append(row < boxes[i].Count ? boxes[i][row] : blank);
                    sb.Append(i + 1 < boxes.Count ? "  " : "\n");
                }
            }

            return sb.ToString();
        }
    }
}
