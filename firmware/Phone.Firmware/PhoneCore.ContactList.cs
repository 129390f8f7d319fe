// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Contacts;
using Phone.Firmware.Ui;

namespace Phone.Firmware
{
    /// <summary>The contact list screen: open it, scroll, jump by letter, and what is selected.</summary>
    public partial class PhoneCore
    {
        private ContactList _contactList;

        /// <summary>True while the display shows the contact list.</summary>
        public bool ContactListShown
        {
            get { return _active == null && _contactList != null && _screen != null && _screen.Kind == ScreenKind.Contacts; }
        }

        /// <summary>The contact under the list's cursor, or null (list not shown, or empty).</summary>
        public ContactListEntry SelectedContact
        {
            get { return ContactListShown ? _contactList.Selected : null; }
        }

        /// <summary>Shows the contact list (when idle), the cursor on the first name.</summary>
        public void ShowContacts()
        {
            if (_active == null)
            {
                _contactList = new ContactList(_ctx.Store);
                SetScreen(_contactList.Screen());
            }
        }

        /// <summary>Moves the list's cursor by delta contacts; false when the list is not shown or it did not move.</summary>
        public bool ContactListMove(int delta)
        {
            if (!ContactListShown || !_contactList.Move(delta))
            {
                return false;
            }

            SetScreen(_contactList.Screen());
            return true;
        }

        /// <summary>Jumps to the next first letter; false when the list is not shown or at the last letter.</summary>
        public bool ContactListNextLetter()
        {
            if (!ContactListShown || !_contactList.NextLetter())
            {
                return false;
            }

            SetScreen(_contactList.Screen());
            return true;
        }

        /// <summary>Puts the cursor on the first name at or after prefix; false when the list is not shown.</summary>
        public bool ContactListJump(string prefix)
        {
            if (!ContactListShown)
            {
                return false;
            }

            _contactList.JumpTo(prefix);
            SetScreen(_contactList.Screen());
            return true;
        }

        /// <summary>Contacts in the book (from the native index: no record is read).</summary>
        public int ContactCount
        {
            get { return new ContactBook(_ctx.Store).Count; }
        }
    }
}
