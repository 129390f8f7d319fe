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

        /// <summary>All used contact slots, in slot order.</summary>
        public ContactRecord[] All()
        {
            ArrayList list = new ArrayList();
            int capacity = KeyStore.ContactCapacity;
            for (int i = 0; i < capacity; i++)
            {
                ContactRecord record = _store.ReadContact(i);
                if (record != null)
                {
                    list.Add(record);
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

        /// <summary>Number of contacts.</summary>
        public int Count
        {
            get { return All().Length; }
        }
    }
}
