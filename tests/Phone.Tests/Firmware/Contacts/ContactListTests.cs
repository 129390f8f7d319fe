// SPDX-License-Identifier: MIT
using System;
using System.Linq;
using Phone.Crypto;
using Phone.Firmware.Contacts;
using Phone.Firmware.Ui;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware.Contacts
{
    /// <summary>
    /// The contact list at desk-phone scale: 1,000 contacts scroll in name order, jump by first
    /// letter, and each is found by its static key, while managed code holds one window of names.
    /// </summary>
    public class ContactListTests : IClassFixture<ThousandContacts>
    {
        private readonly ThousandContacts _book;

        public ContactListTests(ThousandContacts book)
        {
            _book = book;
        }

        [Fact]
        public void Scrolling_visits_all_1000_contacts_once_in_name_order_one_window_at_a_time()
        {
            using KeyStore store = KeyStore.Open(_book.PhoneDirectory);
            var list = new ContactList(store);
            Assert.Equal(ThousandContacts.Count, list.Total);
            int[] expected = _book.NameOrder();
            for (int position = 0; position < ThousandContacts.Count; position++)
            {
                Assert.Equal(position, list.Position);
                ContactListEntry entry = list.Selected;
                Assert.Equal(expected[position], entry.Index);
                Assert.Equal(_book.Names[entry.Index], entry.Name);
                Assert.Equal(entry.Index % 3 == 0, entry.Verified);
                Screen screen = list.Screen();
                Assert.True(screen.Lines.Length <= ContactList.VisibleLines);
                Assert.Equal("> " + entry.Name + Screens.VerificationMark(entry.Flags),
                    screen.Lines.Single(l => l.StartsWith("> ", StringComparison.Ordinal)));
                Assert.Equal("Contacts " + (position + 1) + "/1000", screen.Title);
                Assert.Equal(position < ThousandContacts.Count - 1, list.Move(1));
            }

            Assert.False(list.Move(1)); // the last one: the cursor stays
            Assert.True(list.Move(-1000));
            Assert.Equal(0, list.Position);
        }

        [Fact]
        public void Next_letter_jumps_to_the_first_name_of_each_letter_in_turn()
        {
            using KeyStore store = KeyStore.Open(_book.PhoneDirectory);
            var list = new ContactList(store);
            int[] order = _book.NameOrder();
            char[] letters = order.Select(i => char.ToUpperInvariant(_book.Names[i][0])).Distinct().ToArray();
            Assert.Equal(26, letters.Length);
            for (int k = 0; k < letters.Length; k++)
            {
                int first = Array.FindIndex(order, i => char.ToUpperInvariant(_book.Names[i][0]) == letters[k]);
                Assert.Equal(first, list.Position);
                Assert.Equal(order[first], list.Selected.Index);
                Assert.Equal(k < letters.Length - 1, list.NextLetter());
            }
        }

        [Theory]
        [InlineData("A")]
        [InlineData("m")]
        [InlineData("Z")]
        [InlineData("Qname 0")]
        public void Jump_puts_the_cursor_on_the_first_name_at_or_after_the_prefix(string prefix)
        {
            using KeyStore store = KeyStore.Open(_book.PhoneDirectory);
            var list = new ContactList(store);
            list.JumpTo(prefix);
            // The native order compares at most 8 folded bytes of a jump prefix.
            byte[] want = ThousandContacts.Folded(prefix).Take(8).ToArray();
            int[] order = _book.NameOrder();
            int expected = Array.FindIndex(order, i =>
            {
                byte[] name = ThousandContacts.Folded(_book.Names[i]).Concat(new byte[8]).Take(want.Length).ToArray();
                return ((System.Collections.IStructuralComparable)name).CompareTo(want, System.Collections.Generic.Comparer<byte>.Default) >= 0;
            });
            Assert.True(expected >= 0);
            Assert.Equal(expected, list.Position);
            Assert.StartsWith(prefix.Substring(0, 1), list.Selected.Name.Substring(0, 1), StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void Every_contact_is_found_by_its_static_key_and_strangers_are_not()
        {
            using KeyStore store = KeyStore.Open(_book.PhoneDirectory);
            for (int i = 0; i < ThousandContacts.Count; i++)
            {
                Assert.Equal(i, store.FindContact(_book.Keys[i]));
            }

            byte[] stranger = (byte[])_book.Keys[7].Clone();
            stranger[31] ^= 0x40; // same fingerprint (first bytes), another key
            Assert.Equal(-1, store.FindContact(stranger));
        }

        [Fact]
        public void The_phone_shows_the_list_and_scrolls_it_on_its_display()
        {
            using var rig = new Rig();
            string copy = System.IO.Path.Combine(_book.Root, "desk-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(copy);
            System.IO.File.Copy(System.IO.Path.Combine(_book.PhoneDirectory, "efuse.key"), System.IO.Path.Combine(copy, "efuse.key"));
            FlashDump.Write(copy, FlashDump.Read(_book.PhoneDirectory)); // the phone deletes its directory at the end
            TestPhone phone = rig.Add("Desk", 1, null, copy);
            Assert.Equal(ThousandContacts.Count, phone.Core.ContactCount);
            phone.Core.ShowContacts();
            Assert.True(phone.Core.ContactListShown);
            Assert.Equal("Contacts 1/1000", phone.Screens.Last().Title);
            Assert.True(phone.Core.ContactListMove(999));
            Assert.Equal("Contacts 1000/1000", phone.Screens.Last().Title);
            Assert.Equal(_book.NameOrder()[999], phone.Core.SelectedContact.Index);
            Assert.False(phone.Core.ContactListMove(1));
            phone.Core.ShowIdle();
            Assert.False(phone.Core.ContactListShown);
            Assert.False(phone.Core.ContactListMove(-1)); // the list is not shown: nothing moves
        }
    }
}
