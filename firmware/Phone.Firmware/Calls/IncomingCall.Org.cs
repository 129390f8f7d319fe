// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>The callee's first call from a phone that is not a contact (docs/protocol.md §18.3).</summary>
    internal partial class IncomingCall
    {
        /// <summary>
        /// After VERIFY_3 from an unknown key: pinned "verified by the organisation" and ringing without a
        /// code when its certificate verified, else ringing with the code (the reason a certificate was
        /// refused in the ringing note).
        /// </summary>
        private void RingAfterVerify()
        {
            if (Xx.Org.Verified && !PinOrgVerified())
            {
                return;
            }

            Ring(CallEvent.Verify3);
        }
    }
}
