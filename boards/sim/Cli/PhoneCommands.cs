// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Pairing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;
using Phone.Sim.Agent;
using Phone.Sim.Audio;
using Phone.Sim.Board;
using Phone.Sim.Display;
using Phone.Sim.Net;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// The phone's typed commands, shared by the interactive prompt and the agent
    /// mode the demo drives: pair, call, accept, confirm, reject, hangup, contacts,
    /// forget, selftest, reset, screen, png, audio, stats, frames, state, help.
    /// </summary>
    internal sealed class PhoneCommands
    {
        /// <summary>One line per command, for `help`.</summary>
        public const string Help =
            "phones                        list the phones found on the LAN (the pairing list)\n" +
            "pair-mode [seconds] | pair-mode off   let one other phone pair with this one (default 120 s;\n" +
            "                              one attempt: a failed one ends the mode, start it again)\n" +
            "pair <#|name|host:port>       start pairing with a phone from the list, or at host:port\n" +
            "                              (the other phone must be in pair-mode)\n" +
            "confirm | reject              the codes on both displays are equal | differ\n" +
            "call <#|name> [host:port]     call a contact (address: found by its key on the LAN, else the last one)\n" +
            "call <host:port>              first call to a non-contact (organisation certificate, else the code)\n" +
            "accept | hangup               answer a ringing call | end the call or pairing\n" +
            "contacts                      list contacts\n" +
            "list [down|up [n] | next | <letter> | call]   the contact list screen: scroll, jump to the\n" +
            "                              next first letter or to a letter, call the selected contact\n" +
            "forget <#>                    delete a contact\n" +
            "selftest                      run the native power-on self-test\n" +
            "reset                         factory reset: new identity, no contacts\n" +
            "screen                        draw the display again\n" +
            "png <file>                    write the display as a PNG\n" +
            "audio tone <s> | wav <file> | off   what the microphone sends in calls\n" +
            "                              (the prompt starts with a tone in every call)\n" +
            "stats | state                 counters | pairing and call state\n" +
            "frames                        digests of the audio frames sent and played\n" +
            "quit                          switch the phone off";

        private readonly SimPhone _phone;
        private readonly Func<string, bool> _confirm;

        /// <summary>Commands for phone; confirm asks the user a yes/no question (null: refuse risky commands).</summary>
        public PhoneCommands(SimPhone phone, Func<string, bool> confirm)
        {
            _phone = phone;
            _confirm = confirm;
        }

        /// <summary>Runs one command line; never throws for a user mistake.</summary>
        public CommandResult Execute(string line)
        {
            string[] words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return CommandResult.Done(string.Empty);
            }

            try
            {
                return Dispatch(words[0].ToLowerInvariant(), words);
            }
            catch (FormatException e)
            {
                return CommandResult.Failed(e.Message);
            }
            catch (CryptoException e)
            {
                return CommandResult.Failed(e.Message);
            }
            catch (System.IO.IOException e)
            {
                return CommandResult.Failed(e.Message);
            }
            catch (InvalidOperationException e)
            {
                return CommandResult.Failed(e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                return CommandResult.Failed(e.Message);
            }
        }

        private CommandResult Dispatch(string verb, string[] w)
        {
            switch (verb)
            {
                case "pair":
                    return Pair(w);
                case "pair-mode":
                    return PairMode(w);
                case "phones":
                    return Phones();
                case "confirm":
                    return CommandResult.From(_phone.Confirm(), "confirmed", "no code to confirm");
                case "reject":
                    return CommandResult.From(_phone.Reject(), "rejected", "no code to reject");
                case "call":
                    return Call(w);
                case "accept":
                    return CommandResult.From(_phone.Accept(), "accepted", "nothing to accept");
                case "hangup":
                    return CommandResult.From(_phone.HangUp(), "hung up", "no call or pairing to end");
                case "contacts":
                    _phone.ShowContacts();
                    return Contacts();
                case "list":
                    return ContactList(w);
                case "forget":
                    Need(w, 2, "forget <#>");
                    return CommandResult.From(_phone.Forget(Index(w[1])), "contact " + w[1] + " forgotten",
                        "no such contact, or a pairing or call is in progress");
                case "selftest":
                    _phone.SelfTest();
                    return CommandResult.Done("self-test passed");
                case "reset":
                    return Reset(w);
                case "screen":
                    return new CommandResult { Ok = true, Message = string.Empty, Screen = _phone.Display.Current };
                case "png":
                    Need(w, 2, "png <file>");
                    return Png(w[1]);
                case "audio":
                    return Audio(w);
                case "stats":
                    return Stats();
                case "frames":
                    return Frames();
                case "state":
                    return State();
                case "help":
                    return CommandResult.Done(Help);
                default:
                    return CommandResult.Failed("unknown command '" + verb + "' (try help)");
            }
        }

        private CommandResult Pair(string[] w)
        {
            Need(w, 2, "pair <#|name|host:port>");
            string target = string.Join(' ', w, 1, w.Length - 1);
            NetAddress at;
            string what;
            if (LooksLikeAddress(target))
            {
                at = Endpoints.ParseAddress(target);
                what = target;
            }
            else
            {
                FoundPhoneView found = FindPhone(target);
                if (found == null)
                {
                    return CommandResult.Failed("no phone '" + target + "' in the list (see phones), or give host:port");
                }

                at = found.Address;
                what = SafeText.Of(found.Name) + " (" + found.Fingerprint.Substring(0, 8) + ") at " + at;
            }

            return CommandResult.From(_phone.Pair(at), "pairing with " + what, "busy: finish the current pairing or call first");
        }

        private CommandResult PairMode(string[] w)
        {
            if (w.Length > 1 && w[1] == "off")
            {
                return CommandResult.From(_phone.CancelPairingMode(), "pairing mode off", "not in pairing mode");
            }

            int seconds = 0;
            if (w.Length > 1 && (!int.TryParse(w[1], NumberStyles.None, CultureInfo.InvariantCulture, out seconds)
                                 || seconds < 1 || seconds > PhoneCore.MaxPairingModeSeconds))
            {
                return CommandResult.Failed("pair-mode [seconds]: seconds must be a whole number from 1 to "
                                            + PhoneCore.MaxPairingModeSeconds + ", or 'off'");
            }

            if (!_phone.StartPairingMode(seconds))
            {
                return CommandResult.Failed("busy: finish the current pairing or call first");
            }

            int left = _phone.Read(c => c.PairingModeSecondsLeft);
            return CommandResult.Done("pairing mode for " + left + " s: pair from the other phone now",
                Fields.Of("seconds", left));
        }

        // host:port, or a dotted IPv4 address missing its port (refused by the parser with its reason).
        private static bool LooksLikeAddress(string text)
        {
            return text.Contains(':') || text.Contains('.') && text.All(c => char.IsAsciiDigit(c) || c == '.');
        }

        // By its number in the list (as on the screen), else by name (exact, then ignoring case).
        private FoundPhoneView FindPhone(string text)
        {
            FoundPhoneView[] phones = _phone.PhonesFound();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                return n >= 1 && n <= phones.Length ? phones[n - 1] : null;
            }

            return Array.Find(phones, p => p.Name == text)
                   ?? Array.Find(phones, p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase));
        }

        private CommandResult Phones()
        {
            if (!_phone.HasDiscovery)
            {
                return CommandResult.Failed("discovery is off: start the phone with --lan <interface>");
            }

            FoundPhoneView[] phones = _phone.PhonesFound();
            _phone.ShowPhoneList();
            var text = new StringBuilder();
            var names = new StringBuilder();
            for (int i = 0; i < phones.Length; i++)
            {
                text.Append(i + 1).Append("  ").Append(SafeText.Of(phones[i].Name)).Append("  key ").Append(phones[i].Fingerprint)
                    .Append("  at ").Append(phones[i].Address).Append('\n');
                names.Append(i == 0 ? "" : "|").Append(phones[i].Name).Append('=').Append(phones[i].Fingerprint)
                    .Append('@').Append(phones[i].Address);
            }

            Phone.Firmware.Discovery.MdnsCounters k = _phone.DiscoveryCounters;
            return CommandResult.Done(phones.Length == 0 ? "no phones found yet" : text.ToString().TrimEnd(),
                Fields.Of("count", phones.Length, "phones", names.ToString(), "advertised", _phone.AdvertisedName,
                    "mdnsReceived", k.Received, "mdnsSent", k.Sent, "mdnsDrops", k.TotalDrops, "conflicts", k.Conflicts));
        }

        private CommandResult Call(string[] w)
        {
            Need(w, 2, "call <#|name> [host:port] | call <host:port>");
            if (w.Length == 2 && LooksLikeAddress(w[1]) && FindContact(w[1]) < 0)
            {
                // not a contact: a first call (XX; verified by the organisation when both belong to it)
                NetAddress first = Endpoints.ParseAddress(w[1]);
                return _phone.CallNew(first)
                    ? CommandResult.Done("first call to " + first, Fields.Of("address", first.ToString()))
                    : CommandResult.Failed("busy");
            }

            int index = FindContact(w[1]);
            if (index < 0)
            {
                return CommandResult.Failed("no contact '" + w[1] + "' (see contacts)");
            }

            NetAddress at = w.Length > 2 ? Endpoints.ParseAddress(w[2]) : null;
            ContactRecord contact = _phone.Contacts()[Array.FindIndex(_phone.Contacts(), c => c.Index == index)];
            NetAddress target = at ?? _phone.Locate(contact.PublicKey);
            if (target == null)
            {
                return CommandResult.Failed("no known address for " + SafeText.Of(contact.Name) + ": call " + w[1] + " <host:port>");
            }

            return _phone.Call(index, target)
                ? CommandResult.Done("calling " + SafeText.Of(contact.Name) + " at " + target, Fields.Of("address", target.ToString()))
                : CommandResult.Failed("busy");
        }

        private int FindContact(string text)
        {
            ContactRecord[] contacts = _phone.Contacts();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                return Array.Exists(contacts, c => c.Index == n) ? n : -1;
            }

            ContactRecord byName = Array.Find(contacts, c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase));
            return byName == null ? -1 : byName.Index;
        }

        private CommandResult ContactList(string[] w)
        {
            string what = w.Length > 1 ? w[1].ToLowerInvariant() : null;
            int steps = 1;
            if (w.Length > 2 && (!int.TryParse(w[2], NumberStyles.None, CultureInfo.InvariantCulture, out steps)
                                 || steps > KeyStore.ContactCapacity))
            {
                return CommandResult.Failed("list down|up <n>: n is a number of contacts, at most " + KeyStore.ContactCapacity);
            }

            if (w.Length > 1 && Encoding.UTF8.GetByteCount(w[1]) > ContactPage.MaxPrefixLength)
            {
                return CommandResult.Failed("list <letter>: at most " + ContactPage.MaxPrefixLength + " bytes");
            }

            bool ok = true;
            if (what == null)
            {
                _phone.ShowContacts();
            }
            else if (what == "call")
            {
                ContactListEntry selected = _phone.SelectedContact;
                return selected == null ? CommandResult.Failed("no contact selected (list first)")
                    : Call(new[] { "call", selected.Index.ToString(CultureInfo.InvariantCulture) });
            }
            else
            {
                ok = what == "down" ? _phone.ContactListMove(steps) : what == "up" ? _phone.ContactListMove(-steps)
                    : what == "next" ? _phone.ContactListNextLetter() : _phone.ContactListJump(w[1]);
            }

            Screen screen = _phone.Display.Current;
            string shown = screen == null ? string.Empty : SafeText.Of(screen.Title) + "\n" + string.Join("\n", screen.Lines.Select(SafeText.Of));
            ContactListEntry at = _phone.SelectedContact;
            return new CommandResult
            {
                Ok = ok,
                Message = ok ? shown : "the contact list is not shown, or the cursor cannot move that way",
                Fields = Fields.Of("selected", at == null ? "" : at.Name, "index", at == null ? -1 : at.Index),
                Screen = screen
            };
        }

        private CommandResult Contacts()
        {
            ContactRecord[] contacts = _phone.Contacts();
            var text = new StringBuilder();
            foreach (ContactRecord c in contacts)
            {
                NetAddress at = _phone.Addresses.Find(c.PublicKey);
                text.Append('#').Append(c.Index).Append(' ').Append(SafeText.Of(c.Name))
                    .Append("  key ").Append(AddressBook.Fingerprint(c.PublicKey))
                    .Append(" ").Append(Phone.Firmware.Ui.Screens.VerificationText(c))
                    .Append(c.Hybrid ? "  post-quantum (ML-KEM-768)" : "  CLASSICAL (no post-quantum: pair again)")
                    .Append("  generation ").Append(c.Generation)
                    .Append("  at ").Append(at == null ? "?" : at.ToString()).Append('\n');
            }

            return CommandResult.Done(contacts.Length == 0 ? "no contacts" : text.ToString().TrimEnd(),
                Fields.Of("count", contacts.Length));
        }

        private CommandResult Reset(string[] w)
        {
            bool sure = w.Length > 1 && w[1] == "yes"
                        || _confirm != null && _confirm("Erase identity and all contacts? (yes/no) ");
            if (!sure)
            {
                return CommandResult.Failed("reset cancelled");
            }

            _phone.FactoryReset();
            return CommandResult.Done("factory reset: new key " + _phone.Fingerprint,
                Fields.Of("fingerprint", _phone.Fingerprint));
        }

        private CommandResult Audio(string[] w)
        {
            Need(w, 2, "audio tone <seconds> | audio wav <file> | audio off");
            switch (w[1])
            {
                case "off":
                    _phone.Mic.Use(null);
                    return CommandResult.Done("microphone off");
                case "tone":
                    double seconds = w.Length > 2 ? ToneSeconds(w[2]) : 5;
                    int frames = AudioFrame.FramesIn(seconds);
                    _phone.Mic.Use(new ToneSource(frames, _phone.Name.GetHashCode() & 0xFFFF));
                    return CommandResult.Done("next call sends a " + seconds + " s tone", Fields.Of("frames", frames));
                case "wav":
                    Need(w, 3, "audio wav <file>");
                    WavSource wav = OpenWav(w[2]);
                    _phone.Mic.Use(wav);
                    return CommandResult.Done("next call sends " + w[2] + " (" + wav.FrameCount + " frames)",
                        Fields.Of("frames", wav.FrameCount));
                default:
                    return CommandResult.Failed("audio tone <seconds> | audio wav <file> | audio off");
            }
        }

        private CommandResult Stats()
        {
            var fields = _phone.Read(c =>
            {
                PhoneCounters k = c.Counters;
                var drops = new StringBuilder();
                for (int i = 0; i < DropReasonNames.Count; i++)
                {
                    int n = k.Drops((DropReason)i);
                    if (n > 0)
                    {
                        drops.Append(drops.Length == 0 ? "" : ";").Append(DropReasonNames.Name((DropReason)i)).Append('=').Append(n);
                    }
                }

                return Fields.Of("datagramsSent", k.DatagramsSent, "datagramsReceived", k.DatagramsReceived,
                    "mediaSent", k.MediaSent, "mediaReceived", k.MediaReceived, "retransmissions", k.Retransmissions,
                    "ratchets", k.Ratchets, "rekeys", k.Rekeys, "drops", drops.ToString(), "totalDrops", k.TotalDrops,
                    "framesPlayed", k.FramesPlayed, "framesLate", k.FramesLate, "framesLost", k.FramesLost,
                    "framesConcealed", k.FramesConcealed, "cookieRepliesSent", k.CookieRepliesSent,
                    "cookiesReceived", k.CookiesReceived, "managedHeapBytes", System.GC.GetTotalMemory(false),
                    "text", k.ToString());
            });
            fields["loopFaults"] = _phone.LoopFaults.ToString(CultureInfo.InvariantCulture);
            return CommandResult.Done(fields["text"] + "\nboard loop faults: " + _phone.LoopFaults + DeviceTimingStats(fields), fields);
        }

        // Device-timing mode: the stalls the phone's own native calls caused, apart from the network's late/lost.
        private string DeviceTimingStats(System.Collections.Generic.IDictionary<string, string> fields)
        {
            Phone.Sim.Timing.DeviceStall st = _phone.Stall;
            if (st == null)
            {
                return "";
            }

            var (lost, worst, native) = _phone.Read(_ => (st.FramesLostToStalls, st.WorstStallMs, st.NativeMs));
            fields["framesLostToStalls"] = lost.ToString(CultureInfo.InvariantCulture);
            fields["worstStallMs"] = worst.ToString("F1", CultureInfo.InvariantCulture);
            fields["deviceNativeMs"] = native.ToString("F0", CultureInfo.InvariantCulture);
            return "\ndevice timing: native calls " + fields["deviceNativeMs"] + " ms, worst stall " + fields["worstStallMs"]
                   + " ms (I2S budget " + st.AudioBudgetMs + " ms), frames lost to own stalls " + lost;
        }

        private CommandResult Frames()
        {
            RecordingSource mic = _phone.Mic.Current;
            var sent = new StringBuilder();
            if (mic != null)
            {
                foreach (ulong d in mic.Digests())
                {
                    sent.Append(sent.Length == 0 ? "" : ",").Append(d.ToString("x16"));
                }
            }

            var played = new StringBuilder();
            foreach (ReceivedFrame f in _phone.Speaker.Frames())
            {
                played.Append(played.Length == 0 ? "" : ",").Append(f.Sequence).Append(':').Append(f.Digest.ToString("x16"));
            }

            return CommandResult.Done("frames", Fields.Of("sent", sent.ToString(), "played", played.ToString()));
        }

        private CommandResult State()
        {
            return _phone.Read(c =>
            {
                string pairing = PairingStateNames.Name(c.PairingState);
                string call = CallStateNames.Name(c.CallState);
                string mode = c.InPairingMode ? "on" : "off";
                return CommandResult.Done((c.IsIdle ? "idle" : "busy") + ", pairing " + pairing + ", call " + call
                                          + ", pairing mode " + mode,
                    Fields.Of("idle", c.IsIdle, "pairing", pairing, "call", call, "pairingMode", mode));
            });
        }

        /// <summary>Longest tone `audio tone` plays, in seconds (an hour).</summary>
        public const double MaxToneSeconds = 3600;

        private CommandResult Png(string path)
        {
            string problem = OptionValues.OutputFileProblem(path);
            if (problem != null)
            {
                return CommandResult.Failed("cannot write " + path + ": " + problem);
            }

            try
            {
                PngRenderer.Save(_phone.Display.Current, _phone.Name, path);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                return CommandResult.Failed("cannot write " + path + " (permission denied or disk full)");
            }

            return CommandResult.Done("wrote " + path, Fields.Of("path", path));
        }

        private static WavSource OpenWav(string path)
        {
            try
            {
                return WavSource.Open(path);
            }
            catch (Exception e) when (e is System.IO.InvalidDataException || e is System.IO.EndOfStreamException)
            {
                throw new FormatException(path + " is not a WAV file we can play (" + e.Message + ")");
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                throw new FormatException("cannot read " + path + " (no such file, or no permission)");
            }
        }

        private static double ToneSeconds(string text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double s)
                || double.IsNaN(s) || double.IsInfinity(s))
            {
                throw new FormatException("audio tone: seconds must be a number, got '" + text + "'");
            }

            if (s < 0.02 || s > MaxToneSeconds)
            {
                throw new FormatException("audio tone: seconds must be from 0.02 to " + MaxToneSeconds + ", got " + text);
            }

            return s;
        }

        private static void Need(string[] words, int count, string usage)
        {
            if (words.Length < count)
            {
                throw new FormatException("usage: " + usage);
            }
        }

        private static int Index(string text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                throw new FormatException("expected a contact number, got '" + text + "'");
            }

            return n;
        }
    }
}
