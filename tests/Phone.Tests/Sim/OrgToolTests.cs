// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Phone.Crypto;
using Phone.Tests.Sim.Support;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// The provisioning tool as a program, cross-checked with openssl both ways: it accepts an
    /// organisation key openssl generated, openssl verifies the certificates it issues, openssl
    /// reads the keys it creates. Every refusal is one clear line and changes nothing.
    /// </summary>
    public class OrgToolTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "phone-org-tool-" + Guid.NewGuid().ToString("N"));

        public OrgToolTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose() => Directory.Delete(_dir, true);

        private string P(string name) => Path.Combine(_dir, name);

        private static (int Exit, string Output) OpenSsl(params string[] args)
        {
            var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using Process p = Process.Start(start)!;
            string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }

        private bool OpenSslVerifies(string pubPem, byte[] document, string label)
        {
            byte[] message = Encoding.ASCII.GetBytes(label).Append((byte)0).Concat(document.Take(document.Length - 64)).ToArray();
            File.WriteAllBytes(P("msg"), message);
            File.WriteAllBytes(P("sig"), document.Skip(document.Length - 64).ToArray());
            var r = OpenSsl("pkeyutl", "-verify", "-pubin", "-inkey", pubPem, "-rawin", "-in", P("msg"), "-sigfile", P("sig"));
            return r.Exit == 0 && r.Output.Contains("Signature Verified Successfully");
        }

        [Fact]
        public void Openssl_key_signs_a_certificate_openssl_verifies_and_the_phone_installs()
        {
            Assert.Equal(0, OpenSsl("genpkey", "-algorithm", "ed25519", "-out", P("org.pem")).Exit);
            Assert.Equal(0, OpenSsl("pkey", "-in", P("org.pem"), "-pubout", "-out", P("org.pub.pem")).Exit);
            string flash = P("flash-alice");
            byte[] key = OrgToolChecks.NewPhone(flash);

            var id = SimProcess.Run(null, "identity", "--flash", flash);
            Assert.Equal(0, id.Exit);
            string hex = id.Output.Split('\n')[0].Trim();
            Assert.Equal(Convert.ToHexString(key).ToLowerInvariant(), hex);

            var sign = SimProcess.Run(null, "org", "sign", "--org", P("org.pem"), "--phone-key", hex, "--name", "Desk 7",
                "--serial", "7", "--out", P("phone.cert"));
            Assert.True(sign.Exit == 0, sign.ToString());
            byte[] cert = File.ReadAllBytes(P("phone.cert"));
            Assert.Equal(138 + 6, cert.Length);
            Assert.True(OpenSslVerifies(P("org.pub.pem"), cert, "phone/v1/org-cert"));
            byte[] tampered = (byte[])cert.Clone();
            tampered[80] ^= 1;
            Assert.False(OpenSslVerifies(P("org.pub.pem"), tampered, "phone/v1/org-cert"));

            var install = SimProcess.Run(null, "org", "install", "--flash", flash, "--org-pub", P("org.pub.pem"),
                "--org-name", "Acme", "--cert", P("phone.cert"));
            Assert.True(install.Exit == 0, install.ToString());
            using KeyStore store = KeyStore.Open(flash);
            OrgInfo info = new OrgStore(store).Info();
            Assert.Equal("Acme", info.Name);
            Assert.Equal(7, info.OwnSerial);
        }

        [Fact]
        public void Created_key_is_openssl_pkcs8_and_lists_verify_under_it()
        {
            var create = SimProcess.Run(null, "org", "create", "--out", P("org.pem"));
            Assert.True(create.Exit == 0, create.ToString());
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(P("org.pem")));
            var text = OpenSsl("pkey", "-in", P("org.pem"), "-noout", "-text");
            Assert.Equal(0, text.Exit);
            Assert.Contains("ED25519", text.Output);
            Assert.Equal(0, OpenSsl("pkey", "-in", P("org.pem"), "-pubout", "-out", P("openssl.pub.pem")).Exit);
            Assert.Equal(File.ReadAllText(P("openssl.pub.pem")), File.ReadAllText(P("org.pem.pub")));
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "create", "--out", P("org.pem")), "exists: not overwriting");

            var revoke = SimProcess.Run(null, "org", "revoke", "--org", P("org.pem"), "--version", "2", "--serial", "5", "--serial", "9",
                "--out", P("v2.crl"));
            Assert.True(revoke.Exit == 0, revoke.ToString());
            byte[] list = File.ReadAllBytes(P("v2.crl"));
            Assert.Equal(30 + 16 + 64, list.Length);
            Assert.True(OpenSslVerifies(P("org.pem.pub"), list, "phone/v1/org-crl"));
        }

        [Fact]
        public void Bad_input_is_refused_with_one_line_and_nothing_written()
        {
            string flash = P("flash-bob");
            byte[] key = OrgToolChecks.NewPhone(flash);
            string hex = Convert.ToHexString(key);
            Assert.Equal(0, SimProcess.Run(null, "org", "create", "--out", P("org.pem")).Exit);
            Assert.Equal(0, SimProcess.Run(null, "org", "create", "--out", P("other.pem")).Exit);
            Assert.Equal(0, SimProcess.Run(null, "org", "sign", "--org", P("org.pem"), "--phone-key", hex, "--serial", "1",
                "--out", P("bob.cert")).Exit);
            Assert.Equal(0, SimProcess.Run(null, "org", "sign", "--org", P("org.pem"), "--phone-key", new string('a', 64),
                "--serial", "2", "--out", P("someone.cert")).Exit);
            byte[] flashBefore = FlashDump.Read(flash);

            OrgToolChecks.Refused(SimProcess.Run(null, "org", "install", "--flash", flash, "--org-pub", P("other.pem.pub"), "--cert", P("bob.cert")),
                "forged certificate signature");
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "install", "--flash", flash, "--org-pub", P("org.pem.pub"), "--cert", P("someone.cert")),
                "certificate names another key");
            File.WriteAllBytes(P("cut.cert"), File.ReadAllBytes(P("bob.cert")).Take(100).ToArray());
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "install", "--flash", flash, "--org-pub", P("org.pem.pub"), "--cert", P("cut.cert")),
                "certificate truncated");
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "install", "--flash", flash, "--org-pub", P("org.pem"), "--cert", P("bob.cert")),
                "not an Ed25519 public key");
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "sign", "--org", P("org.pem.pub"), "--phone-key", hex, "--serial", "1", "--out", P("x")),
                "not an Ed25519 private key");
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "sign", "--org", P("org.pem"), "--phone-key", "abc", "--serial", "1", "--out", P("x")),
                "--phone-key must be 64 hex digits");
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "sign", "--org", P("org.pem"), "--phone-key", hex, "--serial", "1",
                "--valid-from", "2999-01-01", "--out", P("x")), "--valid-from must be a time not later than now");
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "install", "--flash", P("nowhere"), "--crl", P("x")), "no phone flash there");
            Assert.Equal(flashBefore, FlashDump.Read(flash));

            // a replayed older list: refused, the newer one kept
            Assert.Equal(0, SimProcess.Run(null, "org", "install", "--flash", flash, "--org-pub", P("org.pem.pub"), "--cert", P("bob.cert")).Exit);
            Assert.Equal(0, SimProcess.Run(null, "org", "revoke", "--org", P("org.pem"), "--version", "1", "--out", P("v1.crl")).Exit);
            Assert.Equal(0, SimProcess.Run(null, "org", "revoke", "--org", P("org.pem"), "--version", "2", "--serial", "2", "--out", P("v2.crl")).Exit);
            Assert.Equal(0, SimProcess.Run(null, "org", "install", "--flash", flash, "--crl", P("v2.crl")).Exit);
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "install", "--flash", flash, "--crl", P("v1.crl")), "older revocation list replayed");
            OrgToolChecks.Refused(SimProcess.Run(null, "org", "install", "--flash", flash, "--crl", P("bob.cert")), "");
        }
    }
}
