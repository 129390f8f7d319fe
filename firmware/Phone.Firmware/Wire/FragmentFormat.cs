// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Fragmented handshake messages (docs/protocol.md §2.1). PAIR_1/2 and VERIFY_1/2 carry the
    /// ML-KEM-768 public key or ciphertext, so each is sent as ordinary handshake datagrams of its
    /// own type: [ver][type][sender id][receiver id][index][count][chunk]. Every chunk but the
    /// last is MaxChunk bytes; a fragment leaves MacReserve bytes of the 1,200 for the cookie
    /// trailer that may be appended at the datagram level.
    /// </summary>
    public static class FragmentFormat
    {
        /// <summary>Offset of the fragment index (0-based).</summary>
        public const int IndexOffset = WireFormat.HandshakeBodyOffset;

        /// <summary>Offset of the fragment count (1..MaxFragments).</summary>
        public const int CountOffset = WireFormat.HandshakeBodyOffset + 1;

        /// <summary>Fragment header: the handshake header plus index and count.</summary>
        public const int HeaderLength = WireFormat.HandshakeBodyOffset + 2;

        /// <summary>Room left in every fragment for a datagram-level MAC trailer (mac1 16 + mac2 16).</summary>
        public const int MacReserve = 32;

        /// <summary>Bytes of the message body in every fragment but the last (the last: 1..MaxChunk).</summary>
        public const int MaxChunk = WireFormat.MaxDatagram - MacReserve - HeaderLength;

        /// <summary>Most fragments of one message.</summary>
        public const int MaxFragments = 2;

        /// <summary>Largest body (bytes after the handshake header) of a reassembled message.</summary>
        public const int MaxBody = MaxFragments * MaxChunk;

        /// <summary>Largest whole handshake message: header plus MaxBody.</summary>
        public const int MaxMessage = WireFormat.HandshakeBodyOffset + MaxBody;

        /// <summary>True for the types that always travel as fragments.</summary>
        public static bool IsFragmented(int type)
        {
            return type == MessageType.Pair1 || type == MessageType.Pair2
                   || type == MessageType.Verify1 || type == MessageType.Verify2;
        }

        /// <summary>Fragments a body of bodyLength bytes takes (at least 1).</summary>
        public static int CountFor(int bodyLength)
        {
            return bodyLength <= MaxChunk ? 1 : (bodyLength + MaxChunk - 1) / MaxChunk;
        }
    }
}
