// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// A window of the contact list in name order, as pc_contact_page returns it: the list's
    /// length, the position of the first entry, and the entries (index, flags, name).
    /// </summary>
    public class ContactPage
    {
        /// <summary>At most this many entries per page (PC_PAGE_MAX_ENTRIES).</summary>
        public const int MaxEntries = 16;

        /// <summary>Bytes of a jump prefix that the native side compares (at most PC_MAX_NAME_LEN accepted).</summary>
        public const int MaxPrefixLength = 32;

        private const int HeaderLength = 8;
        private const int EntryLength = 36;
        private const int TotalOffset = 0;
        private const int StartOffset = 2;
        private const int CountOffset = 4;
        private const int EntryIndexOffset = 0;
        private const int EntryFlagsOffset = 2;
        private const int EntryNameLengthOffset = 3;
        private const int EntryNameOffset = 4;
        private const int MaxNameLength = 32;

        internal ContactPage(byte[] page)
        {
            Total = ReadUInt16(page, TotalOffset);
            Start = ReadUInt16(page, StartOffset);
            int count = ReadUInt16(page, CountOffset);
            Entries = new ContactListEntry[count];
            for (int i = 0; i < count; i++)
            {
                int at = HeaderLength + (i * EntryLength);
                int nameLength = page[at + EntryNameLengthOffset];
                if (nameLength > MaxNameLength)
                {
                    nameLength = MaxNameLength;
                }

                Entries[i] = new ContactListEntry(
                    ReadUInt16(page, at + EntryIndexOffset),
                    page[at + EntryFlagsOffset],
                    Utf8.GetString(page, at + EntryNameOffset, nameLength));
            }
        }

        /// <summary>Contacts in the whole book.</summary>
        public int Total { get; private set; }

        /// <summary>List position (name order) of Entries[0].</summary>
        public int Start { get; private set; }

        /// <summary>The contacts of this window, in name order.</summary>
        public ContactListEntry[] Entries { get; private set; }

        /// <summary>The buffer a page of up to maxEntries entries needs (0..MaxEntries; 0: the count only).</summary>
        internal static int BufferLength(int maxEntries)
        {
            if (maxEntries < 0 || maxEntries > MaxEntries)
            {
                throw new System.ArgumentOutOfRangeException("maxEntries");
            }

            return HeaderLength + (maxEntries * EntryLength);
        }

        private static int ReadUInt16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }
    }
}
