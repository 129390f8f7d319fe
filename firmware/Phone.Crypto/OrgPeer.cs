// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>A peer's certificate as the native core accepted it (pc_org_verify_peer).</summary>
    public class OrgPeer
    {
        internal const int Length = 49;
        private const int NotAfterOffset = 8;
        private const int NameLengthOffset = 16;
        private const int NameOffset = 17;
        private const int MaxNameLength = 32;

        internal OrgPeer(byte[] view)
        {
            Serial = LittleEndian.ReadInt64(view, 0);
            NotAfter = LittleEndian.ReadInt64(view, NotAfterOffset);
            int nameLength = view[NameLengthOffset];
            if (nameLength > MaxNameLength)
            {
                nameLength = MaxNameLength;
            }

            Name = Utf8.GetString(view, NameOffset, nameLength);
        }

        /// <summary>The certificate's serial number.</summary>
        public long Serial { get; private set; }

        /// <summary>End of the validity period (seconds since 1970 UTC).</summary>
        public long NotAfter { get; private set; }

        /// <summary>The display name the organisation gave the phone (validated natively: no control characters).</summary>
        public string Name { get; private set; }
    }
}
