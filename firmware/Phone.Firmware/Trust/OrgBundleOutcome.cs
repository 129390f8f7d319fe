// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Trust
{
    /// <summary>The result of OrgBundle.Apply, with what the display and the debug output say about it.</summary>
    public class OrgBundleOutcome
    {
        private OrgBundleOutcome(OrgBundleResult result, string organisationName, string detail)
        {
            Result = result;
            OrganisationName = organisationName;
            Detail = detail;
        }

        /// <summary>What happened.</summary>
        public OrgBundleResult Result { get; private set; }

        /// <summary>The bundle's organisation name as text (not yet checked by the core unless installed), or null.</summary>
        public string OrganisationName { get; private set; }

        /// <summary>Why (Malformed, Refused); else null.</summary>
        public string Detail { get; private set; }

        /// <summary>The organisation replaced (OrganisationChanged); else null.</summary>
        public string PreviousOrganisation { get; internal set; }

        /// <summary>Why the bundle's revocation list was refused (nothing of it kept), or null.</summary>
        public string ListProblem { get; internal set; }

        /// <summary>The revocation list version the bundle installed, or 0 when it installed none.</summary>
        public int ListVersion { get; internal set; }

        /// <summary>True when the phone's store now holds something it did not hold before.</summary>
        public bool Changed
        {
            get
            {
                return Result == OrgBundleResult.Installed || Result == OrgBundleResult.OrganisationChanged
                    || ListVersion != 0;
            }
        }

        internal static OrgBundleOutcome Of(OrgBundleResult result, string organisationName, string detail)
        {
            return new OrgBundleOutcome(result, organisationName, detail);
        }
    }
}
