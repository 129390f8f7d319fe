// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Wire
{
    /// <summary>
    /// The tail of every first-message datagram (PAIR_1, CALL_1, VERIFY_1; docs/protocol.md §2):
    /// header ‖ Noise message ‖ zero padding ‖ mac1 (16) ‖ mac2 (16). PAIR_1 and VERIFY_1 are
    /// fragmented (§2.1): each of their fragments is such a datagram, [fragment header][chunk]
    /// ‖ padding ‖ mac1 ‖ mac2, in the FragmentFormat.MacReserve bytes a fragment leaves free.
    /// A datagram shorter than PaddedLength is padded to it so that no single-datagram reply
    /// (CALL_2, CALL_FALLBACK, ERROR, COOKIE_REPLY) is larger than the request; the fragments
    /// of PAIR_2/VERIFY_2 (without an organisation section) answer a larger PAIR_1/VERIFY_1.
    /// </summary>
    public static class FirstMessageLayout
    {
        /// <summary>Smallest first-message datagram: the classical PAIR_2 / VERIFY_2 with a 32-byte name.</summary>
        public const int PaddedLength = 171;

        /// <summary>
        /// True for the types whose datagrams carry mac1 ‖ mac2. A fragment of a first message
        /// belongs here too, so that each fragment is checked before any reassembly memory is spent.
        /// </summary>
        public static bool IsFirst(int type)
        {
            return type == MessageType.Pair1 || type == MessageType.Call1 || type == MessageType.Verify1;
        }

        /// <summary>Datagram length for a header + Noise message of bodyLength bytes: padded, plus both MACs.</summary>
        public static int DatagramLength(int bodyLength)
        {
            int n = bodyLength + CookieMacs.MacsLength;
            return n < PaddedLength ? PaddedLength : n;
        }

        /// <summary>
        /// A first message about to be handed to the Retransmitter: a fragmented one is left bare
        /// (FragmentWriter pads and reserves the MACs per fragment), any other one is Pad-ded.
        /// </summary>
        public static int Finish(byte[] buffer, int bodyLength)
        {
            return FragmentFormat.IsFragmented(buffer[WireFormat.TypeOffset]) ? bodyLength : Pad(buffer, bodyLength);
        }

        /// <summary>Zero padding and zero MACs after the body at buffer[0..bodyLength); returns the datagram length.</summary>
        public static int Pad(byte[] buffer, int bodyLength)
        {
            int length = DatagramLength(bodyLength);
            System.Array.Clear(buffer, bodyLength, length - bodyLength);
            return length;
        }

        /// <summary>
        /// Length a fragment of a first message must have: its chunk follows from the fixed size
        /// of the whole message, so padding is told apart from data. -1 if index/count are wrong.
        /// </summary>
        public static int FragmentLength(int type, int index, int total)
        {
            int body = HandshakeDatagram.FirstBodyLength(type) - WireFormat.HandshakeBodyOffset;
            if (total != FragmentFormat.CountFor(body) || index >= total)
            {
                return -1;
            }

            int rest = body - index * FragmentFormat.MaxChunk;
            return DatagramLength(FragmentFormat.HeaderLength + (rest < FragmentFormat.MaxChunk ? rest : FragmentFormat.MaxChunk));
        }

        /// <summary>Offset of mac1 inside a first-message datagram of count bytes.</summary>
        public static int Mac1Offset(int count)
        {
            return count - CookieMacs.MacsLength;
        }
    }
}
