// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Ui
{
    /// <summary>Builds the screens of the phone's UI model (boards only render them).</summary>
    public static class Screens
    {
        /// <summary>Ready: name, key fingerprint, number of contacts.</summary>
        public static Screen Idle(string name, string fingerprint, int contacts)
        {
            return new Screen(ScreenKind.Idle, "Ready",
                new string[] { name, "Key " + fingerprint, contacts.ToString() + " contact(s)" },
                Badge.None, "Contacts", "Pair");
        }

        /// <summary>Pairing handshake running.</summary>
        public static Screen Pairing(string peer)
        {
            return new Screen(ScreenKind.Pairing, "Pairing...", new string[] { "with " + peer }, Badge.None, null,
                "Cancel");
        }

        /// <summary>The code to compare, with confirm/reject.</summary>
        public static Screen PairingCode(string code, string words, string peerName, string status)
        {
            Screen s = new Screen(ScreenKind.PairingCode, "Compare code",
                new string[] { code, words, "Peer: " + peerName, status }, Badge.None, "Confirm", "Reject");
            s.Code = code;
            s.CodeWords = words;
            return s;
        }

        /// <summary>Outgoing call being set up or ringing.</summary>
        public static Screen Calling(string name, string status, Badge badge)
        {
            return new Screen(ScreenKind.Calling, "Calling " + name, new string[] { status }, badge, null, "Hang up");
        }

        /// <summary>Incoming call ringing; code shown when the caller is not verified.</summary>
        public static Screen Ringing(string name, Badge badge, string code, string words)
        {
            string[] lines = code == null
                ? new string[] { BadgeText(badge) }
                : new string[] { BadgeText(badge), "Code " + code, words };
            Screen s = new Screen(ScreenKind.Ringing, name + " calling", lines, badge, "Accept", "Reject");
            s.Code = code;
            s.CodeWords = words;
            return s;
        }

        /// <summary>Connected call with its badge; code shown while unverified.</summary>
        public static Screen InCall(string name, Badge badge, string code, string words, string status)
        {
            string[] lines = code == null
                ? new string[] { BadgeText(badge), status }
                : new string[] { BadgeText(badge), status, "Compare code " + code, words };
            Screen s = new Screen(ScreenKind.InCall, name, lines, badge, code == null ? null : "Verify", "Hang up");
            s.Code = code;
            s.CodeWords = words;
            return s;
        }

        /// <summary>LOUD warning: not the pinned key (or continuity broken); accept unverified or hang up.</summary>
        public static Screen KeyChanged(string title, string name, string reason, string code, string words)
        {
            Screen s = new Screen(ScreenKind.KeyChanged, title,
                new string[] { name + ": " + reason, "Call NOT connected.", "New code " + code, words,
                    "Compare the code, then Verify," , "or accept as UNVERIFIED." },
                Badge.Warning, "Accept unverified", "Hang up");
            s.Code = code;
            s.CodeWords = words;
            return s;
        }

        /// <summary>Contact list.</summary>
        public static Screen Contacts(ContactRecord[] contacts)
        {
            string[] lines = new string[contacts.Length == 0 ? 1 : contacts.Length];
            if (contacts.Length == 0)
            {
                lines[0] = "(no contacts)";
            }

            for (int i = 0; i < contacts.Length; i++)
            {
                ContactRecord c = contacts[i];
                lines[i] = c.Index.ToString() + ": " + c.Name + " " + Hex.Of(c.PublicKey, 4)
                           + (c.Verified ? " verified" : " unverified");
            }

            return new Screen(ScreenKind.Contacts, "Contacts", lines, Badge.None, "Call", "Back");
        }

        /// <summary>An error or notice.</summary>
        public static Screen Message(string title, string text)
        {
            return new Screen(ScreenKind.Message, title, new string[] { text }, Badge.None, "OK", null);
        }

        /// <summary>Words for a badge.</summary>
        public static string BadgeText(Badge badge)
        {
            switch (badge)
            {
                case Badge.Verified: return "Encrypted, verified";
                case Badge.Unverified: return "Encrypted, NOT verified";
                case Badge.Warning: return "WARNING: key changed";
                default: return "";
            }
        }
    }
}
