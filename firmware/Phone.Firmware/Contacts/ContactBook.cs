// SPDX-License-Identifier: MIT
using System.Collections;
using Phone.Crypto;

namespace Phone.Firmware.Contacts
{
    /// <summary>
    /// The contact book as the firmware sees it: the native store's records
    /// (pinned static key, name, flags, resumption generations).
    /// </summary>
    public class ContactBook
    {
        private readonly KeyStore _store;

        /// <summary>Reads contacts from store.</summary>
        public ContactBook(KeyStore store)
        {
            _store = store;
        }

        /// <summary>
        /// Every contact, in name order, read page by page. Holds the whole book in managed memory:
        /// for host tools and tests; the display uses ContactList (one window at a time).
        /// </summary>
        public ContactRecord[] All()
        {
            ArrayList list = new ArrayList();
            int first = 0;
            while (true)
            {
                ContactPage page = _store.ReadPage(first, null, ContactPage.MaxEntries);
                for (int i = 0; i < page.Entries.Length; i++)
                {
                    ContactRecord record = _store.ReadContact(page.Entries[i].Index);
                    if (record != null)
                    {
                        list.Add(record);
                    }
                }

                first += page.Entries.Length;
                if (page.Entries.Length == 0 || first >= page.Total)
                {
                    break;
                }
            }

            ContactRecord[] result = new ContactRecord[list.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (ContactRecord)list[i];
            }

            return result;
        }

        /// <summary>The contact in slot index, or null.</summary>
        public ContactRecord Read(int index)
        {
            if (index < 0 || index >= KeyStore.ContactCapacity)
            {
                return null;
            }

            return _store.ReadContact(index);
        }

        /// <summary>The contact pinned to publicKey, or null.</summary>
        public ContactRecord FindByKey(byte[] publicKey)
        {
            int index = _store.FindContact(publicKey);
            return index < 0 ? null : _store.ReadContact(index);
        }

        /// <summary>Number of contacts (the native index's count: no record is read).</summary>
        public int Count
        {
            get { return _store.ReadPage(0, null, 0).Total; }
        }
    }
}
