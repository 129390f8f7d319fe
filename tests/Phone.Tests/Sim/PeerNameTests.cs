// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Linq;
using Phone.Firmware;
using Phone.Firmware.Ui;
using Phone.Sim.Board;
using Phone.Sim.Cli;
using Phone.Sim.Display;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>A peer's name is data: whatever it holds, no control character reaches the terminal, a log line or the PNG.</summary>
    public class PeerNameTests
    {
        // ESC (colour, then a title-setting OSC ended by BEL), CR, BEL and a right-to-left override: 31 bytes.
        private const string HostileName = "Eve\u001b[41m\r\u0007\u202Eevil\u001b]0;x\u0007";

        private static readonly char[] Forbidden = { '\u001b', '\r', '\u0007', '\u202E', '\n' };

        private static void NoControl(string text, string where, bool lines = false)
        {
            int at = lines ? text.Replace("\n", string.Empty).IndexOfAny(Forbidden) : text.IndexOfAny(Forbidden);
            Assert.True(at < 0, where + " contains U+" + (at < 0 ? "" : ((int)text[at]).ToString("X4")) + ": " + text);
        }

        private static (SimPhone Alice, SimPhone Eve) PairWithEve(UdpPhones phones)
        {
            SimPhone alice = phones.Add("Alice");
            SimPhone eve = phones.Add(HostileName, c => c.AutoAnswer = true);
            UdpPhones.Pair(eve, alice);
            UdpPhones.WaitIdle(alice);
            UdpPhones.WaitIdle(eve);
            return (alice, eve);
        }

        [Fact]
        public void EveryScreenEventAndListingOfAHostileNameIsFreeOfControlCharacters()
        {
            using var phones = new UdpPhones();
            (SimPhone alice, SimPhone eve) = PairWithEve(phones);
            int mark = alice.Log.Mark();
            Assert.True(alice.Call(0, eve.Address)); // calling, ringing, in call, call ended: the name on each
            alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), mark, UdpPhones.StepTimeout, "connected");
            Assert.True(alice.HangUp());
            UdpPhones.WaitIdle(alice);

            List<SimEvent> log = alice.Log.All();
            Assert.Contains(log, e => e.Screen != null && e.Screen.Lines.Any(l => l.Contains("Eve")));
            foreach (SimEvent entry in log)
            {
                if (entry.Screen != null)
                {
                    foreach (string row in TerminalRenderer.Render(entry.Screen, "Alice", false))
                    {
                        NoControl(row, "terminal row");
                    }

                    foreach (string row in TerminalRenderer.Render(entry.Screen, "Alice", true))
                    {
                        NoControl(WithoutBadgeColour(row, entry.Screen.Badge), "coloured terminal row");
                    }

                    foreach (TextRun run in PngRenderer.Layout(entry.Screen, "Alice"))
                    {
                        NoControl(run.Text, "PNG text");
                    }
                }
                else
                {
                    NoControl(EventText.Describe(entry.Event), "event line");
                }
            }

            CommandResult contacts = new PhoneCommands(alice, null).Execute("contacts");
            NoControl(contacts.Message, "contacts listing", true);
            Assert.Contains("Eve?[41m???evil?]0;x?", contacts.Message);
            Assert.Equal(HostileName, alice.Contacts()[0].Name); // stored as it came: only its display is made safe
        }

        [Fact]
        public void NothingOfAHostileNameReachesTheInteractivePhonesTerminal()
        {
            using var phones = new UdpPhones();
            SimPhone eve = phones.Add(HostileName);
            using SimProcess alice = SimProcess.Start("phone", "--name", "Alice", "--port", "0", "--flash",
                System.IO.Path.Combine(System.IO.Path.GetTempPath(), "phone-name-test-" + System.Guid.NewGuid().ToString("N")));
            alice.WaitForOutput("Type 'help'");
            string output = alice.OutputSoFar;
            int at = output.IndexOf(" is on at ", System.StringComparison.Ordinal) + 10;
            string address = output.Substring(at, output.IndexOf(',', at) - at);

            alice.Type("pair-mode\n");
            alice.WaitForOutput("pairing mode started");
            int mark = eve.Log.Mark();
            Assert.True(eve.Pair(Phone.Sim.Net.Endpoints.ParseAddress(address)));
            eve.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), mark, UdpPhones.StepTimeout, "code on Eve");
            alice.WaitForOutput("code shown");
            alice.Type("confirm\n");
            Assert.True(eve.Confirm());
            alice.WaitForOutput("pinned");
            alice.Type("contacts\nquit\n");
            SimProcess.Result r = alice.Finish();

            Assert.True(r.Exit == 0, r.ToString());
            Assert.Contains("Eve?[41m", r.Output);
            NoControl(r.Output, "the phone's terminal", true);
        }

        private static string WithoutBadgeColour(string row, Badge badge)
        {
            BadgeStyle style = BadgeStyle.For(badge);
            return style == null ? row : row.Replace("\u001b[" + style.Ansi + "m", string.Empty).Replace("\u001b[0m", string.Empty);
        }
    }
}
