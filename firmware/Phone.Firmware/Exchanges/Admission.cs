// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Exchanges
{
    /// <summary>What the cookie gate decided about one first-message datagram (docs/protocol.md §11).</summary>
    internal enum Admission
    {
        /// <summary>mac1 did not verify: nothing more is spent on it.</summary>
        BadMac = 0,

        /// <summary>mac1 verified, no valid mac2, not under load: the usual rate limits apply.</summary>
        Unproven = 1,

        /// <summary>mac1 and mac2 verified: the source owns its address; only its own rate limit applies.</summary>
        Proven = 2,

        /// <summary>Under load without a valid mac2: answered by COOKIE_REPLY, nothing else.</summary>
        CookieSent = 3
    }
}
