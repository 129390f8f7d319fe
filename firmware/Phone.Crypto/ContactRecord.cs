// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// The public part of a pinned contact as the native store keeps it. The
    /// resumption secrets stay native; only their generation numbers show.
    /// </summary>
    public class ContactRecord
    {
        internal const int RecordLength = 74;
        private const int FlagsOffset = 0;
        private const int NameLengthOffset = 1;
        private const int NameOffset = 2;
        private const int KeyOffset = 34;
        private const int GenerationOffset = 66;
        private const int PreviousGenerationOffset = 70;
        private const int MaxNameLength = 32;

        /// <summary>Flag: the slot holds a contact.</summary>
        public const int FlagUsed = 0x01;

        /// <summary>Flag: the user compared the codes and confirmed.</summary>
        public const int FlagVerified = 0x02;

        /// <summary>
        /// Flag: the peer has not yet proven it holds the newest generation (this phone was the
        /// callee of the call that made it), so a call from here uses the previous one.
        /// </summary>
        public const int FlagNewestUnproven = 0x04;

        /// <summary>
        /// Flag: pinned by a hybrid (X25519 + ML-KEM-768) XX, so the call chain from it is
        /// post-quantum. Only the native pin of a hybrid session sets it; nothing clears it.
        /// </summary>
        public const int FlagHybrid = 0x08;

        /// <summary>Flag: vouched for by the organisation's certificate (no code compared).</summary>
        public const int FlagOrgVerified = 0x10;

        internal ContactRecord(int index, byte[] record)
        {
            Index = index;
            Flags = record[FlagsOffset];
            int nameLength = record[NameLengthOffset];
            if (nameLength > MaxNameLength)
            {
                nameLength = MaxNameLength;
            }

            Name = Utf8.GetString(record, NameOffset, nameLength);
            PublicKey = new byte[CryptoCore.KeyLength];
            System.Array.Copy(record, KeyOffset, PublicKey, 0, CryptoCore.KeyLength);
            Generation = ReadUInt32(record, GenerationOffset);
            PreviousGeneration = ReadUInt32(record, PreviousGenerationOffset);
        }

        /// <summary>Slot index in the native contact table.</summary>
        public int Index { get; private set; }

        /// <summary>PC_CONTACT_* flags.</summary>
        public int Flags { get; private set; }

        /// <summary>Display name chosen at pairing.</summary>
        public string Name { get; private set; }

        /// <summary>The pinned static public key.</summary>
        public byte[] PublicKey { get; private set; }

        /// <summary>Newest resumption-secret generation (0 if none).</summary>
        public int Generation { get; private set; }

        /// <summary>Previous resumption-secret generation (0 if none).</summary>
        public int PreviousGeneration { get; private set; }

        /// <summary>True when the codes were compared and confirmed.</summary>
        public bool Verified
        {
            get { return (Flags & FlagVerified) != 0; }
        }

        /// <summary>True when the pinned chain began with a hybrid (post-quantum) exchange.</summary>
        public bool Hybrid
        {
            get { return (Flags & FlagHybrid) != 0; }
        }

        /// <summary>True when the organisation vouched for the key (its certificate verified).</summary>
        public bool OrgVerified
        {
            get { return (Flags & FlagOrgVerified) != 0; }
        }

        private static int ReadUInt32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }
    }
}
