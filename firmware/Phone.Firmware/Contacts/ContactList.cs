// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Ui;

namespace Phone.Firmware.Contacts
{
    /// <summary>
    /// The contact list on the display: a cursor over the book in name order that scrolls one
    /// contact at a time and jumps by first letter. Only the window on screen is in managed
    /// memory (KeyStore.ReadPage): the book of up to 1,000 contacts stays native.
    /// </summary>
    public class ContactList
    {
        /// <summary>Contacts shown at once (fits both panels and the simulator's box).</summary>
        public const int VisibleLines = 6;

        private readonly KeyStore _store;
        private ContactPage _window;
        private int _position;

        /// <summary>A list over store, the cursor on the first contact.</summary>
        public ContactList(KeyStore store)
        {
            _store = store;
            Load(0);
        }

        /// <summary>Contacts in the book.</summary>
        public int Total
        {
            get { return _window.Total; }
        }

        /// <summary>The cursor's place in name order (0 with an empty book).</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>The contact under the cursor, or null with an empty book.</summary>
        public ContactListEntry Selected
        {
            get
            {
                int offset = _position - _window.Start;
                return offset >= 0 && offset < _window.Entries.Length ? _window.Entries[offset] : null;
            }
        }

        /// <summary>Moves the cursor by delta contacts (clamped to the book); false if it did not move.</summary>
        public bool Move(int delta)
        {
            int target = _position + delta;
            if (target > Total - 1)
            {
                target = Total - 1;
            }

            if (target < 0)
            {
                target = 0;
            }

            bool moved = target != _position;
            Load(target);
            return moved;
        }

        /// <summary>
        /// Jumps to the first contact whose name starts after the current contact's first letter
        /// (A to B, ...); false at the last letter (the cursor stays).
        /// </summary>
        public bool NextLetter()
        {
            ContactListEntry current = Selected;
            if (current == null || current.Name.Length == 0)
            {
                return Move(1);
            }

            char first = current.Name[0];
            if (first >= 'a' && first <= 'z')
            {
                first = (char)(first - 'a' + 'A'); // the native order folds ASCII letters only
            }

            char next = (char)(first + 1);
            ContactPage found = _store.ReadPage(0, next.ToString(), 1);
            if (found.Start >= found.Total || found.Start <= _position)
            {
                return false;
            }

            Load(found.Start);
            return true;
        }

        /// <summary>Puts the cursor on the first name at or after prefix (a letter: jump by letter).</summary>
        public void JumpTo(string prefix)
        {
            ContactPage found = _store.ReadPage(0, prefix, 1);
            Load(found.Start >= found.Total ? found.Total - 1 : found.Start);
        }

        /// <summary>The list as the display shows it.</summary>
        public Screen Screen()
        {
            return Screens.ContactList(_window.Entries, _position - _window.Start, _position, Total);
        }

        /// <summary>Reads the window that holds position (windows start at multiples of VisibleLines).</summary>
        private void Load(int position)
        {
            if (position < 0)
            {
                position = 0;
            }

            int start = position - (position % VisibleLines);
            _window = _store.ReadPage(start, null, VisibleLines);
            if (_window.Total > 0 && position >= _window.Total)
            {
                position = _window.Total - 1;
                _window = _store.ReadPage(position - (position % VisibleLines), null, VisibleLines);
            }

            _position = _window.Total == 0 ? 0 : position;
        }
    }
}
