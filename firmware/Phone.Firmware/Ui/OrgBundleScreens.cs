// SPDX-License-Identifier: MIT
using Phone.Firmware.Trust;

namespace Phone.Firmware.Ui
{
    /// <summary>What the display shows at start about the image's organisation bundle (docs/device.md §5b).</summary>
    public static class OrgBundleScreens
    {
        /// <summary>Hex digits per line of the phone-key screen (16 fit the 128-pixel OLED).</summary>
        public const int KeyDigitsPerLine = 16;

        /// <summary>The screen for an outcome, or null when there is nothing to say (no organisation, unchanged).</summary>
        public static Screen For(OrgBundleOutcome outcome, byte[] phoneKey)
        {
            string org = Printable(outcome.OrganisationName);
            string list = outcome.ListProblem != null ? " REVOCATION LIST REFUSED: " + outcome.ListProblem + "."
                : outcome.ListVersion == 0 ? "" : " Revocation list version " + outcome.ListVersion.ToString() + ".";
            switch (outcome.Result)
            {
                case OrgBundleResult.Installed:
                    return Screens.Message("Organisation installed", "Verified by " + org + "." + list);
                case OrgBundleResult.OrganisationChanged:
                    return Screens.Message("ORGANISATION CHANGED", "Now " + org + ", was " + Printable(outcome.PreviousOrganisation)
                        + "." + list);
                case OrgBundleResult.NotListed:
                    return PhoneKey("Not enrolled in " + org, phoneKey);
                case OrgBundleResult.Malformed:
                    return Screens.Message("Organisation bundle refused", outcome.Detail + "; nothing was changed");
                case OrgBundleResult.Refused:
                    return Screens.Message("Certificate refused", outcome.Detail + "; nothing was changed");
                default:
                    return outcome.ListVersion == 0 && outcome.ListProblem == null ? null
                        : Screens.Message("Revocation list", list.Trim());
            }
        }

        /// <summary>The phone's full public key (64 hex digits, 4 lines), for the administrator's `org sign`.</summary>
        public static Screen PhoneKey(string title, byte[] phoneKey)
        {
            string hex = Hex.Of(phoneKey, phoneKey.Length);
            int rows = (hex.Length + KeyDigitsPerLine - 1) / KeyDigitsPerLine;
            string[] lines = new string[rows + 1];
            lines[0] = "Phone key:";
            for (int i = 0; i < rows; i++)
            {
                int start = i * KeyDigitsPerLine;
                int length = hex.Length - start < KeyDigitsPerLine ? hex.Length - start : KeyDigitsPerLine;
                lines[i + 1] = hex.Substring(start, length);
            }

            return new Screen(ScreenKind.Message, title, lines, Badge.None, "OK", null);
        }

        /// <summary>A screen as one line of text (the boards' debug output).</summary>
        public static string Text(Screen screen)
        {
            string text = screen.Title;
            for (int i = 0; i < screen.Lines.Length; i++)
            {
                text += " | " + screen.Lines[i];
            }

            return text;
        }

        // The name comes from the image, not yet checked by the core: control characters never reach the display.
        private static string Printable(string text)
        {
            if (text == null)
            {
                return "organisation";
            }

            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < ' ' || (chars[i] >= (char)0x7F && chars[i] <= (char)0x9F))
                {
                    chars[i] = '?';
                }
            }

            return new string(chars);
        }
    }
}
