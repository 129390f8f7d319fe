// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Handshake datagrams: [ver][type][sender id u32 LE][receiver id u32 LE][Noise message].
    /// Session ids are random, non-zero, chosen by each side for itself (like
    /// WireGuard's indices); receiver id 0 means "first message".
    /// </summary>
    public static class HandshakeDatagram
    {
        /// <summary>Writes the 10-byte header into buffer[0..10).</summary>
        public static void WriteHeader(byte[] buffer, byte type, uint senderId, uint receiverId)
        {
            buffer[WireFormat.VersionOffset] = WireFormat.Version;
            buffer[WireFormat.TypeOffset] = type;
            ByteIo.WriteU32Le(buffer, WireFormat.SenderIdOffset, senderId);
            ByteIo.WriteU32Le(buffer, WireFormat.ReceiverIdOffset, receiverId);
        }

        /// <summary>Sender id of a handshake datagram at offset.</summary>
        public static uint SenderId(byte[] buffer, int offset)
        {
            return ByteIo.ReadU32Le(buffer, offset + WireFormat.SenderIdOffset);
        }

        /// <summary>Receiver id of a handshake datagram at offset.</summary>
        public static uint ReceiverId(byte[] buffer, int offset)
        {
            return ByteIo.ReadU32Le(buffer, offset + WireFormat.ReceiverIdOffset);
        }

        /// <summary>
        /// Length check of a whole handshake message of the given type (a fragmented one after
        /// reassembly; message 1 ends with the ML-KEM public key, message 2 starts with the ciphertext):
        /// Truncated, Oversized, or None within the sizes its Noise message and payload allow.
        /// </summary>
        public static DropReason CheckLength(int type, int count)
        {
            if (FirstMessageLayout.IsFirst(type))
            {
                // A fragmented first message is checked here whole, without the per-fragment padding and MACs.
                int want = FragmentFormat.IsFragmented(type)
                    ? FirstBodyLength(type)
                    : FirstMessageLayout.DatagramLength(FirstBodyLength(type));
                return count < want ? DropReason.Truncated : count > want ? DropReason.Oversized : DropReason.None;
            }

            int noise = count - WireFormat.HandshakeBodyOffset;
            int min = MinNoise(type);
            int max = min + (type == MessageType.Pair2 || type == MessageType.Pair3
                             || type == MessageType.Verify2 || type == MessageType.Verify3
                ? PayloadLayout.MaxName + Trust.OrgSection.MaxLength : 0);
            if (type == MessageType.CallFallback)
            {
                min = PayloadLayout.FallbackLength;
                max = min;
            }

            if (noise < min)
            {
                return DropReason.Truncated;
            }

            return noise > max ? DropReason.Oversized : DropReason.None;
        }

        /// <summary>Header + Noise message of a first message, without its padding and MACs.</summary>
        public static int FirstBodyLength(int type)
        {
            return WireFormat.HandshakeBodyOffset + MinNoise(type);
        }

        private static int MinNoise(int type)
        {
            const int e = 32;
            const int sEnc = 32 + 16;
            const int tag = 16;
            const int ek = Phone.Crypto.CryptoCore.KemPublicKeyLength;
            const int ct = Phone.Crypto.CryptoCore.KemCiphertextLength;
            switch (type)
            {
                case MessageType.Pair1: return e + PayloadLayout.CommitLength + ek;
                case MessageType.Verify1: return e + PayloadLayout.CommitLength + PayloadLayout.CallInfoLength + ek;
                case MessageType.Pair2:
                case MessageType.Verify2: return ct + e + sEnc + PayloadLayout.NonceLength + 1 + tag;
                case MessageType.Pair3:
                case MessageType.Verify3: return sEnc + PayloadLayout.NonceLength + 1 + tag;
                case MessageType.Call1: return e + sEnc + PayloadLayout.Call1Length + tag;
                case MessageType.Call2: return e + PayloadLayout.Call2Length + tag;
                default: return 0;
            }
        }
    }
}
