// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Control bodies inside SECURE/CONTROL packets: [type][sequence u32 LE][arguments].
    /// Each type has one fixed argument length; anything else is malformed.
    /// </summary>
    public static class ControlMessage
    {
        /// <summary>Bytes before the arguments.</summary>
        public const int FixedLength = 5;

        /// <summary>Largest argument block (a re-key public key).</summary>
        public const int MaxArgs = 32;

        /// <summary>Argument length of a control type, or -1 for an unknown type.</summary>
        public static int ArgsLength(int type)
        {
            switch (type)
            {
                case ControlType.Ack: return 4;
                case ControlType.Ready:
                case ControlType.Confirm:
                case ControlType.Answer:
                case ControlType.KeepAlive: return 0;
                case ControlType.Reject:
                case ControlType.HangUp: return 1;
                case ControlType.RekeyOffer:
                case ControlType.RekeyAnswer: return 32;
                default: return -1;
            }
        }

        /// <summary>True when body[offset..offset+count) is a well-formed control body.</summary>
        public static bool IsWellFormed(byte[] body, int offset, int count)
        {
            if (count < FixedLength)
            {
                return false;
            }

            int args = ArgsLength(body[offset]);
            return args >= 0 && count == FixedLength + args;
        }

        /// <summary>Writes [type][seq] at offset and copies args; returns the body length.</summary>
        public static int Write(byte[] buffer, int offset, byte type, uint sequence, byte[] args, int argsLength)
        {
            buffer[offset] = type;
            ByteIo.WriteU32Le(buffer, offset + 1, sequence);
            for (int i = 0; i < argsLength; i++)
            {
                buffer[offset + FixedLength + i] = args[i];
            }

            return FixedLength + argsLength;
        }
    }
}
