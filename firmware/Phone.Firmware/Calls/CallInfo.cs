// SPDX-License-Identifier: MIT
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Call payload fields: CALL_1 = generation u32 || call id u32 || codec;
    /// CALL_2 and VERIFY_1's extra = call id u32 || codec.
    /// </summary>
    internal static class CallInfo
    {
        /// <summary>Writes call id and codec (5 bytes) at offset.</summary>
        internal static void Write(byte[] buffer, int offset, uint callId)
        {
            ByteIo.WriteU32Le(buffer, offset, callId);
            buffer[offset + 4] = PayloadLayout.CodecPcmu;
        }

        /// <summary>The call info bytes for callId.</summary>
        internal static byte[] Bytes(uint callId)
        {
            byte[] info = new byte[PayloadLayout.CallInfoLength];
            Write(info, 0, callId);
            return info;
        }

        /// <summary>True if the codec byte at offset is one this phone speaks.</summary>
        internal static bool CodecOk(byte[] buffer, int offset)
        {
            return buffer[offset + 4] == PayloadLayout.CodecPcmu;
        }
    }
}
