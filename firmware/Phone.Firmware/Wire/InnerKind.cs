// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>What a SECURE packet carries (header byte [3], authenticated).</summary>
    public static class InnerKind
    {
        /// <summary>One RTP media frame; the RTP header is part of the sealed header.</summary>
        public const byte Media = 1;

        /// <summary>A control message (confirm, reject, answer, hang-up, re-key, ack...).</summary>
        public const byte Control = 2;
    }
}
