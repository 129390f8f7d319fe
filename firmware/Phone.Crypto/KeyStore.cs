// SPDX-License-Identifier: MIT
using System;
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// The phone's identity key and contact book, sealed in secure flash. The
    /// identity secret never leaves native code; this object holds a handle.
    /// </summary>
    public class KeyStore : IDisposable
    {
        /// <summary>Status flag: the identity was created by this open (first boot).</summary>
        public const int StatusCreated = 0x01;

        /// <summary>Status flag: the newest flash copy was damaged and the previous one was used.</summary>
        public const int StatusRecovered = 0x02;

        private static readonly byte[] NoBytes = new byte[0];
        private int _handle;

        private KeyStore(int handle)
        {
            _handle = handle;
        }

        /// <summary>
        /// Opens the store at locator (host: a directory; device: an NVS
        /// namespace), creating the identity on first boot. A corrupt store
        /// throws CryptoException(Corrupt) and is left untouched.
        /// </summary>
        public static KeyStore Open(string locator)
        {
            byte[] bytes = Utf8.GetBytes(locator);
            return new KeyStore(NativeResult.Check(NativeCrypto.StoreOpen(bytes, bytes.Length), "open key store"));
        }

        /// <summary>Erases identity and contacts at locator and creates a fresh identity.</summary>
        public static KeyStore FactoryReset(KeyStore open, string locator)
        {
            byte[] bytes = Utf8.GetBytes(locator);
            int handle = open == null ? -1 : open.Handle;
            int result = NativeResult.Check(NativeCrypto.StoreFactoryReset(handle, bytes, bytes.Length), "factory reset");
            if (open != null)
            {
                open._handle = -1;
            }

            return new KeyStore(result);
        }

        /// <summary>Native handle (for handshakes and pinning).</summary>
        public int Handle
        {
            get
            {
                if (_handle < 0)
                {
                    throw new ObjectDisposedException("KeyStore");
                }

                return _handle;
            }
        }

        /// <summary>StatusCreated / StatusRecovered flags of the open.</summary>
        public int Status
        {
            get { return NativeResult.Check(NativeCrypto.StoreStatus(Handle), "key store status"); }
        }

        /// <summary>The phone's static public key.</summary>
        public byte[] IdentityPublicKey()
        {
            byte[] pub = new byte[CryptoCore.KeyLength];
            NativeResult.Check(NativeCrypto.StoreIdentity(Handle, pub, pub.Length), "identity");
            return pub;
        }

        /// <summary>Number of contact slots.</summary>
        public static int ContactCapacity
        {
            get { return NativeResult.Check(NativeCrypto.ContactCapacity(), "contact capacity"); }
        }

        /// <summary>The contact in slot index, or null for a free slot.</summary>
        public ContactRecord ReadContact(int index)
        {
            byte[] record = new byte[ContactRecord.RecordLength];
            int result = NativeCrypto.ContactRead(Handle, index, record, record.Length);
            if (result == CryptoStatus.NotFound)
            {
                return null;
            }

            NativeResult.Check(result, "read contact");
            return new ContactRecord(index, record);
        }

        /// <summary>Index of the contact pinned to publicKey, or -1.</summary>
        public int FindContact(byte[] publicKey)
        {
            int result = NativeCrypto.ContactFind(Handle, publicKey, publicKey.Length);
            if (result == CryptoStatus.NotFound)
            {
                return -1;
            }

            return NativeResult.Check(result, "find contact");
        }

        /// <summary>
        /// Pins the peer of a finished handshake's transport keys (its static key and resumption
        /// secret) under name with the given ContactRecord flags; returns the index.
        /// </summary>
        public int Pin(TransportKeys keys, string name, int flags)
        {
            byte[] nameBytes = name == null ? NoBytes : Utf8.GetBytes(name);
            return NativeResult.Check(
                NativeCrypto.ContactPin(Handle, keys.Handle, nameBytes, nameBytes.Length, flags), "pin contact");
        }

        /// <summary>Replaces a contact's flags (e.g. marks it unverified after a key change).</summary>
        public void SetFlags(int index, int flags)
        {
            NativeResult.Check(NativeCrypto.ContactSetFlags(Handle, index, flags), "set contact flags");
        }

        /// <summary>
        /// After a call: keeps the transport keys' resumption secret for the next one and sets the
        /// contact's flags, in one flash write.
        /// </summary>
        public void Remember(int index, TransportKeys keys, int flags)
        {
            NativeResult.Check(NativeCrypto.ContactRememberFlags(Handle, index, keys.Handle, flags), "remember contact");
        }

        /// <summary>After a call: keeps the transport keys' resumption secret for the next one.</summary>
        public void Remember(int index, TransportKeys keys)
        {
            NativeResult.Check(NativeCrypto.ContactRemember(Handle, index, keys.Handle), "remember contact");
        }

        /// <summary>
        /// A window of at most maxEntries contacts in name order from list position first, or -
        /// when prefix is not empty - from the first name at or after prefix (jump by letter).
        /// Only the names shown are read from flash; the book itself stays native.
        /// </summary>
        public ContactPage ReadPage(int first, string prefix, int maxEntries)
        {
            byte[] prefixBytes = prefix == null ? NoBytes : Utf8.GetBytes(prefix);
            if (prefixBytes.Length > ContactPage.MaxPrefixLength)
            {
                throw new System.ArgumentException("prefix too long");
            }

            byte[] page = new byte[ContactPage.BufferLength(maxEntries)];
            NativeResult.Check(
                NativeCrypto.ContactPage(Handle, first, prefixBytes, prefixBytes.Length, page, page.Length),
                "read contact page");
            return new ContactPage(page);
        }

        /// <summary>Deletes the contact in slot index.</summary>
        public void Forget(int index)
        {
            NativeResult.Check(NativeCrypto.ContactForget(Handle, index), "forget contact");
        }

        /// <summary>Frees the native slot of a handle nobody disposed (a forgotten one must not hold it for good).</summary>
        ~KeyStore()
        {
            Dispose(false);
        }

        /// <summary>Closes the store; its secrets are wiped from native RAM.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Frees the native slot once; also run by the finalizer (disposing false).</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (_handle >= 0)
            {
                NativeCrypto.StoreClose(_handle);
                _handle = -1;
            }
        }
    }
}
