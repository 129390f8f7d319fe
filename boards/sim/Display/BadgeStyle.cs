// SPDX-License-Identifier: MIT
using Phone.Firmware.Ui;

namespace Phone.Sim.Display
{
    /// <summary>How a security badge looks: its label and colours (PNG and ANSI).</summary>
    internal sealed class BadgeStyle
    {
        private BadgeStyle(string label, uint background, uint foreground, string ansi)
        {
            Label = label;
            Background = background;
            Foreground = foreground;
            Ansi = ansi;
        }

        /// <summary>Text in the badge.</summary>
        public string Label { get; }

        /// <summary>Badge colour as 0xRRGGBB.</summary>
        public uint Background { get; }

        /// <summary>Text colour as 0xRRGGBB.</summary>
        public uint Foreground { get; }

        /// <summary>ANSI SGR parameters for the terminal (background;foreground).</summary>
        public string Ansi { get; }

        /// <summary>The style of badge, or null for Badge.None.</summary>
        public static BadgeStyle For(Badge badge)
        {
            switch (badge)
            {
                case Badge.Verified: return new BadgeStyle("VERIFIED", 0x2E9D4A, 0xFFFFFF, "42;97;1");
                case Badge.Unverified: return new BadgeStyle("UNVERIFIED", 0xF0A020, 0x000000, "43;30;1");
                case Badge.Warning: return new BadgeStyle("KEY CHANGED", 0xD0312D, 0xFFFFFF, "41;97;1");
                case Badge.OrgVerified: return new BadgeStyle("ORG VERIFIED", 0x1F6FD0, 0xFFFFFF, "44;97;1");
                default: return null;
            }
        }
    }
}
