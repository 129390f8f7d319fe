// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Trust
{
    /// <summary>
    /// Installs this phone's organisation from the bundle deployed with the application image
    /// (docs/device.md §5b): reads the header, finds this phone's entry by binary search over the
    /// sorted phone keys, and hands the certificate to OrgStore, which verifies everything natively
    /// (signature, this phone's key, name). Writes flash only when something differs from what is
    /// installed, so a restart with the same image writes nothing. Every public value read here is
    /// checked for range before use; certificates are parsed only by the native core.
    /// </summary>
    public static class OrgBundle
    {
        /// <summary>Applies the bundle to an open store. Never throws for bad bundle data.</summary>
        public static OrgBundleOutcome Apply(KeyStore store, IDeploymentResource bundle)
        {
            byte[] header = new byte[OrgBundleLayout.HeaderBytes];
            string problem = ReadHeader(bundle, header);
            if (problem != null)
            {
                return OrgBundleOutcome.Of(OrgBundleResult.Malformed, null, problem);
            }

            int nameLength = header[OrgBundleLayout.NameLengthOffset];
            if (nameLength == 0)
            {
                return OrgBundleOutcome.Of(OrgBundleResult.NoOrganisation, null, null);
            }

            string orgName = Utf8.GetString(header, OrgBundleLayout.NameOffset, nameLength);
            byte[] orgKey = Slice(header, OrgBundleLayout.OrgKeyOffset, OrgBundleLayout.KeyBytes);
            int count = ByteIo.ReadU16Le(header, OrgBundleLayout.CountOffset);
            byte[] certificate = FindCertificate(bundle, count, store.IdentityPublicKey(), out problem);
            if (problem != null)
            {
                return OrgBundleOutcome.Of(OrgBundleResult.Malformed, orgName, problem);
            }

            var org = new OrgStore(store);
            OrgBundleOutcome outcome = certificate == null
                ? OrgBundleOutcome.Of(OrgBundleResult.NotListed, orgName, null)
                : Install(org, orgKey, orgName, certificate);
            return outcome.Result == OrgBundleResult.Refused ? outcome : OfferList(org, header, orgKey, outcome);
        }

        private static string ReadHeader(IDeploymentResource bundle, byte[] header)
        {
            if (bundle.Read(0, header, header.Length) != header.Length)
            {
                return "shorter than its header";
            }

            for (int i = 0; i < OrgBundleLayout.Magic.Length; i++)
            {
                if (header[i] != OrgBundleLayout.Magic[i])
                {
                    return "not an organisation bundle";
                }
            }

            if (header[OrgBundleLayout.FormatOffset] != OrgBundleLayout.Format)
            {
                return "bundle format " + header[OrgBundleLayout.FormatOffset].ToString() + " is not 1";
            }

            int nameLength = header[OrgBundleLayout.NameLengthOffset];
            int listLength = ByteIo.ReadU16Le(header, OrgBundleLayout.ListLengthOffset);
            int count = ByteIo.ReadU16Le(header, OrgBundleLayout.CountOffset);
            if (nameLength > OrgBundleLayout.MaxNameBytes || listLength > OrgBundleLayout.MaxListBytes
                || count > OrgBundleLayout.MaxEntries)
            {
                return "a length field is out of range";
            }

            if (nameLength == 0 && (listLength != 0 || count != 0))
            {
                return "entries without an organisation";
            }

            return ExactLength(bundle, OrgBundleLayout.HeaderBytes + count * OrgBundleLayout.EntryBytes);
        }

        // The resource must end exactly after the last entry: a truncated or padded image is refused.
        private static string ExactLength(IDeploymentResource bundle, int length)
        {
            byte[] probe = new byte[1];
            if (bundle.Read(length - 1, probe, 1) != 1)
            {
                return "shorter than its entry count says";
            }

            return bundle.Read(length, probe, 1) == 0 ? null : "longer than its entry count says";
        }

        // Binary search for this phone's key; null (no problem) when it is not listed.
        private static byte[] FindCertificate(IDeploymentResource bundle, int count, byte[] ownKey, out string problem)
        {
            problem = null;
            byte[] entry = new byte[OrgBundleLayout.EntryBytes];
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                bundle.Read(OrgBundleLayout.HeaderBytes + middle * OrgBundleLayout.EntryBytes, entry, entry.Length);
                int order = Compare(entry, ownKey);
                if (order == 0)
                {
                    int length = entry[OrgBundleLayout.EntryCertLengthOffset];
                    if (length == 0 || length > OrgBundleLayout.MaxCertificateBytes)
                    {
                        problem = "certificate length out of range";
                        return null;
                    }

                    return Slice(entry, OrgBundleLayout.EntryCertOffset, length);
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return null;
        }

        private static OrgBundleOutcome Install(OrgStore org, byte[] orgKey, string orgName, byte[] certificate)
        {
            OrgInfo before = Installed(org);
            if (before != null && Same(before.PublicKey, orgKey) && before.Name == orgName
                && Same(org.Certificate(), certificate))
            {
                return OrgBundleOutcome.Of(OrgBundleResult.Unchanged, orgName, null);
            }

            try
            {
                org.Install(orgKey, orgName, certificate);
            }
            catch (CryptoException e)
            {
                return OrgBundleOutcome.Of(OrgBundleResult.Refused, orgName, CryptoStatus.Describe(e.Status));
            }

            if (before == null || Same(before.PublicKey, orgKey))
            {
                return OrgBundleOutcome.Of(OrgBundleResult.Installed, orgName, null);
            }

            OrgBundleOutcome moved = OrgBundleOutcome.Of(OrgBundleResult.OrganisationChanged, orgName, null);
            moved.PreviousOrganisation = before.Name;
            return moved;
        }

        // The bundle's list goes to a phone of the same organisation only, after the certificate (it is
        // verified under the installed key); an older one than the phone holds (learned from peers) is
        // normal and changes nothing; a bad one is refused and reported beside the certificate's result.
        private static OrgBundleOutcome OfferList(OrgStore org, byte[] header, byte[] orgKey, OrgBundleOutcome outcome)
        {
            int listLength = ByteIo.ReadU16Le(header, OrgBundleLayout.ListLengthOffset);
            OrgInfo info = Installed(org);
            if (listLength == 0 || info == null || !Same(info.PublicKey, orgKey))
            {
                return outcome;
            }

            try
            {
                if (org.OfferRevocationList(Slice(header, OrgBundleLayout.ListOffset, listLength), listLength))
                {
                    outcome.ListVersion = Installed(org).RevocationListVersion;
                }
            }
            catch (CryptoException e)
            {
                if (e.Status != CryptoStatus.RevocationListOld)
                {
                    outcome.ListProblem = CryptoStatus.Describe(e.Status); // the certificate part stands
                }
            }

            return outcome;
        }

        private static OrgInfo Installed(OrgStore org)
        {
            try
            {
                return org.Installed ? org.Info() : null;
            }
            catch (CryptoException)
            {
                return null; // a damaged record is replaced by a good install, as OrgStore.Install allows
            }
        }

        // Public keys only: no constant-time comparison needed.
        private static int Compare(byte[] entry, byte[] key)
        {
            for (int i = 0; i < OrgBundleLayout.KeyBytes; i++)
            {
                if (entry[i] != key[i])
                {
                    return entry[i] < key[i] ? -1 : 1;
                }
            }

            return 0;
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] Slice(byte[] source, int offset, int length)
        {
            byte[] result = new byte[length];
            System.Array.Copy(source, offset, result, 0, length);
            return result;
        }
    }
}
