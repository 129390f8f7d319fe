// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// ERROR: [ver][type=255][code][version spoken][receiver id u32 LE] (8 bytes).
    /// Unauthenticated: it may end a handshake attempt whose id it names, it
    /// never changes persistent state, and it is never answered.
    /// </summary>
    public static class ErrorDatagram
    {
        /// <summary>Writes an ERROR into buffer[0..8); returns its length.</summary>
        public static int Write(byte[] buffer, byte code, uint receiverId)
        {
            buffer[0] = WireFormat.Version;
            buffer[1] = MessageType.Error;
            buffer[2] = code;
            buffer[3] = WireFormat.Version;
            ByteIo.WriteU32Le(buffer, 4, receiverId);
            return WireFormat.ErrorLength;
        }

        /// <summary>Error code of an ERROR at offset.</summary>
        public static int Code(byte[] buffer, int offset)
        {
            return buffer[offset + 2];
        }

        /// <summary>Receiver id of an ERROR at offset.</summary>
        public static uint ReceiverId(byte[] buffer, int offset)
        {
            return ByteIo.ReadU32Le(buffer, offset + 4);
        }
    }
}
