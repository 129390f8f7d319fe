// SPDX-License-Identifier: MIT
using Phone.Firmware.Ui;

namespace Phone.Firmware.Discovery
{
    /// <summary>Screens of discovery (boards only render them).</summary>
    public static class DiscoveryScreens
    {
        /// <summary>Digits of the fingerprint shown in the list (the first 4 key bytes; the code check proves the key).</summary>
        public const int ShortFingerprintDigits = 8;

        /// <summary>The pairing list: one line per phone found, "n  Name  fingerprint".</summary>
        public static Screen PhoneList(FoundPhone[] phones)
        {
            return PhoneList(phones, -1);
        }

        /// <summary>The pairing list with line selected (0-based) marked "&gt;" (boards with buttons, not a keyboard).</summary>
        public static Screen PhoneList(FoundPhone[] phones, int selected)
        {
            string[] lines = new string[phones.Length == 0 ? 1 : phones.Length];
            if (phones.Length == 0)
            {
                lines[0] = "(looking for phones...)";
            }

            for (int i = 0; i < phones.Length; i++)
            {
                lines[i] = (i == selected ? ">" : "") + (i + 1).ToString() + "  " + phones[i].Name + "  "
                           + phones[i].Fingerprint.Substring(0, ShortFingerprintDigits);
            }

            return new Screen(ScreenKind.PhoneList, "Pair with", lines, Badge.None, "Pair", "Back");
        }
    }
}
