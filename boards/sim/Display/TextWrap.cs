// SPDX-License-Identifier: MIT
using System.Collections.Generic;

namespace Phone.Sim.Display
{
    /// <summary>Word wrapping for fixed-width display lines.</summary>
    internal static class TextWrap
    {
        /// <summary>Splits text into lines of at most width characters, breaking at spaces where possible.</summary>
        public static List<string> Wrap(string text, int width)
        {
            var lines = new List<string>();
            string rest = (text ?? string.Empty).TrimEnd();
            while (rest.Length > width)
            {
                int cut = rest.LastIndexOf(' ', width);
                if (cut <= 0)
                {
                    cut = width; // one word longer than the line: hard break
                }

                lines.Add(rest.Substring(0, cut).TrimEnd());
                rest = rest.Substring(cut).TrimStart();
            }

            lines.Add(rest);
            return lines;
        }

        /// <summary>All of texts wrapped, in order.</summary>
        public static List<string> WrapAll(IEnumerable<string> texts, int width)
        {
            var lines = new List<string>();
            foreach (string t in texts)
            {
                lines.AddRange(Wrap(t, width));
            }

            return lines;
        }
    }
}
