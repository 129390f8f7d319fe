// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Wire
{
    /// <summary>
    /// COOKIE_REPLY (docs/protocol.md §2, §11): [version][11][receiver id u32 LE][nonce 24][sealed cookie 16][tag 16],
    /// 62 bytes. The receiver id is the sender id of the first message it answers.
    /// </summary>
    public static class CookieReplyDatagram
    {
        /// <summary>Offset of the receiver id.</summary>
        public const int ReceiverIdOffset = 2;

        /// <summary>Offset of nonce ‖ sealed cookie ‖ tag.</summary>
        public const int SealedOffset = 6;

        /// <summary>The whole datagram.</summary>
        public const int Length = SealedOffset + CookieMacs.SealedLength;

        /// <summary>Writes the header; the native core writes the sealed part at SealedOffset.</summary>
        public static void WriteHeader(byte[] buffer, uint receiverId)
        {
            buffer[WireFormat.VersionOffset] = WireFormat.Version;
            buffer[WireFormat.TypeOffset] = MessageType.CookieReply;
            ByteIo.WriteU32Le(buffer, ReceiverIdOffset, receiverId);
        }

        /// <summary>The receiver id of a COOKIE_REPLY at buffer[offset..].</summary>
        public static uint ReceiverId(byte[] buffer, int offset)
        {
            return ByteIo.ReadU32Le(buffer, offset + ReceiverIdOffset);
        }
    }
}
