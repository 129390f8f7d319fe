// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Ui
{
    /// <summary>
    /// One full screen as the firmware wants it shown; boards only render it.
    /// Immutable once handed to the display.
    /// </summary>
    public class Screen
    {
        /// <summary>Creates a screen.</summary>
        public Screen(ScreenKind kind, string title, string[] lines, Badge badge, string leftKey, string rightKey)
        {
            Kind = kind;
            Title = title;
            Lines = lines == null ? new string[0] : lines;
            Badge = badge;
            LeftKey = leftKey;
            RightKey = rightKey;
        }

        /// <summary>What the screen is for.</summary>
        public ScreenKind Kind { get; private set; }

        /// <summary>Top line.</summary>
        public string Title { get; private set; }

        /// <summary>Body lines, top to bottom.</summary>
        public string[] Lines { get; private set; }

        /// <summary>Security badge.</summary>
        public Badge Badge { get; private set; }

        /// <summary>Label of the left soft key (e.g. "Confirm"), or null.</summary>
        public string LeftKey { get; private set; }

        /// <summary>Label of the right soft key (e.g. "Reject"), or null.</summary>
        public string RightKey { get; private set; }

        /// <summary>The six-digit code on a PairingCode/KeyChanged screen, else null.</summary>
        public string Code { get; set; }

        /// <summary>The same code as words, else null.</summary>
        public string CodeWords { get; set; }
    }
}
