// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Calls
{
    /// <summary>Which resumption generation a call uses (docs/protocol.md §7.2).</summary>
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
    }
}
