// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>One line of the contact list: what the display shows, and the index to act on.</summary>
    public class ContactListEntry
    {
        internal ContactListEntry(int index, int flags, string name)
        {
            Index = index;
            Flags = flags;
            Name = name;
        }

        /// <summary>Slot index in the native contact table.</summary>
        public int Index { get; private set; }

        /// <summary>PC_CONTACT_* flags (0: the record no longer authenticates).</summary>
        public int Flags { get; private set; }

        /// <summary>Display name chosen at pairing.</summary>
        public string Name { get; private set; }

        /// <summary>True when the codes were compared and confirmed.</summary>
        public bool Verified
        {
            get { return (Flags & ContactRecord.FlagVerified) != 0; }
        }
    }
}
