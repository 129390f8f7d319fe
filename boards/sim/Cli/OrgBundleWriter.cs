// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Text;
using NSec.Cryptography;
using Phone.Firmware.Trust;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// Builds an organisation bundle (OrgBundleLayout; docs/device.md §5b) and checks every part the
    /// administrator gives before a phone sees it: each certificate and the list must verify under
    /// the organisation key (NSec) and carry its id, and no phone key may appear twice. Phones check
    /// it all again natively; this is so a mistake shows on the administrator's desk, not at boot.
    /// </summary>
    internal static class OrgBundleWriter
    {
        private const int CertPhoneKeyOffset = 42;
        private const int CertOrgIdOffset = 2;
        private const int SignatureLength = 64;

        /// <summary>A bundle with no organisation (what the boards ship with).</summary>
        internal static byte[] Empty()
        {
            byte[] bundle = new byte[OrgBundleLayout.HeaderBytes];
            OrgBundleLayout.Magic.CopyTo(bundle, 0);
            bundle[OrgBundleLayout.FormatOffset] = OrgBundleLayout.Format;
            return bundle;
        }

        /// <summary>The bundle, or null and the first problem found.</summary>
        internal static byte[] Build(PublicKey org, string orgName, IReadOnlyList<byte[]> certificates, byte[] list, out string problem)
        {
            byte[] name = Encoding.UTF8.GetBytes(orgName);
            problem = name.Length == 0 || name.Length > OrgBundleLayout.MaxNameBytes
                ? "the organisation name must be 1 to " + OrgBundleLayout.MaxNameBytes + " bytes of UTF-8"
                : Check(org, certificates, list);
            if (problem == null && certificates.Count > OrgBundleLayout.MaxEntries)
            {
                problem = "at most " + OrgBundleLayout.MaxEntries + " certificates in one bundle";
            }

            if (problem != null)
            {
                return null; // every certificate is known to be well-formed below
            }

            var sorted = new List<byte[]>(certificates);
            sorted.Sort((a, b) => PhoneKey(a).AsSpan().SequenceCompareTo(PhoneKey(b)));
            for (int i = 1; problem == null && i < sorted.Count; i++)
            {
                if (PhoneKey(sorted[i]).AsSpan().SequenceEqual(PhoneKey(sorted[i - 1])))
                {
                    problem = "two certificates for phone key " + Convert.ToHexString(PhoneKey(sorted[i])).ToLowerInvariant();
                }
            }

            return problem == null ? Layout(OrgKeyFile.Raw(org), name, sorted, list) : null;
        }

        private static string Check(PublicKey org, IReadOnlyList<byte[]> certificates, byte[] list)
        {
            byte[] orgId = OrgDocuments.OrgId(OrgKeyFile.Raw(org));
            for (int i = 0; i < certificates.Count; i++)
            {
                byte[] cert = certificates[i];
                if (cert.Length < CertPhoneKeyOffset + 32 + SignatureLength || cert.Length > OrgBundleLayout.MaxCertificateBytes)
                {
                    return "certificate " + (i + 1) + ": not a phone certificate (" + cert.Length + " bytes)";
                }

                if (!cert.AsSpan(CertOrgIdOffset, OrgDocuments.IdLength).SequenceEqual(orgId) || !Signed(org, OrgDocuments.CertLabel, cert))
                {
                    return "certificate " + (i + 1) + ": not issued by this organisation key";
                }
            }

            if (list != null && (list.Length > OrgBundleLayout.MaxListBytes || list.Length < 2 + OrgDocuments.IdLength + SignatureLength
                || !list.AsSpan(CertOrgIdOffset, OrgDocuments.IdLength).SequenceEqual(orgId) || !Signed(org, OrgDocuments.ListLabel, list)))
            {
                return "the revocation list was not issued by this organisation key";
            }

            return null;
        }

        private static bool Signed(PublicKey org, string label, byte[] document)
        {
            int bodyLength = document.Length - SignatureLength;
            byte[] message = OrgDocuments.SignedMessage(label, document.AsSpan(0, bodyLength).ToArray());
            return OrgKeyFile.Algorithm.Verify(org, message, document.AsSpan(bodyLength));
        }

        private static byte[] PhoneKey(byte[] cert)
        {
            return cert.AsSpan(CertPhoneKeyOffset, OrgBundleLayout.KeyBytes).ToArray();
        }

        private static byte[] Layout(byte[] orgKey, byte[] name, List<byte[]> sorted, byte[] list)
        {
            byte[] bundle = new byte[OrgBundleLayout.HeaderBytes + sorted.Count * OrgBundleLayout.EntryBytes];
            Empty().CopyTo(bundle, 0);
            bundle[OrgBundleLayout.NameLengthOffset] = (byte)name.Length;
            name.CopyTo(bundle, OrgBundleLayout.NameOffset);
            orgKey.CopyTo(bundle, OrgBundleLayout.OrgKeyOffset);
            WriteU16(bundle, OrgBundleLayout.ListLengthOffset, list == null ? 0 : list.Length);
            list?.CopyTo(bundle, OrgBundleLayout.ListOffset);
            WriteU16(bundle, OrgBundleLayout.CountOffset, sorted.Count);
            for (int i = 0; i < sorted.Count; i++)
            {
                int at = OrgBundleLayout.HeaderBytes + i * OrgBundleLayout.EntryBytes;
                PhoneKey(sorted[i]).CopyTo(bundle, at);
                bundle[at + OrgBundleLayout.EntryCertLengthOffset] = (byte)sorted[i].Length;
                sorted[i].CopyTo(bundle, at + OrgBundleLayout.EntryCertOffset);
            }

            return bundle;
        }

        private static void WriteU16(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }
    }
}
