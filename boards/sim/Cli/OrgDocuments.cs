// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Text;
using NSec.Cryptography;
using Phone.Crypto;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// The two documents the organisation signs (docs/protocol.md §18): a phone certificate and
    /// a revocation list, encoded exactly as the native parsers read them and signed with
    /// NSec's Ed25519 over the domain-separated message ("phone/v1/org-cert" or
    /// "phone/v1/org-crl", a zero byte, then every byte before the signature).
    /// </summary>
    internal static class OrgDocuments
    {
        internal const int IdLength = 16;
        internal const int MaxNameBytes = 32;
        internal const int MaxRevokedSerials = 32;
        internal const string CertLabel = "phone/v1/org-cert";
        internal const string ListLabel = "phone/v1/org-crl";
        private const string IdLabel = "phone/v1/org-id";

        /// <summary>The organisation id: the first 16 bytes of BLAKE2b-256("phone/v1/org-id" ‖ public key).</summary>
        internal static byte[] OrgId(byte[] orgPublicKey)
        {
            CryptoCore.SelfTest(); // the native core runs nothing before it (idempotent)
            byte[] input = Concat(Encoding.ASCII.GetBytes(IdLabel), orgPublicKey);
            byte[] digest = new byte[32];
            CryptoCore.Hash(input, digest);
            return digest.AsSpan(0, IdLength).ToArray();
        }

        /// <summary>A signed certificate for the phone's X25519 identity key.</summary>
        internal static byte[] Certificate(Key org, byte[] phoneKey, string name, ulong serial, ulong notBefore, ulong notAfter)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            var body = new List<byte> { 1, (byte)nameBytes.Length };
            body.AddRange(OrgId(OrgKeyFile.Raw(org.PublicKey)));
            body.AddRange(Le64(serial));
            body.AddRange(Le64(notBefore));
            body.AddRange(Le64(notAfter));
            body.AddRange(phoneKey);
            body.AddRange(nameBytes);
            return Signed(org, CertLabel, body.ToArray());
        }

        /// <summary>A signed revocation list: version (monotonic), issue time, revoked serials.</summary>
        internal static byte[] RevocationList(Key org, uint version, ulong issuedAt, IReadOnlyList<ulong> serials)
        {
            var body = new List<byte> { 1, (byte)serials.Count };
            body.AddRange(OrgId(OrgKeyFile.Raw(org.PublicKey)));
            body.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(version) : Reverse(BitConverter.GetBytes(version)));
            body.AddRange(Le64(issuedAt));
            foreach (ulong s in serials)
            {
                body.AddRange(Le64(s));
            }

            return Signed(org, ListLabel, body.ToArray());
        }

        /// <summary>The message a document's signature covers (for the openssl cross-check).</summary>
        internal static byte[] SignedMessage(string label, byte[] body)
        {
            return Concat(Concat(Encoding.ASCII.GetBytes(label), new byte[] { 0 }), body);
        }

        private static byte[] Signed(Key org, string label, byte[] body)
        {
            byte[] signature = OrgKeyFile.Algorithm.Sign(org, SignedMessage(label, body));
            return Concat(body, signature);
        }

        private static byte[] Le64(ulong v)
        {
            byte[] b = BitConverter.GetBytes(v);
            return BitConverter.IsLittleEndian ? b : Reverse(b);
        }

        private static byte[] Reverse(byte[] b)
        {
            Array.Reverse(b);
            return b;
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] r = new byte[a.Length + b.Length];
            Buffer.BlockCopy(a, 0, r, 0, a.Length);
            Buffer.BlockCopy(b, 0, r, a.Length, b.Length);
            return r;
        }
    }
}
