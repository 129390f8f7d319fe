// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// What a phone holds about its organisation (native pc_org_read, PC_ORG_PART_INFO):
    /// public values only. The organisation's signing key never reaches a phone.
    /// </summary>
    public class OrgInfo
    {
        internal const int Length = 101;
        private const int IdOffset = 32;
        private const int NameLengthOffset = 48;
        private const int NameOffset = 49;
        private const int TimeOffset = 81;
        private const int RevocationVersionOffset = 89;
        private const int SerialOffset = 93;
        private const int MaxNameLength = 32;

        internal OrgInfo(byte[] info)
        {
            PublicKey = Slice(info, 0, 32);
            Id = Slice(info, IdOffset, 16);
            int nameLength = info[NameLengthOffset];
            if (nameLength > MaxNameLength)
            {
                nameLength = MaxNameLength;
            }

            Name = Utf8.GetString(info, NameOffset, nameLength);
            NewestTime = LittleEndian.ReadInt64(info, TimeOffset);
            RevocationListVersion = LittleEndian.ReadInt32(info, RevocationVersionOffset);
            OwnSerial = LittleEndian.ReadInt64(info, SerialOffset);
        }

        /// <summary>The organisation's Ed25519 public key.</summary>
        public byte[] PublicKey { get; private set; }

        /// <summary>The organisation id (16 bytes, from the certificates).</summary>
        public byte[] Id { get; private set; }

        /// <summary>The organisation's display name ("verified by ...").</summary>
        public string Name { get; private set; }

        /// <summary>The newest time the phone has securely learned (seconds since 1970 UTC).</summary>
        public long NewestTime { get; private set; }

        /// <summary>The version of the newest revocation list held (0 = none).</summary>
        public int RevocationListVersion { get; private set; }

        /// <summary>This phone's own certificate serial.</summary>
        public long OwnSerial { get; private set; }

        internal static byte[] Slice(byte[] b, int at, int length)
        {
            byte[] part = new byte[length];
            System.Array.Copy(b, at, part, 0, length);
            return part;
        }
    }
}
