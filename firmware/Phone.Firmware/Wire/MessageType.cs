// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Datagram types (byte [1]). Values are part of the wire format.</summary>
    public static class MessageType
    {
        /// <summary>Pairing, Noise XX message 1 (payload: nonce commitment).</summary>
        public const byte Pair1 = 1;
        /// <summary>Pairing, Noise XX message 2 (payload: responder nonce and name).</summary>
        public const byte Pair2 = 2;
        /// <summary>Pairing, Noise XX message 3 (payload: initiator nonce and name).</summary>
        public const byte Pair3 = 3;
        /// <summary>Call, Noise IKpsk2 message 1.</summary>
        public const byte Call1 = 4;
        /// <summary>Call, Noise IKpsk2 message 2.</summary>
        public const byte Call2 = 5;
        /// <summary>Responder cannot continue IKpsk2: caller should run VERIFY (XX). Unauthenticated.</summary>
        public const byte CallFallback = 6;
        /// <summary>In-call XX fallback message 1 (like Pair1, plus call info).</summary>
        public const byte Verify1 = 7;
        /// <summary>In-call XX fallback message 2.</summary>
        public const byte Verify2 = 8;
        /// <summary>In-call XX fallback message 3.</summary>
        public const byte Verify3 = 9;
        /// <summary>A packet sealed by a session (MEDIA or CONTROL inside).</summary>
        public const byte Secure = 10;

        /// <summary>Stateless cookie answering a first message under load (§2, §11).</summary>
        public const byte CookieReply = 11;
        /// <summary>Unauthenticated error notice. Never answered, in any version.</summary>
        public const byte Error = 255;

        /// <summary>True for the handshake types that carry sender and receiver ids.</summary>
        public static bool IsHandshake(int type)
        {
            return type >= Pair1 && type <= Verify3;
        }

        /// <summary>Printable name (enum.ToString prints numbers on nanoFramework).</summary>
        public static string Name(int type)
        {
            switch (type)
            {
                case Pair1: return "PAIR_1";
                case Pair2: return "PAIR_2";
                case Pair3: return "PAIR_3";
                case Call1: return "CALL_1";
                case Call2: return "CALL_2";
                case CallFallback: return "CALL_FALLBACK";
                case Verify1: return "VERIFY_1";
                case Verify2: return "VERIFY_2";
                case Verify3: return "VERIFY_3";
                case Secure: return "SECURE";
                case CookieReply: return "COOKIE_REPLY";
                case Error: return "ERROR";
                default: return "type " + type.ToString();
            }
        }
    }
}
