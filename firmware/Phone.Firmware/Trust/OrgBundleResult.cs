// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Trust
{
    /// <summary>What applying the image's organisation bundle at start came to (OrgBundle.Apply).</summary>
    public enum OrgBundleResult
    {
        /// <summary>The bundle carries no organisation: nothing to do.</summary>
        NoOrganisation,

        /// <summary>The organisation and this phone's certificate were already installed, byte for byte.</summary>
        Unchanged,

        /// <summary>The organisation and this phone's certificate are now installed.</summary>
        Installed,

        /// <summary>Installed, replacing another organisation's (a key rotation or a move).</summary>
        OrganisationChanged,

        /// <summary>The bundle names an organisation but has no certificate for this phone's key.</summary>
        NotListed,

        /// <summary>The bundle is not a well-formed bundle; nothing was changed.</summary>
        Malformed,

        /// <summary>The native core refused the certificate or list (Detail says why); nothing was changed.</summary>
        Refused,
    }
}
