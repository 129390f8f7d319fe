// SPDX-License-Identifier: MIT
using nanoFramework.TestFramework;
using Phone.Crypto;

namespace Phone.DeviceTests
{
    /// <summary>Contacts pinned in secure flash: pin, read, find, flags, persistence, forget.</summary>
    [TestClass]
    public class ContactStorageTests
    {
        /// <summary>Opens the suite's store before the tests.</summary>
        [Setup]
        public void OpenStore()
        {
            Assert.IsNotNull(TestStore.Store);
        }

        /// <summary>A pinned contact reads back, survives a reopen of the store and can be forgotten.</summary>
        [TestMethod]
        public void PinnedContactPersists()
        {
            int index;
            byte[] peer;
            using (Pair pair = new Pair())
            {
                pair.Complete();
                peer = TestStore.Store.IdentityPublicKey();
                index = TestStore.Store.Pin(pair.InitiatorKeys, "Desk 2", ContactRecord.FlagVerified);
            }

            ContactRecord record = TestStore.Store.ReadContact(index);
            Assert.IsNotNull(record);
            Assert.AreEqual("Desk 2", record.Name);
            Assert.IsTrue(record.Verified, "verified flag");
            Assert.AreEqual(1, record.Generation);
            Assert.IsTrue(Bytes.Equal(peer, 0, record.PublicKey, 0, 32), "pinned key");
            Assert.AreEqual(index, TestStore.Store.FindContact(peer));

            TestStore.Store.SetFlags(index, ContactRecord.FlagUsed);
            KeyStore reopened = TestStore.Reopen();
            ContactRecord again = reopened.ReadContact(index);
            Assert.IsNotNull(again);
            Assert.IsFalse(again.Verified, "flags written to flash");
            Assert.AreEqual("Desk 2", again.Name);

            reopened.Forget(index);
            Assert.IsNull(reopened.ReadContact(index));
            Assert.AreEqual(-1, reopened.FindContact(peer));
        }

        /// <summary>Reading past the table is a caller mistake: ArgumentException on both targets.</summary>
        [TestMethod]
        public void ReadPastTheTableThrows()
        {
            int capacity = KeyStore.ContactCapacity;
            Assert.ThrowsException(typeof(System.ArgumentException), () => TestStore.Store.ReadContact(capacity));
        }
    }
}
