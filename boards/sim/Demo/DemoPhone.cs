// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using Phone.Sim.Agent;
using Phone.Sim.Audio;

namespace Phone.Sim.Demo
{
    /// <summary>One of the demo's phone processes with what the demo learned about it.</summary>
    internal sealed class DemoPhone : IDisposable
    {
        private readonly TimeSpan _timeout;

        private DemoPhone(string name, PhoneProcess process, AgentLine ready, TimeSpan timeout)
        {
            Name = name;
            Process = process;
            Address = ready.Field("address");
            Fingerprint = ready.Field("fingerprint");
            FlashDir = ready.Field("flash");
            _timeout = timeout;
        }

        /// <summary>Display name.</summary>
        public string Name { get; }

        /// <summary>The process.</summary>
        public PhoneProcess Process { get; }

        /// <summary>host:port the phone listens on.</summary>
        public string Address { get; }

        /// <summary>Its key fingerprint.</summary>
        public string Fingerprint { get; }

        /// <summary>Its flash directory.</summary>
        public string FlashDir { get; }

        /// <summary>Starts the phone process in agent mode and waits until it listens.</summary>
        public static DemoPhone Start(string name, string flashDir, DemoOptions o)
        {
            var timeout = TimeSpan.FromSeconds(o.StepTimeoutSeconds);
            var args = new System.Collections.Generic.List<string>
            {
                "agent", "--name", name, "--port", "0", "--flash", flashDir,
                "--rekey-ms", o.RekeyMs.ToString(CultureInfo.InvariantCulture),
                "--ratchet-ms", o.RatchetMs.ToString(CultureInfo.InvariantCulture),
                // Key switches wait this long after the previous one; the product's 2 s would
                // hold the demo's 2 s re-key back behind each ratchet.
                "--forget-previous-ms", "500"
            };
            if (o.DeviceTiming)
            {
                args.Add("--device-timing");
            }

            PhoneProcess process = PhoneProcess.Start(name, args.ToArray());
            try
            {
                AgentLine ready = process.WaitFor(l => l.Type == "ready", 0, TimeSpan.FromSeconds(60), "start-up");
                return new DemoPhone(name, process, ready, timeout);
            }
            catch
            {
                process.Dispose();
                throw;
            }
        }

        /// <summary>Runs a command; throws if it fails.</summary>
        public AgentLine Do(string command) => Process.Command(command, _timeout);

        /// <summary>Index of the next line (wait for events after it).</summary>
        public int Mark() => Process.Mark();

        /// <summary>Waits for a firmware event.</summary>
        public AgentLine Wait(string eventName, int from) => Process.WaitForEvent(eventName, from, _timeout);

        /// <summary>Waits until the phone reports it is idle.</summary>
        public void WaitIdle()
        {
            DateTime end = DateTime.UtcNow + _timeout;
            while (Do("state").Field("idle") != "true")
            {
                if (DateTime.UtcNow > end)
                {
                    throw new TimeoutException(Name + " did not become idle");
                }

                System.Threading.Thread.Sleep(50);
            }
        }

        /// <summary>The last screen the phone showed.</summary>
        public ScreenDto Screen()
        {
            List<AgentLine> lines = Process.Lines();
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                if (lines[i].Type == "screen")
                {
                    return lines[i].Screen;
                }
            }

            return null;
        }

        /// <summary>Digests of the frames its microphone sent, in order.</summary>
        public List<ulong> SentFrames()
        {
            var list = new List<ulong>();
            foreach (string d in Split(Do("frames").Field("sent")))
            {
                list.Add(ulong.Parse(d, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }

            return list;
        }

        /// <summary>The frames its speaker played, in order.</summary>
        public List<ReceivedFrame> PlayedFrames()
        {
            var list = new List<ReceivedFrame>();
            foreach (string f in Split(Do("frames").Field("played")))
            {
                string[] p = f.Split(':');
                list.Add(new ReceivedFrame(int.Parse(p[0], CultureInfo.InvariantCulture), 2 * AudioFrame.Samples,
                    ulong.Parse(p[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), null));
            }

            return list;
        }

        /// <summary>Asks the process to quit (ends it if it does not).</summary>
        public void Dispose() => Process.Dispose();

        private static string[] Split(string s)
        {
            return string.IsNullOrEmpty(s) ? Array.Empty<string>() : s.Split(',');
        }
    }
}
