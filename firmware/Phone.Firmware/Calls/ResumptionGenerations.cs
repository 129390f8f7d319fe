// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Which resumption generation a call uses, and storing the next one with the mark that
    /// says whether the peer has proven it holds it (docs/protocol.md §7.2).
    /// </summary>
    internal static class ResumptionGenerations
    {
        /// <summary>True while the peer has not proven it holds the contact's newest generation.</summary>
        internal static bool NewestUnproven(ContactRecord contact)
        {
            return (contact.Flags & ContactRecord.FlagNewestUnproven) != 0;
        }

        /// <summary>The generation a call from this phone uses: the newest the peer has proven it holds (0: none).</summary>
        internal static int ForCall(ContactRecord contact)
        {
            return NewestUnproven(contact) && contact.PreviousGeneration != 0
                ? contact.PreviousGeneration : contact.Generation;
        }

        /// <summary>
        /// Callee on READY: stores the call's generation marked unproven, in one flash write (a
        /// power cut leaves the old generation unmarked or the new one marked). False on a flash error.
        /// </summary>
        internal static bool RememberUnproven(KeyStore store, ContactRecord contact, TransportKeys keys)
        {
            try
            {
                store.Remember(contact.Index, keys, contact.Flags | ContactRecord.FlagNewestUnproven);
                return true;
            }
            catch (CryptoException)
            {
                return false;
            }
        }

        /// <summary>
        /// Caller on the callee's first sealed packet: stores the (proven) generation and clears a
        /// mark left by a call it answered, in one flash write. False on a flash error.
        /// </summary>
        internal static bool RememberProven(KeyStore store, ContactRecord contact, TransportKeys keys)
        {
            try
            {
                store.Remember(contact.Index, keys, contact.Flags & ~ContactRecord.FlagNewestUnproven);
                return true;
            }
            catch (CryptoException)
            {
                return false;
            }
        }

        /// <summary>
        /// Callee: the caller proved it holds the newest. A flash error leaves the mark set,
        /// which is safe (the next call from here uses the previous generation, still held).
        /// </summary>
        internal static void MarkProven(KeyStore store, ContactRecord contact)
        {
            try
            {
                store.SetFlags(contact.Index, contact.Flags & ~ContactRecord.FlagNewestUnproven);
            }
            catch (CryptoException)
            {
            }
        }
    }
}
