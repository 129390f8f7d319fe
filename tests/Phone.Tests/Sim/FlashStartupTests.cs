// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Linq;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Ui;
using Phone.Sim.Board;
using Phone.Tests.Firmware.Support;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// The phone's start-up over its flash directory, as a user meets it: damage is refused with a
    /// message and left untouched until the user asks for a factory reset, a recovery is shown, and
    /// one flash directory serves one phone process at a time.
    /// </summary>
    public class FlashStartupTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "phone-flash-test-" + Guid.NewGuid().ToString("N"));

        /// <summary>Identity copy A, the record every open needs (native/host/storage_file.c).</summary>
        private string IdentityA => FlashDump.RecordFile(_dir, 0);

        private string IdentityB => FlashDump.RecordFile(_dir, 1);

        private string KeyFile => Path.Combine(_dir, "efuse.key");

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, true);
            }
        }

        private SimProcess.Result RunPhone(string input, params string[] extra)
        {
            string[] args = new[] { "phone", "--name", "Alice", "--port", "0", "--flash", _dir }.Concat(extra).ToArray();
            return SimProcess.Run(input, args);
        }

        private string FirstBoot()
        {
            SimProcess.Result first = RunPhone("quit\n");
            Assert.True(first.Exit == 0, first.ToString());
            return KeyOf(first.Output);
        }

        private static string KeyOf(string output)
        {
            int at = output.IndexOf(", key ", StringComparison.Ordinal);
            Assert.True(at >= 0, output);
            return output.Substring(at + 6, 16);
        }

        private static void NoStackTrace(SimProcess.Result r)
        {
            Assert.DoesNotContain("Exception", r.Output + r.Errors);
            Assert.DoesNotContain("   at ", r.Output + r.Errors);
        }

        [Theory]
        [InlineData(95)]
        [InlineData(40)]
        [InlineData(0)]
        public void TruncatedFlashIsRefusedWithAMessageAndLeftUntouched(int length)
        {
            FirstBoot();
            byte[] copy = File.ReadAllBytes(IdentityA);
            byte[] key = File.ReadAllBytes(KeyFile);
            File.WriteAllBytes(IdentityA, copy.Take(length).ToArray());
            File.WriteAllBytes(IdentityB, copy.Take(length).ToArray());
            byte[] flash = FlashDump.Read(_dir);

            SimProcess.Result r = RunPhone("quit\n");

            Assert.True(r.Exit != 0, r.ToString());
            NoStackTrace(r);
            Assert.Contains("damaged", r.Errors);
            Assert.Contains("--factory-reset", r.Errors);
            Assert.Equal(flash, FlashDump.Read(_dir));
            Assert.Equal(key, File.ReadAllBytes(KeyFile));
        }

        [Fact]
        public void ZeroFilledFlashIsRefused()
        {
            FirstBoot();
            File.WriteAllBytes(IdentityA, new byte[96]);
            File.WriteAllBytes(IdentityB, new byte[96]);
            SimProcess.Result r = RunPhone("quit\n");
            Assert.True(r.Exit != 0, r.ToString());
            Assert.Contains("damaged", r.Errors);
            Assert.Equal(new byte[96], File.ReadAllBytes(IdentityA));
        }

        [Fact]
        public void MissingDeviceKeyIsNamedAsMissingNotAsCorruptFlash()
        {
            FirstBoot();
            byte[] flash = FlashDump.Read(_dir);
            File.Delete(KeyFile);

            SimProcess.Result r = RunPhone("quit\n");

            Assert.True(r.Exit != 0, r.ToString());
            NoStackTrace(r);
            Assert.Contains("efuse.key", r.Errors);
            Assert.Contains("missing", r.Errors);
            Assert.DoesNotContain("damaged", r.Errors);
            Assert.DoesNotContain("corrupt", r.Errors);
            Assert.False(File.Exists(KeyFile));
            Assert.Equal(flash, FlashDump.Read(_dir));
        }

        [Fact]
        public void FactoryResetOptionStartsAfreshOnlyWhenAsked()
        {
            string oldKey = FirstBoot();
            File.WriteAllBytes(IdentityA, new byte[100]);
            File.WriteAllBytes(IdentityB, new byte[100]);
            Assert.NotEqual(0, RunPhone("quit\n").Exit);

            SimProcess.Result reset = RunPhone("quit\n", "--factory-reset");

            Assert.True(reset.Exit == 0, reset.ToString());
            Assert.NotEqual(oldKey, KeyOf(reset.Output));
            SimProcess.Result again = RunPhone("quit\n");
            Assert.True(again.Exit == 0, again.ToString());
            Assert.Equal(KeyOf(reset.Output), KeyOf(again.Output));
        }

        [Fact]
        public void RecoveryIsShownOnTheDisplayAndInTheLog()
        {
            FirstBoot();
            // Damage one identity copy: the other is used, the damage reported.
            byte[] copy = File.ReadAllBytes(IdentityB);
            copy[60] ^= 0x01;
            File.WriteAllBytes(IdentityB, copy);

            using (SimPhone phone = SimPhone.Start(new SimPhoneOptions { Name = "Alice", FlashDir = _dir }))
            {
                Assert.Equal(KeyStore.StatusRecovered, phone.Read(c => c.Store.Status));
                SimEvent recovered = phone.Log.All().FirstOrDefault(e => e.Is(PhoneEventKind.StoreRecovered));
                Assert.NotNull(recovered);
                Assert.Contains("may be lost", recovered.Event.Text);
                phone.ShowIdle();
                Screen idle = phone.Display.Current;
                Assert.Contains(idle.Lines, l => l.Contains("Flash recovered"));
            }

            // The open rewrote the damaged copy from the intact one: damage it again for the CLI.
            File.WriteAllBytes(IdentityB, copy);
            SimProcess.Result r = RunPhone("quit\n");
            Assert.True(r.Exit == 0, r.ToString());
            Assert.Contains("Flash recovered", r.Output);
            Assert.Contains("flash recovered", r.Output); // the event line
            SimProcess.Result repaired = RunPhone("quit\n");
            Assert.DoesNotContain("Flash recovered", repaired.Output);
        }

        [Fact]
        public void TwoProcessesOnOneFlashDirectoryAreImpossibleAndACrashReleasesTheLock()
        {
            FirstBoot();
            string book = Path.Combine(_dir, AddressBook.FileName);
            File.WriteAllText(book, "0011223344556677 127.0.0.1:5002\n");
            byte[] bookBefore = File.ReadAllBytes(book);

            using (SimProcess first = SimProcess.Start("phone", "--name", "Alice", "--port", "0", "--flash", _dir))
            {
                WaitForLock(first);
                SimProcess.Result second = RunPhone("quit\n");

                Assert.True(second.Exit != 0, second.ToString());
                NoStackTrace(second);
                Assert.Contains("in use by another phone", second.Errors);
                Assert.Equal(bookBefore, File.ReadAllBytes(book));
            } // killed: a crash, not a clean exit

            SimProcess.Result after = RunPhone("quit\n");
            Assert.True(after.Exit == 0, after.ToString());
            Assert.Equal(bookBefore, File.ReadAllBytes(book));
        }

        [Fact]
        public void TwoPhonesInOneProcessOnOneFlashDirectoryAreRefused()
        {
            using SimPhone first = SimPhone.Start(new SimPhoneOptions { Name = "Alice", FlashDir = _dir });
            var e = Assert.ThrowsAny<Exception>(() => SimPhone.Start(new SimPhoneOptions { Name = "Alice", FlashDir = _dir }));
            Assert.Contains("in use by another phone", e.Message);
        }

        // The running phone holds the lock before it says it is on (and prints its prompt help).
        private static void WaitForLock(SimProcess process)
        {
            process.WaitForOutput("Type 'help'");
        }
    }
}
