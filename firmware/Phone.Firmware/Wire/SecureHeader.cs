// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// SECURE packet header: [ver][type=10][phase*][kind][receiver id u32 LE][counter u64 LE*]
    /// (* written by the native core while sealing), then for MEDIA the 12-byte
    /// RTP header. The whole header is the AEAD's associated data.
    /// </summary>
    public static class SecureHeader
    {
        /// <summary>Writes the caller-owned header fields at buffer[0..16).</summary>
        public static void Write(byte[] buffer, byte innerKind, uint receiverId)
        {
            buffer[WireFormat.VersionOffset] = WireFormat.Version;
            buffer[WireFormat.TypeOffset] = MessageType.Secure;
            buffer[WireFormat.PhaseOffset] = 0;
            buffer[WireFormat.InnerKindOffset] = innerKind;
            ByteIo.WriteU32Le(buffer, WireFormat.SecureReceiverOffset, receiverId);
        }

        /// <summary>Receiver id of a SECURE packet at offset.</summary>
        public static uint ReceiverId(byte[] buffer, int offset)
        {
            return ByteIo.ReadU32Le(buffer, offset + WireFormat.SecureReceiverOffset);
        }

        /// <summary>
        /// Header length for a packet of this inner kind, or -1 for an unknown kind.
        /// </summary>
        public static int HeaderLength(int innerKind)
        {
            if (innerKind == InnerKind.Media)
            {
                return WireFormat.MediaHeaderLength;
            }

            return innerKind == InnerKind.Control ? WireFormat.SecureHeaderLength : -1;
        }
    }
}
