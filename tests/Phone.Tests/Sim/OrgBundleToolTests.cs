// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Linq;
using Phone.Tests.Firmware.Support;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// `org bundle` and `phone --org-bundle` as programs (docs/simulator.md "Organisation"): the
    /// administrator's workflow from enrolment image to installed certificates, and every refusal as
    /// one clear line with nothing written.
    /// </summary>
    public class OrgBundleToolTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "phone-org-bundle-" + Guid.NewGuid().ToString("N"));

        public OrgBundleToolTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose() => Directory.Delete(_dir, true);

        private string P(string name) => Path.Combine(_dir, name);

        private static string NewPhone(string flash) =>
            Convert.ToHexString(OrgToolChecks.NewPhone(flash)).ToLowerInvariant();

        private static void Ok(SimProcess.Result r) => Assert.True(r.Exit == 0, r.ToString());

        private static void Refused(SimProcess.Result r, string expected) => OrgToolChecks.Refused(r, expected);

        private SimProcess.Result Boot(string flash, string bundle) =>
            SimProcess.Run("quit\n", "phone", "--name", "Desk", "--port", "0", "--flash", flash, "--org-bundle", bundle);

        private void Sign(string org, string key, ulong serial, string output) =>
            Ok(SimProcess.Run(null, "org", "sign", "--org", org, "--phone-key", key, "--name", "Desk " + serial,
                "--serial", serial.ToString(), "--out", output));

        [Fact]
        public void Enrolment_image_shows_the_key_then_the_signed_bundle_installs_once()
        {
            Ok(SimProcess.Run(null, "org", "create", "--out", P("org.pem")));
            string a = P("flash-a"), b = P("flash-b");
            string keyA = NewPhone(a), keyB = NewPhone(b);

            Ok(SimProcess.Run(null, "org", "bundle", "--org-pub", P("org.pem.pub"), "--org-name", "Acme", "--out", P("enrol.bin")));
            var enrol = Boot(a, P("enrol.bin"));
            Ok(enrol);
            Assert.Contains("Not enrolled in Acme", enrol.Output);
            for (int line = 0; line < 4; line++)
            {
                Assert.Contains(keyA.Substring(line * 16, 16), enrol.Output); // the key the administrator copies
            }

            Directory.CreateDirectory(P("certs"));
            Sign(P("org.pem"), keyA, 1, P("certs/a.cert"));
            Sign(P("org.pem"), keyB, 2, P("certs/b.cert"));
            Ok(SimProcess.Run(null, "org", "revoke", "--org", P("org.pem"), "--version", "1", "--out", P("crl.bin")));
            var bundle = SimProcess.Run(null, "org", "bundle", "--org-pub", P("org.pem.pub"), "--org-name", "Acme",
                "--cert", P("certs"), "--crl", P("crl.bin"), "--out", P("acme.bin"));
            Ok(bundle);
            Assert.Contains("2 phone(s)", bundle.Output);

            var first = Boot(a, P("acme.bin"));
            Ok(first);
            Assert.Contains("Organisation installed", first.Output);
            var id = SimProcess.Run(null, "identity", "--flash", a);
            Assert.Contains("Acme", id.Output);

            byte[] installed = FlashDump.Read(a);
            var again = Boot(a, P("acme.bin"));
            Ok(again);
            Assert.DoesNotContain("Organisation installed", again.Output);
            Assert.Equal(installed, FlashDump.Read(a)); // sealed records: equal bytes, nothing written
        }

        [Fact]
        public void Bundle_tool_refuses_what_a_phone_would_refuse_before_any_phone_sees_it()
        {
            Ok(SimProcess.Run(null, "org", "create", "--out", P("org.pem")));
            Ok(SimProcess.Run(null, "org", "create", "--out", P("other.pem")));
            string key = NewPhone(P("flash"));
            Sign(P("org.pem"), key, 1, P("mine.cert"));
            Sign(P("other.pem"), key, 2, P("foreign.cert"));
            Sign(P("org.pem"), key, 3, P("again.cert"));
            string[] bundle = { "org", "bundle", "--org-pub", P("org.pem.pub"), "--out", P("out.bin"), "--cert" };

            Refused(SimProcess.Run(null, bundle.Append(P("foreign.cert")).ToArray()), "certificate 1: not issued by this organisation key");
            Refused(SimProcess.Run(null, bundle.Concat(new[] { P("mine.cert"), P("again.cert") }).ToArray()), "two certificates for phone key " + key);
            Refused(SimProcess.Run(null, bundle.Append(P("nothing.cert")).ToArray()), "no such file");
            Refused(SimProcess.Run(null, bundle.Append(P("org.pem")).ToArray()), "certificate 1: not a phone certificate");
            Directory.CreateDirectory(P("mixed"));
            File.Copy(P("mine.cert"), P("mixed/mine.cert"));
            File.WriteAllText(P("mixed/readme.txt"), "notes");
            Refused(SimProcess.Run(null, bundle.Append(P("mixed")).ToArray()), "certificate 2: not a phone certificate (5 bytes)");
            Refused(SimProcess.Run(null, "org", "bundle", "--none", "--org-pub", P("org.pem.pub"), "--out", P("out.bin")), "--none takes no organisation");
            Refused(SimProcess.Run(null, "org", "bundle", "--cert", P("mine.cert"), "--out", P("out.bin")), "give --org-pub");
            Refused(SimProcess.Run(null, "org", "bundle", "--org-pub", P("org.pem.pub"), "--crl", P("mine.cert"), "--out", P("out.bin")),
                "the revocation list was not issued by this organisation key");
            Assert.False(File.Exists(P("out.bin")));
        }

        [Fact]
        public void Phone_with_a_missing_or_foreign_bundle_file_says_why_and_changes_nothing()
        {
            string flash = P("flash");
            NewPhone(flash);
            byte[] before = FlashDump.Read(flash);

            Refused(Boot(flash, P("missing.bin")), "--org-bundle " + P("missing.bin") + ": no such file");
            Refused(Boot(flash, _dir), "--org-bundle " + _dir + ": a folder, not a bundle file");

            File.WriteAllBytes(P("garbage.bin"), Enumerable.Repeat((byte)0x41, 500).ToArray());
            var garbage = Boot(flash, P("garbage.bin"));
            Ok(garbage);
            Assert.Contains("Organisation bundle refused", garbage.Output);
            Assert.Contains("not an organisation", garbage.Output);
            Assert.Equal(before, FlashDump.Read(flash));
        }
    }
}
