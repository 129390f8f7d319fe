// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Firmware.Ui;
using Phone.Sim.Audio;
using Phone.Sim.Board;
using Phone.Sim.Display;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// The person-facing phone: commands typed at a prompt, the display drawn in
    /// the terminal whenever it changes (and to a PNG file if asked), events as
    /// they happen.
    /// </summary>
    internal sealed class InteractiveShell
    {
        private readonly SimPhone _phone;
        private readonly string _png;
        private readonly bool _colour;
        private readonly object _console = new object();
        private readonly double _start;
        private bool _pngFailed;

        /// <summary>A shell over phone; png (or null) is rewritten on every screen change.</summary>
        public InteractiveShell(SimPhone phone, string png)
        {
            _phone = phone;
            _png = png;
            _colour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") == null;
            List<SimEvent> earlier = phone.Log.All();
            _start = earlier.Count > 0 ? earlier[0].Time : MonotonicClock.NowPrecise(); // times count from power-on
        }

        /// <summary>Runs until quit or end of input; returns the exit code.</summary>
        public int Run()
        {
            Console.WriteLine(_phone.Name + " is on at " + _phone.Address + ", key " + _phone.Fingerprint
                              + ", flash " + _phone.FlashDir);
            _phone.Mic.Use(new ToneSource(AudioFrame.FramesIn(PhoneCommands.MaxToneSeconds), _phone.Name.GetHashCode() & 0xFFFF));
            Console.WriteLine("The microphone sends a tone in every call ('audio wav FILE' or 'audio off' to change it).");
            Console.WriteLine("Type 'help' for commands.");
            _phone.Display.Changed += OnScreen;
            foreach (SimEvent earlier in _phone.Log.All())
            {
                OnLog(earlier); // power-on events (self-test, a flash recovery) came before this shell
            }

            _phone.Log.Added += OnLog;
            Draw(_phone.BundleScreen); // what the image's organisation bundle did, as a board shows it at start
            _phone.ShowIdle();
            var commands = new PhoneCommands(_phone, Ask);
            while (true)
            {
                Prompt();
                string line = Console.ReadLine();
                if (line == null || line.Trim() == "quit" || line.Trim() == "exit")
                {
                    return 0;
                }

                CommandResult result = commands.Execute(line);
                lock (_console)
                {
                    if (result.Screen != null)
                    {
                        Draw(result.Screen);
                    }

                    if (!string.IsNullOrEmpty(result.Message))
                    {
                        foreach (string text in result.Message.Split('\n'))
                        {
                            Console.WriteLine((result.Ok ? string.Empty : "! ") + SafeText.Of(text));
                        }
                    }
                }
            }
        }

        private bool Ask(string question)
        {
            lock (_console)
            {
                Console.Write(question);
            }

            string answer = Console.ReadLine();
            return answer != null && answer.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase);
        }

        private void Prompt()
        {
            lock (_console)
            {
                Console.Write(_phone.Name.ToLowerInvariant() + "> ");
            }
        }

        private void OnScreen(Screen screen)
        {
            if (_png != null && !_pngFailed)
            {
                try
                {
                    PngRenderer.Save(screen, _phone.Name, _png);
                }
                catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
                {
                    _pngFailed = true; // said once; the phone carries on without its PNG
                    lock (_console)
                    {
                        Console.WriteLine("! cannot write " + _png + " any more (permission denied, disk full or its directory gone); the PNG is no longer updated");
                    }
                }
            }

            lock (_console)
            {
                Console.WriteLine();
                Draw(screen);
            }
        }

        private void OnLog(SimEvent entry)
        {
            if (entry.Event == null)
            {
                return;
            }

            lock (_console)
            {
                Console.WriteLine("  [" + ((entry.Time - _start) / 1000).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)
                                  + " s] " + EventText.Describe(entry.Event));
            }
        }

        private void Draw(Screen screen)
        {
            if (screen == null)
            {
                return;
            }

            List<string> rows = TerminalRenderer.Render(screen, _phone.Name, _colour);
            foreach (string row in rows)
            {
                Console.WriteLine(row);
            }
        }
    }
}
