// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Ui
{
    /// <summary>Security badge shown on call screens.</summary>
    public enum Badge
    {
        /// <summary>No badge.</summary>
        None = 0,
        /// <summary>Peer's key pinned and confirmed by comparing codes.</summary>
        Verified = 1,
        /// <summary>Encrypted, but the peer's key was not confirmed.</summary>
        Unverified = 2,
        /// <summary>The peer's key differs from the pinned one.</summary>
        Warning = 3,
        /// <summary>The peer's key is vouched for by this phone's organisation (its certificate verified).</summary>
        OrgVerified = 4
    }
}
