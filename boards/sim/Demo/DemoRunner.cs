// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Phone.Sim.Agent;
using Phone.Sim.Audio;
using Phone.Sim.Display;

namespace Phone.Sim.Demo
{
    /// <summary>
    /// The demo: two phones as separate processes on loopback UDP pair (same code on
    /// both displays), confirm, call over the cached keys, stream audio with mid-call
    /// re-keys, hang up; every step timed, every claim checked.
    /// </summary>
    internal sealed class DemoRunner
    {
        private readonly DemoOptions _o;
        private readonly DemoConsole _out;
        private DemoPhone _alice;
        private DemoPhone _bob;

        /// <summary>A demo with options o.</summary>
        public DemoRunner(DemoOptions o)
        {
            _o = o;
            _out = new DemoConsole(o.Colour);
        }

        /// <summary>Runs the demo; 0 when every check passed.</summary>
        public int Run()
        {
            string outDir = Path.GetFullPath(_o.OutDir);
            Directory.CreateDirectory(outDir);
            Console.WriteLine("Phone demo: two simulated phones, each its own process, talking UDP on 127.0.0.1.");
            Console.WriteLine("Output (PNG displays, flash) in " + outDir);
            try
            {
                StartPhones(outDir);
                Pair(outDir);
                Call(outDir);
                int frames = Stream();
                HangUp();
                Summary(frames);
            }
            catch (Exception e) when (e is TimeoutException || e is InvalidOperationException || e is IOException)
            {
                _out.Fail(e.Message);
            }
            finally
            {
                _alice?.Dispose();
                _bob?.Dispose();
            }

            Console.WriteLine();
            if (_out.Failures.Count == 0)
            {
                Console.WriteLine("RESULT: OK - same code on both displays, call set up in one round trip, audio bit-exact through re-keys.");
                return 0;
            }

            Console.WriteLine("RESULT: FAILED (" + string.Join("; ", _out.Failures) + ")");
            return 1;
        }

        private void StartPhones(string outDir)
        {
            _out.Step("0. Power on: two phone processes with fresh flash (identity keys created on first boot)");
            string aliceFlash = FreshDir(Path.Combine(outDir, "alice-flash"));
            string bobFlash = FreshDir(Path.Combine(outDir, "bob-flash"));
            if (_o.DeviceTiming)
            {
                _out.Detail("device timing: every native call stalls its phone as long as on a 240 MHz ESP32 "
                            + "(boards/sim/Timing/device-timing.json); the times below are the device's, plus this host's own");
            }

            _alice = DemoPhone.Start("Alice", aliceFlash, _o);
            _bob = DemoPhone.Start("Bob", bobFlash, _o);
            foreach (DemoPhone p in new[] { _alice, _bob })
            {
                _out.Detail(p.Name.PadRight(6) + "pid " + p.Process.ProcessId + "  " + p.Address + "  key " + p.Fingerprint
                            + "  self-test passed");
            }
        }

        private void Pair(string outDir)
        {
            _out.Step("1. Pairing: Bob's user starts pairing mode; Alice pairs with Bob (hybrid Noise XX: X25519 + ML-KEM-768, with a nonce commitment)");
            _bob.Do("pair-mode");
            int ma = _alice.Mark(), mb = _bob.Mark();
            double t0 = DemoConsole.Now();
            _alice.Do("pair " + _bob.Address);
            AgentLine ca = _alice.Wait("CodeShown", ma);
            AgentLine cb = _bob.Wait("CodeShown", mb);
            ScreenDto sa = WaitScreen(_alice, "PairingCode", ma);
            ScreenDto sb = WaitScreen(_bob, "PairingCode", mb);
            _out.Detail("code on Alice after " + DemoConsole.Ms(ca.T - t0) + " (" + Flights(ca) + ")");
            _out.Detail("code on Bob   after " + DemoConsole.Ms(cb.T - t0) + " (" + Flights(cb) + ")");
            _out.Displays(_alice, sa, _bob, sb);
            string pa = Path.Combine(outDir, "alice-code.png"), pb = Path.Combine(outDir, "bob-code.png");
            _alice.Do("png " + pa);
            _bob.Do("png " + pb);
            string both = Path.Combine(outDir, "both-code.png");
            PngPair.Save(sa.ToScreen(), _alice.Name, sb.ToScreen(), _bob.Name, both);
            _out.Detail("displays written to " + pa + ", " + pb + " and, side by side, " + both);
            string pq = Phone.Firmware.Ui.Screens.PostQuantumLine;
            _out.Check(Array.IndexOf(sa.Lines, pq) >= 0 && Array.IndexOf(sb.Lines, pq) >= 0,
                "both pairing screens show \"" + pq + "\"");
            string code = ca.Field("code");
            if (!_out.Check(code != null && code == cb.Field("code"), "both displays show the same code: Alice "
                            + code + ", Bob " + cb.Field("code")))
            {
                throw new InvalidOperationException("the codes differ: a man in the middle, or a bug");
            }

            _out.Step("2. Both users compare the codes and press Confirm");
            double t1 = DemoConsole.Now();
            _alice.Do("confirm");
            _bob.Do("confirm");
            AgentLine pinA = _alice.Wait("Pinned", ma);
            AgentLine pinB = _bob.Wait("Pinned", mb);
            _out.Detail("Alice pinned " + pinA.Field("peer") + " as verified contact #" + pinA.Field("contact")
                        + " after " + DemoConsole.Ms(pinA.T - t1));
            _out.Detail("Bob pinned " + pinB.Field("peer") + " as verified contact #" + pinB.Field("contact")
                        + " after " + DemoConsole.Ms(pinB.T - t1));
            _alice.WaitIdle();
            _bob.WaitIdle();
        }

