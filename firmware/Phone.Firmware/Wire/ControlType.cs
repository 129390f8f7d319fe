// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Control message types inside SECURE/CONTROL packets. Body:
    /// [type][sequence u32 LE][arguments]; sequence 0 = unreliable (never acknowledged).
    /// </summary>
    public static class ControlType
    {
        /// <summary>Acknowledges a reliable message; argument: its sequence (u32 LE).</summary>
        public const byte Ack = 1;
        /// <summary>"My handshake is complete": XX responder after msg 3, IK caller after msg 2.</summary>
        public const byte Ready = 2;
        /// <summary>The user confirmed that the codes match.</summary>
        public const byte Confirm = 3;
        /// <summary>The user rejected (or the code/commitment check failed); argument: reason byte.</summary>
        public const byte Reject = 4;
        /// <summary>The callee answered the call.</summary>
        public const byte Answer = 5;
        /// <summary>Hang up; argument: reason byte.</summary>
        public const byte HangUp = 6;
        /// <summary>DH re-key offer; argument: 32-byte ephemeral public key.</summary>
        public const byte RekeyOffer = 7;
        /// <summary>DH re-key answer; argument: 32-byte ephemeral public key.</summary>
        public const byte RekeyAnswer = 8;
        /// <summary>Keeps an idle call alive (unreliable).</summary>
        public const byte KeepAlive = 9;

        /// <summary>Printable name.</summary>
        public static string Name(int type)
        {
            switch (type)
            {
                case Ack: return "ACK";
                case Ready: return "READY";
                case Confirm: return "CONFIRM";
                case Reject: return "REJECT";
                case Answer: return "ANSWER";
                case HangUp: return "HANGUP";
                case RekeyOffer: return "REKEY_OFFER";
                case RekeyAnswer: return "REKEY_ANSWER";
                case KeepAlive: return "KEEPALIVE";
                default: return "control " + type.ToString();
            }
        }
    }
}
