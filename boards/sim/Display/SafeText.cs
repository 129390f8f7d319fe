// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace Phone.Sim.Display
{
    /// <summary>
    /// Text from outside (a peer's name above all) as data: every character that could steer a
    /// terminal or reorder text - control characters (ESC, CR, BEL, ...), format characters
    /// (U+202E and the other direction overrides, zero-width joiners), line separators,
    /// surrogates, private-use and unassigned code points - is replaced by '?' before it is shown.
    /// </summary>
    internal static class SafeText
    {
        /// <summary>What replaces a character that is not shown as it is.</summary>
        public const char Replacement = '?';

        /// <summary>Whether c is shown as it is.</summary>
        public static bool IsPrintable(char c)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>Whether every character of text is shown as it is.</summary>
        public static bool IsPrintable(string text)
        {
            foreach (char c in text)
            {
                if (!IsPrintable(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>text with every character that is not printable replaced (null stays null).</summary>
        public static string Of(string text)
        {
            if (text == null || IsPrintable(text))
            {
                return text;
            }

            var sb = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                sb.Append(IsPrintable(c) ? c : Replacement);
            }

            return sb.ToString();
        }
    }
}
