// SPDX-License-Identifier: MIT
using Phone.Firmware.Ui;

namespace Phone.Sim.Agent
{
    /// <summary>A screen as it travels between a controlled phone and the demo (JSON).</summary>
    internal sealed class ScreenDto
    {
        /// <summary>ScreenKind name.</summary>
        public string Kind { get; set; }

        /// <summary>Top line.</summary>
        public string Title { get; set; }

        /// <summary>Body lines.</summary>
        public string[] Lines { get; set; }

        /// <summary>Badge name.</summary>
        public string Badge { get; set; }

        /// <summary>Left soft key.</summary>
        public string LeftKey { get; set; }

        /// <summary>Right soft key.</summary>
        public string RightKey { get; set; }

        /// <summary>Six-digit code, if shown.</summary>
        public string Code { get; set; }

        /// <summary>The code as words, if shown.</summary>
        public string CodeWords { get; set; }

        /// <summary>Copies a firmware screen.</summary>
        public static ScreenDto From(Screen s)
        {
            return new ScreenDto
            {
                Kind = s.Kind.ToString(), Title = s.Title, Lines = s.Lines, Badge = s.Badge.ToString(),
                LeftKey = s.LeftKey, RightKey = s.RightKey, Code = s.Code, CodeWords = s.CodeWords
            };
        }

        /// <summary>Back to a firmware screen (for rendering in the demo process).</summary>
        public Screen ToScreen()
        {
            System.Enum.TryParse(Kind, out ScreenKind kind);
            System.Enum.TryParse(Badge, out Badge badge);
            return new Screen(kind, Title, Lines, badge, LeftKey, RightKey) { Code = Code, CodeWords = CodeWords };
        }
    }
}
