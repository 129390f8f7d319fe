// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Timing
{
    /// <summary>What a Retransmitter did when its timer fired.</summary>
    public enum RetransmitOutcome
    {
        /// <summary>Not active: nothing to do.</summary>
        Idle = 0,
        /// <summary>The message was sent again.</summary>
        Resent = 1,
        /// <summary>The overall timeout passed; retransmission stopped.</summary>
        GaveUp = 2
    }
}
