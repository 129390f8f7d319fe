// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Ui
{
    /// <summary>Builds the screens of the phone's UI model (boards only render them).</summary>
    public static class Screens
    {
        /// <summary>Idle-screen line after an open refused a damaged flash record.</summary>
        public const string RecoveredNotice = "Flash recovered: a contact may be lost";

        /// <summary>What a recovery may have lost, for the event log.</summary>
        public const string RecoveredDetail = "a flash record was damaged and refused: a damaged identity copy "
            + "was rewritten from the intact one (nothing lost), a damaged contact record may be lost "
            + "(that contact must be paired again)";

        /// <summary>Ready: name, key fingerprint, number of contacts.</summary>
        public static Screen Idle(string name, string fingerprint, int contacts)
        {
            return Idle(name, fingerprint, contacts, null);
        }

        /// <summary>Ready, with a notice line (or null) under the usual three.</summary>
        public static Screen Idle(string name, string fingerprint, int contacts, string notice)
        {
            string[] lines = notice == null
                ? new string[] { name, "Key " + fingerprint, contacts.ToString() + " contact(s)" }
                : new string[] { name, "Key " + fingerprint, contacts.ToString() + " contact(s)", notice };
            return new Screen(ScreenKind.Idle, "Ready", lines, Badge.None, "Contacts", "Pair mode");
        }

        /// <summary>What a hybrid pairing shows (docs/protocol.md §5.1): every pairing of version 2 is hybrid.</summary>
        public const string PostQuantumLine = "post-quantum: ML-KEM-768";

        /// <summary>What a pairing without the KEM would show (none does in version 2; never silently).</summary>
        public const string ClassicalLine = "CLASSICAL: no post-quantum";

        /// <summary>Pairing handshake running (always hybrid).</summary>
        public static Screen Pairing(string peer)
        {
            return new Screen(ScreenKind.Pairing, "Pairing...", new string[] { "with " + peer, PostQuantumLine },
                Badge.None, null, "Cancel");
        }

        /// <summary>The code to compare, with whether the exchange was hybrid (said either way).</summary>
        public static Screen PairingCode(string code, string words, string peerName, string status, bool hybrid)
        {
            Screen s = new Screen(ScreenKind.PairingCode, "Compare code",
                new string[] { code, words, "Peer: " + peerName, hybrid ? PostQuantumLine : ClassicalLine, status },
                Badge.None, "Confirm", "Reject");
            s.Code = code;
            s.CodeWords = words;
            return s;
        }

        /// <summary>Pairing mode: waiting for the other phone's request, with the time left.</summary>
        public static Screen PairingMode(int secondsLeft, string fingerprint)
        {
            return new Screen(ScreenKind.Pairing, "Pairing mode",
                new string[] { "Pair from the other phone now.", secondsLeft.ToString() + " s left",
                    "Key " + fingerprint }, Badge.None, null, "Cancel");
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

        /// <summary>
        /// A window of the contact list in name order: the cursor's line marked "&gt;", each name with
        /// "UNVERIFIED" when the codes were never compared; the title says where the window is.
        /// </summary>
        public static Screen ContactList(ContactListEntry[] window, int cursor, int position, int total)
        {
            string[] lines = new string[window.Length == 0 ? 1 : window.Length];
            if (window.Length == 0)
            {
                lines[0] = "(no contacts)";
            }

            for (int i = 0; i < window.Length; i++)
            {
                ContactListEntry c = window[i];
                string name = c.Flags == 0 ? "(damaged record)" : c.Name + VerificationMark(c.Flags);
                lines[i] = (i == cursor ? "> " : "  ") + name;
            }

            string title = total == 0 ? "Contacts" : "Contacts " + (position + 1).ToString() + "/" + total.ToString();
            return new Screen(ScreenKind.Contacts, title, lines, Badge.None, "Call", "Next letter");
        }

        /// <summary>Why the key store did not open at power-on (nothing was changed; only a factory reset erases it).</summary>
        public static Screen StoreRefused(int status)
        {
            if (status == CryptoStatus.NotFound)
            {
                return Message("Device key missing", "The flash cannot be opened without its key. Nothing was changed; "
                    + "restore the key or factory reset.");
            }

            if (status == CryptoStatus.Corrupt)
            {
                return Message("Flash damaged", "No intact copy of identity and contacts. Nothing was changed; "
                    + "restore the flash or factory reset.");
            }

            return Message("Flash error", "The secure flash cannot be read (" + CryptoStatus.Describe(status) + ").");
        }

        /// <summary>An error or notice.</summary>
        public static Screen Message(string title, string text)
        {
            return new Screen(ScreenKind.Message, title, new string[] { text }, Badge.None, "OK", null);
        }

        /// <summary>
        /// The organisation's display name for "verified by ..." (set at start and after an install;
        /// display only, never a trust decision).
        /// </summary>
        public static string OrganisationName { get; set; }

        private static string OrganisationText
        {
            get { return OrganisationName == null || OrganisationName.Length == 0 ? "organisation" : OrganisationName; }
        }

        /// <summary>Which kind of verification a contact has: codes compared, vouched for by the organisation, both, or none.</summary>
        public static string VerificationText(ContactRecord c)
        {
            if (c.Verified && c.OrgVerified)
            {
                return " verified (code, " + OrganisationText + ")";
            }

            if (c.OrgVerified)
            {
                return " verified by " + OrganisationText;
            }

            return c.Verified ? " verified (code)" : " UNVERIFIED";
        }

        /// <summary>
        /// The contact list's short form of VerificationText (at most 12 characters, so a line with a
        /// 32-byte name stays one line of the smallest panel font).
        /// </summary>
        public static string VerificationMark(int flags)
        {
            bool verified = (flags & ContactRecord.FlagVerified) != 0;
            // Pinned by a hybrid (ML-KEM-768) pairing: said, so a classical pin is never mistaken for one.
            string pq = (flags & ContactRecord.FlagHybrid) != 0 ? " PQ" : "";
            if ((flags & ContactRecord.FlagOrgVerified) != 0)
            {
                return (verified ? " code+org" : " org-signed") + pq;
            }

            return verified ? " verified" + pq : " UNVERIFIED";
        }

        /// <summary>Words for a badge.</summary>
        public static string BadgeText(Badge badge)
        {
            switch (badge)
            {
                case Badge.Verified: return "Encrypted, verified";
                case Badge.Unverified: return "Encrypted, NOT verified";
                case Badge.Warning: return "WARNING: key changed";
                case Badge.OrgVerified: return "Encrypted, verified by " + OrganisationText;
                default: return "";
            }
        }
    }
}
