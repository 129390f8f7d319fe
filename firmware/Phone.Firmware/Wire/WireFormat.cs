// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Layout constants shared by every datagram (docs/protocol.md §2):
    /// [0] version, [1] type, then type-specific bytes; at most 1200 bytes.
    /// </summary>
    public static class WireFormat
    {
        /// <summary>The only protocol version this firmware speaks.</summary>
        public const byte Version = 2;

        /// <summary>Largest datagram sent or accepted.</summary>
        public const int MaxDatagram = 1200;

        /// <summary>Offset of the version byte.</summary>
        public const int VersionOffset = 0;

        /// <summary>Offset of the type byte.</summary>
        public const int TypeOffset = 1;

        /// <summary>Handshake datagrams: offset of the 4-byte sender session id (LE).</summary>
        public const int SenderIdOffset = 2;

        /// <summary>Handshake datagrams: offset of the 4-byte receiver session id (LE, 0 in first messages).</summary>
        public const int ReceiverIdOffset = 6;

        /// <summary>Handshake datagrams: offset of the Noise message.</summary>
        public const int HandshakeBodyOffset = 10;

        /// <summary>SECURE datagrams: offset of the key-phase byte (written by the native core).</summary>
        public const int PhaseOffset = 2;

        /// <summary>SECURE datagrams: offset of the inner kind (MEDIA or CONTROL).</summary>
        public const int InnerKindOffset = 3;

        /// <summary>SECURE datagrams: offset of the receiver session id (LE).</summary>
        public const int SecureReceiverOffset = 4;

        /// <summary>SECURE datagrams: offset of the 8-byte counter (written by the native core).</summary>
        public const int CounterOffset = 8;

        /// <summary>SECURE header length without RTP (CONTROL packets).</summary>
        public const int SecureHeaderLength = 16;

        /// <summary>RTP fixed header length (no CSRC, no extension).</summary>
        public const int RtpHeaderLength = 12;

        /// <summary>SECURE header length of MEDIA packets: secure header plus RTP header.</summary>
        public const int MediaHeaderLength = SecureHeaderLength + RtpHeaderLength;

        /// <summary>Poly1305 tag appended by sealing.</summary>
        public const int TagLength = 16;

        /// <summary>ERROR datagram length: [ver][type][code][supported version][receiver id 4].</summary>
        public const int ErrorLength = 8;
    }
}
