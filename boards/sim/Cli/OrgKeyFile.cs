// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Text;
using NSec.Cryptography;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// The organisation's Ed25519 key as files an IT person can keep with common tools: the
    /// private key as PKCS#8 PEM ("BEGIN PRIVATE KEY", what `openssl genpkey -algorithm ed25519`
    /// writes), the public key as SPKI PEM ("BEGIN PUBLIC KEY", `openssl pkey -pubout`). Parsed
    /// and written by NSec (libsodium): no hand-rolled Ed25519 or DER. The private key is only
    /// ever on the host running this tool; nothing secret goes to a phone.
    /// </summary>
    internal static class OrgKeyFile
    {
        internal static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

        /// <summary>A new key that may be written out once (to the PEM file).</summary>
        internal static Key Create()
        {
            return Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving });
        }

        internal static string PrivatePem(Key key)
        {
            return Unix(Encoding.ASCII.GetString(key.Export(KeyBlobFormat.PkixPrivateKeyText)));
        }

        internal static string PublicPem(PublicKey key)
        {
            return Unix(Encoding.ASCII.GetString(key.Export(KeyBlobFormat.PkixPublicKeyText)));
        }

        // LF line ends, as openssl writes PEM (NSec writes CRLF)
        private static string Unix(string pem)
        {
            return pem.Replace("\r\n", "\n");
        }

        /// <summary>The raw 32-byte public key (what phones store).</summary>
        internal static byte[] Raw(PublicKey key)
        {
            return key.Export(KeyBlobFormat.RawPublicKey);
        }

        /// <summary>Reads a private key PEM; null and a reason if it is not an Ed25519 PKCS#8 key.</summary>
        internal static Key ReadPrivate(string path, out string problem)
        {
            byte[] bytes = ReadFile(path, out problem);
            if (bytes == null)
            {
                return null;
            }

            if (Key.TryImport(Algorithm, bytes, KeyBlobFormat.PkixPrivateKeyText, out Key key))
            {
                return key;
            }

            problem = path + ": not an Ed25519 private key in PKCS#8 PEM (BEGIN PRIVATE KEY), as `openssl genpkey -algorithm ed25519` writes";
            return null;
        }

        /// <summary>Reads a public key PEM, or a private key PEM (its public half); null and a reason otherwise.</summary>
        internal static PublicKey ReadPublic(string path, out string problem)
        {
            byte[] bytes = ReadFile(path, out problem);
            if (bytes == null)
            {
                return null;
            }

            if (PublicKey.TryImport(Algorithm, bytes, KeyBlobFormat.PkixPublicKeyText, out PublicKey pub))
            {
                return pub;
            }

            problem = path + ": not an Ed25519 public key in SPKI PEM (BEGIN PUBLIC KEY), as `openssl pkey -pubout` writes";
            return null;
        }

        private static byte[] ReadFile(string path, out string problem)
        {
            problem = null;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    problem = path + ": no such file";
                    return null;
                }

                if (info.Length > 4096)
                {
                    problem = path + ": too large for a key file";
                    return null;
                }

                return File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                problem = path + ": cannot be read (" + e.Message + ")";
                return null;
            }
        }
    }
}
