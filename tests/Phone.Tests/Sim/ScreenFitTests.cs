// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Phone.Crypto;
using Phone.Firmware.Contacts;
using Phone.Firmware.Pairing;
using Phone.Firmware.Trust;
using Phone.Firmware.Ui;
using Phone.Sim.Display;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// Every screen the firmware shows, with names of the longest allowed length, fits whole on the
    /// terminal box and on the 320×240 panel: every row as wide as the box, every text (the code's six
    /// digits above all) present in full, every piece of the panel's text inside its band.
    /// </summary>
    public class ScreenFitTests
    {
        private const string Code = "964 238";

        // 32 bytes each: wide letters without a space, words, and two-byte letters (16 characters).
        public static readonly TheoryData<string> LongestNames = new TheoryData<string>
        {
            new string('W', 32),
            "Maximilian Alexander Wolfeschleg",
            "ÄÖÜäöüßÆØÅæøåÉÈÊ"
        };

        private static string LongestWords()
        {
            string even = PgpWords.Even.OrderByDescending(w => w.Length).First();
            string odd = PgpWords.Odd.OrderByDescending(w => w.Length).First();
            return even + " " + odd + " " + even;
        }

        private static List<Screen> EveryScreen(string name)
        {
            string words = LongestWords();
            var screens = new List<Screen>
            {
                Screens.Idle(name, "0123456789abcdef", 16, Screens.RecoveredNotice),
                Screens.Idle(name, "0123456789abcdef", 0),
                Screens.Pairing("255.255.255.255:65535"),
                Screens.PairingCode(Code, words, name, "Same code on both phones?"),
                Screens.PairingCode(Code, words, name, "Peer confirmed"),
                Screens.PairingCode(Code, words, name, "Same code on both phones?", true),
                Screens.PairingCode(Code, words, name, "Same code on both phones?", false),
                Screens.Message("Paired", name + " saved as a verified contact."),
                Screens.Message("Pairing failed", "no answer from the other phone. Nothing was saved."),
                Screens.Message("Pairing rejected", "The other phone rejected. Nothing was saved."),
                Screens.Message("Call ended", "the other phone stopped answering (call idle timeout)"),
                Screens.ContactList(Enumerable.Range(0, ContactList.VisibleLines).Select(i => Entry(i, name, i % 2 == 0)).ToArray(),
                    2, 998, 1000),
                Screens.ContactList(new ContactListEntry[0], 0, 0, 0),
                Screens.StoreRefused(CryptoStatus.Corrupt),
                Screens.StoreRefused(CryptoStatus.NotFound),
                Screens.StoreRefused(CryptoStatus.StorageFailed),
                Screens.KeyChanged("!! KEY CHANGED !!", name, "not the pinned key", Code, words),
                Screens.KeyChanged("!! SECURITY WARNING !!", name, "answer did not decrypt (possible attack)", Code, words),
                Screens.KeyChanged("!! SECURITY WARNING !!", name, "key continuity lost: no resumption secret", Code, words)
            };
            foreach (OrgBundleResult result in Enum.GetValues<OrgBundleResult>())
            {
                // the longest texts each outcome can carry: names of 32 bytes, the longest reasons
                OrgBundleOutcome outcome = OrgBundleOutcome.Of(result, name,
                    result == OrgBundleResult.Refused ? CryptoStatus.Describe(CryptoStatus.CertWrongOrganisation) : "shorter than its entry count says");
                outcome.PreviousOrganisation = name;
                outcome.ListVersion = int.MaxValue;
                outcome.ListProblem = result == OrgBundleResult.Unchanged ? CryptoStatus.Describe(CryptoStatus.CertSignature) : null;
                Screen screen = OrgBundleScreens.For(outcome, Enumerable.Repeat((byte)0xAB, 32).ToArray());
                if (screen != null)
                {
                    screens.Add(screen);
                }
            }

            foreach (Badge badge in Enum.GetValues<Badge>())
            {
                foreach (string status in new[] { "Setting up keys...", "Verifying keys...", "Connecting...", "Ringing..." })
                {
                    screens.Add(Screens.Calling(name, status, badge));
                }

                screens.Add(Screens.Ringing(name, badge, null, null));
                screens.Add(Screens.Ringing(name, badge, Code, words));
                screens.Add(Screens.InCall(name, badge, null, null, "Connected 00:12:34, re-keyed 99 times"));
                screens.Add(Screens.InCall(name, badge, Code, words, "Connected 00:12:34, re-keyed 99 times"));
            }

            return screens;
        }

        private static ContactListEntry Entry(int index, string name, bool verified)
        {
            // The entry constructor is the binding's own (internal): the test builds one as the page does.
            return (ContactListEntry)typeof(ContactListEntry).GetConstructor(
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance,
                new[] { typeof(int), typeof(int), typeof(string) }).Invoke(new object[] { index, 1 | (verified ? 2 : 0) | (index % 3 == 0 ? ContactRecord.FlagOrgVerified : 0)
                    | (index % 2 == 0 ? ContactRecord.FlagHybrid : 0), name });
        }

        // What must be shown whole: title, every body line, the keys, the code and its words.
        private static IEnumerable<string> TextsOf(Screen s)
        {
            yield return s.Title;
            foreach (string line in s.Lines)
            {
                yield return line;
            }

            if (s.LeftKey != null)
            {
                yield return s.LeftKey;
            }

            if (s.RightKey != null)
            {
                yield return s.RightKey;
            }

            if (s.Code != null)
            {
                yield return s.Code;
                yield return s.CodeWords;
            }
        }

        private static string Squeezed(string text)
        {
            return new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        }

        [Theory]
        [MemberData(nameof(LongestNames))]
        public void EveryScreenFitsTheTerminalBoxWhole(string name)
        {
            Assert.Equal(32, Encoding.UTF8.GetByteCount(name));
            foreach (Screen screen in EveryScreen(name))
            {
                List<string> rows = TerminalRenderer.Render(screen, name, false);
                string what = screen.Kind + " '" + screen.Title + "'";
                foreach (string row in rows)
                {
                    Assert.True(row.Length == TerminalRenderer.BoxWidth, what + ": row of " + row.Length + ": " + row);
                }

                string inside = Squeezed(string.Concat(rows.Select(r => r.Substring(1, r.Length - 2))));
                foreach (string text in TextsOf(screen).Append(name))
                {
                    Assert.True(inside.Contains(Squeezed(text), StringComparison.Ordinal), what + ": '" + text + "' not shown whole");
                }

                if (screen.Code != null)
                {
                    foreach (string big in TerminalRenderer.BigCode(Code))
                    {
                        Assert.Contains(rows, r => r.Contains(big, StringComparison.Ordinal));
                    }

                    Assert.Contains(rows, r => r.Contains("code " + Code, StringComparison.Ordinal));
                }
            }
        }

        [Fact]
        public void TheBigCodeHasAllSixDigits()
        {
            List<string> big = TerminalRenderer.BigCode(Code);
            Assert.All(big, row => Assert.True(row.Length <= TerminalRenderer.BoxWidth - 2, row));
            // Six glyphs of five columns: columns of ink come in six separate runs per digit row set.
            int digitColumns = 0;
            for (int x = 0; x < big[0].Length; x++)
            {
                bool ink = big.Any(r => r[x] != ' ');
                bool before = x > 0 && big.Any(r => r[x - 1] != ' ');
                if (ink && !before)
                {
                    digitColumns++;
                }
            }

            Assert.Equal(6, digitColumns);
        }

        [Theory]
        [MemberData(nameof(LongestNames))]
        public void EveryScreenFitsThePanelWhole(string name)
        {
            foreach (Screen screen in EveryScreen(name))
            {
                List<TextRun> runs = PngRenderer.Layout(screen, name);
                string what = screen.Kind + " '" + screen.Title + "'";
                foreach (TextRun run in runs)
                {
                    Assert.True(run.X >= 0 && run.X + run.Width <= PngRenderer.Width, what + ": '" + run.Text + "' wider than the panel");
                    Assert.True(run.Y >= run.BandTop && run.Y + run.Height <= run.BandBottom,
                        what + ": '" + run.Text + "' at y " + run.Y + "+" + run.Height + " outside its band " + run.BandTop + "-" + run.BandBottom);
                }

                for (int i = 0; i < runs.Count; i++)
                {
                    for (int j = i + 1; j < runs.Count; j++)
                    {
                        Assert.False(Overlap(runs[i], runs[j]), what + ": '" + runs[i].Text + "' overlaps '" + runs[j].Text + "'");
                    }
                }

                string drawn = Squeezed(string.Concat(runs.Select(r => r.Text)));
                foreach (string text in TextsOf(screen).Append(name))
                {
                    Assert.True(drawn.Contains(Squeezed(text), StringComparison.Ordinal), what + ": '" + text + "' not drawn whole");
                }

                if (screen.Code != null)
                {
                    Assert.Contains(runs, r => r.Text == Code && r.Scale >= 2);
                }
            }
        }

        [Fact]
        public void TheDeviceSaysAMissingKeyIsMissingNotDamaged()
        {
            Screen missing = Screens.StoreRefused(CryptoStatus.NotFound);
            Assert.Equal("Device key missing", missing.Title);
            Assert.DoesNotContain(missing.Lines, l => l.Contains("damaged"));
            Assert.Equal("Flash damaged", Screens.StoreRefused(CryptoStatus.Corrupt).Title);
        }

        private static bool Overlap(TextRun a, TextRun b)
        {
            return a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
        }
    }
}
