// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Sizes of the handshake payloads (docs/protocol.md §4). All payloads are
    /// fixed layouts; a payload of any other length is malformed.
    /// </summary>
    public static class PayloadLayout
    {
        /// <summary>Pairing/verify nonce N_i or N_r.</summary>
        public const int NonceLength = 32;

        /// <summary>Commitment H("phone/v1/commit" || N_i).</summary>
        public const int CommitLength = 32;

        /// <summary>Longest display name in UTF-8 bytes.</summary>
        public const int MaxName = 32;

        /// <summary>Call info: call id u32 LE + codec byte.</summary>
        public const int CallInfoLength = 5;

        /// <summary>CALL_1 payload: resumption generation u32 LE + call info.</summary>
        public const int Call1Length = 4 + CallInfoLength;

        /// <summary>CALL_2 payload: call info echoed.</summary>
        public const int Call2Length = CallInfoLength;

        /// <summary>CALL_FALLBACK body after the 10-byte header: reason byte.</summary>
        public const int FallbackLength = 1;

        /// <summary>Codec id: G.711 µ-law, 20 ms frames (RTP payload type 0).</summary>
        public const byte CodecPcmu = 0;
    }
}
