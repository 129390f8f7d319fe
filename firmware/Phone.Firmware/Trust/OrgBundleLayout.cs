// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Trust
{
    /// <summary>
    /// The organisation bundle (docs/device.md §5b): what an organisation deploys to its phones with
    /// the application image. Fixed-size fields, little-endian, so a phone reads only the header
    /// and the entries its binary search touches:
    /// header = magic "PHOB", format 1, name length, name (32, zero padded), organisation public
    /// key (32), revocation list length (2), revocation list (350, zero padded), entry count (2);
    /// then entry count entries sorted by phone key, each = phone key (32), certificate length,
    /// certificate (170, zero padded). A bundle with name length 0 carries no organisation.
    /// </summary>
    public static class OrgBundleLayout
    {
        /// <summary>First four bytes: "PHOB".</summary>
        public static readonly byte[] Magic = new byte[] { 0x50, 0x48, 0x4F, 0x42 };

        /// <summary>The format this firmware reads.</summary>
        public const int Format = 1;

        /// <summary>Largest organisation name in bytes (the certificate's limit).</summary>
        public const int MaxNameBytes = 32;

        /// <summary>Largest revocation list (OrgStore.MaxRevocationListLength).</summary>
        public const int MaxListBytes = 350;

        /// <summary>Largest certificate (OrgStore.MaxCertificateLength).</summary>
        public const int MaxCertificateBytes = 170;

        /// <summary>Most phones one bundle can carry (832 KB; the deployment region is 1.75 MB).</summary>
        public const int MaxEntries = 4096;

        /// <summary>Ed25519 and X25519 public keys.</summary>
        public const int KeyBytes = 32;

        /// <summary>Offset of the format byte.</summary>
        public const int FormatOffset = 4;
        /// <summary>Offset of the name length.</summary>
        public const int NameLengthOffset = 5;
        /// <summary>Offset of the name.</summary>
        public const int NameOffset = 6;
        /// <summary>Offset of the organisation public key.</summary>
        public const int OrgKeyOffset = NameOffset + MaxNameBytes;
        /// <summary>Offset of the revocation list length (2 bytes).</summary>
        public const int ListLengthOffset = OrgKeyOffset + KeyBytes;
        /// <summary>Offset of the revocation list.</summary>
        public const int ListOffset = ListLengthOffset + 2;
        /// <summary>Offset of the entry count (2 bytes).</summary>
        public const int CountOffset = ListOffset + MaxListBytes;

        /// <summary>Bytes before the first entry.</summary>
        public const int HeaderBytes = CountOffset + 2;

        /// <summary>Offset of the certificate length within an entry.</summary>
        public const int EntryCertLengthOffset = KeyBytes;
        /// <summary>Offset of the certificate within an entry.</summary>
        public const int EntryCertOffset = KeyBytes + 1;

        /// <summary>Bytes of one entry.</summary>
        public const int EntryBytes = EntryCertOffset + MaxCertificateBytes;
    }
}
