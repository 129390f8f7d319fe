// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using NSec.Cryptography;
using Phone.Crypto;
using Phone.Sim.Cli;
using Xunit;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>
    /// An organisation for the tests: its Ed25519 key (NSec, as the provisioning tool makes it) and
    /// the tool's own document encoders, so the phones get exactly what `org sign`/`org revoke` write.
    /// </summary>
    public sealed class TestOrganisation : IDisposable
    {
        private readonly Key _key = OrgKeyFile.Create();
        private uint _listVersion;

        public TestOrganisation(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public byte[] PublicKey => OrgKeyFile.Raw(_key.PublicKey);

        /// <summary>A certificate for key, valid from an hour ago for a year (the tool never dates one in the future).</summary>
        public byte[] Certificate(byte[] key, string name, ulong serial)
        {
            ulong now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return OrgDocuments.Certificate(_key, key, name, serial, now - 3600, now + 365UL * 86400);
        }

        /// <summary>The next revocation list (version one higher each time).</summary>
        public byte[] Revoke(params ulong[] serials)
        {
            _listVersion++;
            return OrgDocuments.RevocationList(_key, _listVersion, (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), serials);
        }

        /// <summary>A list of a given version (to replay an older one).</summary>
        public byte[] ListVersion(uint version, params ulong[] serials)
        {
            return OrgDocuments.RevocationList(_key, version, (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), serials);
        }

        /// <summary>Installs the organisation and a certificate for phone's identity, as `org install` does.</summary>
        public void Provision(TestPhone phone, ulong serial)
        {
            new OrgStore(phone.Store).Install(PublicKey, Name, Certificate(phone.Core.IdentityKey, phone.Name, serial));
            phone.Core.RefreshOrganisation();
        }

        /// <summary>The bundle `org bundle` writes for these certificates and list (list may be null).</summary>
        public byte[] Bundle(byte[] list, params byte[][] certificates)
        {
            byte[] bundle = OrgBundleWriter.Build(_key.PublicKey, Name, certificates, list, out string problem);
            Assert.True(problem == null, problem);
            return bundle;
        }

        public void Dispose() => _key.Dispose();
    }
}