        private void Call(string outDir)
        {
            _out.Step("3. Call: Alice calls Bob over the cached keys (Noise IKpsk2 with the resumption secret)");
            _alice.Do(_o.Wav != null ? "audio wav " + _o.Wav : "audio tone " + Seconds());
            _bob.Do("audio tone " + Seconds());
            int ma = _alice.Mark(), mb = _bob.Mark();
            double t0 = DemoConsole.Now();
            _alice.Do("call Bob");
            AgentLine keys = _alice.Wait("CallKeysReady", ma);
            _out.Detail("media keys ready on Alice after " + DemoConsole.Ms(keys.T - t0) + ", "
                        + keys.Field("roundTrips") + " round trip(s), " + keys.Field("retransmissions")
                        + " retransmissions (" + keys.Field("text") + ")");
            _out.Check(keys.Field("roundTrips") == "1", "call keys after one round trip");
            AgentLine ring = _bob.Wait("Ringing", mb);
            _out.Detail("Bob's phone rings after " + DemoConsole.Ms(ring.T - t0) + " (" + ring.Field("badge") + ")");
            double t1 = DemoConsole.Now();
            _bob.Do("accept");
            AgentLine ca = _alice.Wait("Connected", ma);
            AgentLine cb = _bob.Wait("Connected", mb);
            _out.Detail("Bob accepts: connected on Bob after " + DemoConsole.Ms(cb.T - t1) + ", on Alice after "
                        + DemoConsole.Ms(ca.T - t1));
            _out.Check(ca.Field("badge") == "Verified" && cb.Field("badge") == "Verified", "both call screens show VERIFIED");
            _out.Displays(_alice, WaitScreen(_alice, "InCall", ma), _bob, WaitScreen(_bob, "InCall", mb));
            _alice.Do("png " + Path.Combine(outDir, "alice-call.png"));
            _bob.Do("png " + Path.Combine(outDir, "bob-call.png"));
            PngPair.Save(WaitScreen(_alice, "InCall", ma).ToScreen(), _alice.Name, WaitScreen(_bob, "InCall", mb).ToScreen(),
                _bob.Name, Path.Combine(outDir, "both-call.png"));
        }

        private const int QuietPollsBeforeGivingUp = 5; // 5 x 200 ms

        private int Stream()
        {
            int frames = AudioFrame.FramesIn(_o.Seconds);
            _out.Step("4. Audio: " + Seconds() + " s each way (20 ms G.711 frames, sealed per packet); DH re-key every "
                      + _o.RekeyMs / 1000.0 + " s, ratchet every " + _o.RatchetMs / 1000.0 + " s");
            int ma = _alice.Mark(), mb = _bob.Mark();
            int seenA = ma, seenB = mb;
            DateTime end = DateTime.UtcNow + TimeSpan.FromSeconds(_o.Seconds + _o.StepTimeoutSeconds);
            int lastPlayed = -1, quietPolls = 0;
            while (DateTime.UtcNow < end)
            {
                Thread.Sleep(200);
                PrintKeyEvents(ref seenA, ref seenB);
                AgentLine sa = _alice.Do("stats"), sb = _bob.Do("stats");
                // Frames the jitter buffer has dealt with: played, or judged late. A frame
                // received but still buffered is not done yet (hanging up would drop it).
                int played = (int)(sa.Number("framesPlayed") + sb.Number("framesPlayed")
                                   + sa.Number("framesLate") + sb.Number("framesLate"));
                int sent = (int)(sa.Number("mediaSent") + sb.Number("mediaSent"));
                bool sentAll = sa.Number("mediaSent") >= SentTarget(_alice, frames) && sb.Number("mediaSent") >= frames;
                quietPolls = played == lastPlayed ? quietPolls + 1 : 0;
                lastPlayed = played;
                // Done when every sent frame was played; a frame still missing gets a quiet
                // second first, so a busy machine's late delivery is not counted as loss.
                if (sentAll && (played >= sent || quietPolls >= QuietPollsBeforeGivingUp))
                {
                    break;
                }
            }

            PrintKeyEvents(ref seenA, ref seenB);
            return frames;
        }

        private int SentTarget(DemoPhone phone, int toneFrames)
        {
            return phone == _alice && _o.Wav != null ? Math.Min(toneFrames, WavFrames()) : toneFrames;
        }

        private int WavFrames()
        {
            return WavSource.Open(_o.Wav).FrameCount;
        }

