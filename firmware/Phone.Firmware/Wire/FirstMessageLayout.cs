// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Wire
{
    /// <summary>
    /// The tail of every first-message datagram (PAIR_1, CALL_1, VERIFY_1; docs/protocol.md §2):
    /// header ‖ Noise message ‖ zero padding ‖ mac1 (16) ‖ mac2 (16). Padded to PaddedLength so
    /// that no reply a responder sends to it (PAIR_2/VERIFY_2 at most 171 bytes, CALL_2,
    /// CALL_FALLBACK, ERROR, COOKIE_REPLY) is larger than the request: no reflection gain.
    /// </summary>
    public static class FirstMessageLayout
    {
        /// <summary>Smallest first-message datagram: the largest reply to one (PAIR_2 / VERIFY_2 with a 32-byte name).</summary>
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

        /// <summary>Zero padding and zero MACs after the body at buffer[0..bodyLength); returns the datagram length.</summary>
        public static int Finish(byte[] buffer, int bodyLength)
        {
            int length = DatagramLength(bodyLength);
            System.Array.Clear(buffer, bodyLength, length - bodyLength);
            return length;
        }

        /// <summary>Offset of mac1 inside a first-message datagram of count bytes.</summary>
        public static int Mac1Offset(int count)
        {
            return count - CookieMacs.MacsLength;
        }
    }
}