        // Prints the key-schedule events of both phones that arrived since the marks, in time order.
        private void PrintKeyEvents(ref int fromA, ref int fromB)
        {
            var events = new List<(AgentLine Line, string Phone)>();
            fromA = Collect(_alice, fromA, events);
            fromB = Collect(_bob, fromB, events);
            events.Sort((x, y) => x.Line.T.CompareTo(y.Line.T));
            foreach ((AgentLine l, string phone) in events)
            {
                _out.At(l.T, phone + ": " + (l.Name == "Rekeyed" ? "DH RE-KEY, new key generation" : "ratchet, new epoch of its sending key")
                             + (l.Field("text") != null ? " [" + l.Field("text") + "]" : ""));
            }
        }

        private static int Collect(DemoPhone phone, int from, List<(AgentLine, string)> into)
        {
            List<AgentLine> lines = phone.Process.Lines();
            for (int i = from; i < lines.Count; i++)
            {
                if (lines[i].Type == "event" && (lines[i].Name == "Rekeyed" || lines[i].Name == "Ratcheted"))
                {
                    into.Add((lines[i], phone.Name));
                }
            }

            return lines.Count;
        }

        private void HangUp()
        {
            _out.Step("5. Alice hangs up");
            int ma = _alice.Mark(), mb = _bob.Mark();
            double t0 = DemoConsole.Now();
            _alice.Do("hangup");
            AgentLine ha = _alice.Wait("HungUp", ma);
            AgentLine hb = _bob.Wait("HungUp", mb);
            _out.Detail("ended on Alice after " + DemoConsole.Ms(ha.T - t0) + ", on Bob after " + DemoConsole.Ms(hb.T - t0)
                        + " (" + hb.Field("text") + ")");
        }

        private void Summary(int frames)
        {
            _out.Step("Summary");
            AgentLine sa = _alice.Do("stats"), sb = _bob.Do("stats");
            FrameComparison toBob = FrameComparison.Compare(_alice.SentFrames(), _bob.PlayedFrames());
            FrameComparison toAlice = FrameComparison.Compare(_bob.SentFrames(), _alice.PlayedFrames());
            int lateAtBob = (int)sb.Number("framesLate"), lateAtAlice = (int)sa.Number("framesLate");
            _out.Detail("Alice -> Bob: " + toBob + ", late " + lateAtBob + ", lost " + sb.Field("framesLost"));
            _out.Detail("Bob -> Alice: " + toAlice + ", late " + lateAtAlice + ", lost " + sa.Field("framesLost"));
            foreach ((DemoPhone p, AgentLine s) in new[] { (_alice, sa), (_bob, sb) })
            {
                string drops = s.Field("drops");
                _out.Detail(p.Name + ": datagrams sent " + s.Field("datagramsSent") + ", received " + s.Field("datagramsReceived")
                            + ", re-keys " + s.Field("rekeys") + ", ratchets " + s.Field("ratchets") + ", retransmissions "
                            + s.Field("retransmissions") + ", drops " + (string.IsNullOrEmpty(drops) ? "none" : drops.Replace(";", ", ")));
                if (_o.DeviceTiming)
                {
                    _out.Detail(p.Name + ": device timing: native calls " + s.Field("deviceNativeMs") + " ms, worst stall "
                                + s.Field("worstStallMs") + " ms, frames lost to own stalls " + s.Field("framesLostToStalls"));
                    _out.Check(s.Field("framesLostToStalls") == "0", p.Name + " lost no frame to its own native stalls");
                }
            }

            // A frame the jitter buffer received after its turn (a stall of this machine) is counted late, not lost.
            _out.Check(toBob.PerfectExceptLate(lateAtBob) && toAlice.PerfectExceptLate(lateAtAlice)
                       && sa.Number("framesLost") == 0 && sb.Number("framesLost") == 0,
                "every frame arrived once, bit-exact, in order, both ways (late ones counted)");
            _out.Check(toBob.Sent >= Math.Min(frames, SentTarget(_alice, frames)) && toAlice.Sent >= frames,
                "at least " + Seconds() + " s of audio streamed each way");
            _out.Check(sa.Number("rekeys") >= 1 && sb.Number("rekeys") >= 1, "at least one DH re-key during the call");
            _out.Check(sa.Field("loopFaults") == "0" && sb.Field("loopFaults") == "0", "no exception escaped the firmware");
        }

        private static ScreenDto WaitScreen(DemoPhone phone, string kind, int from)
        {
            return phone.Process.WaitFor(l => l.Type == "screen" && l.Screen.Kind == kind, from,
                TimeSpan.FromSeconds(10), kind + " screen").Screen;
        }

        private static string Flights(AgentLine codeShown)
        {
            double flights = codeShown.Number("flights", 0);
            return flights.ToString(CultureInfo.InvariantCulture) + " handshake messages = "
                   + (flights / 2).ToString("0.0", CultureInfo.InvariantCulture) + " round trips";
        }

        private string Seconds()
        {
            return _o.Seconds.ToString(CultureInfo.InvariantCulture);
        }

        private static string FreshDir(string dir)
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }

            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
