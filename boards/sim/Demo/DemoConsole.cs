// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using Phone.Sim.Agent;
using Phone.Sim.Board;
using Phone.Sim.Display;

namespace Phone.Sim.Demo
{
    /// <summary>The demo's printed story: numbered steps with times, displays side by side, a verdict.</summary>
    internal sealed class DemoConsole
    {
        private readonly double _start = MonotonicClock.NowPrecise();
        private readonly bool _colour;
        private readonly List<string> _failures = new List<string>();

        /// <summary>Prints to stdout; colour adds ANSI badges.</summary>
        public DemoConsole(bool colour)
        {
            _colour = colour;
        }

        /// <summary>What went wrong so far.</summary>
        public IReadOnlyList<string> Failures => _failures;

        /// <summary>Monotonic now in ms.</summary>
        public static double Now() => MonotonicClock.NowPrecise();

        /// <summary>"12.3 ms" with one decimal.</summary>
        public static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

        /// <summary>A numbered step heading with the time since the demo started.</summary>
        public void Step(string text)
        {
            Console.WriteLine();
            Console.WriteLine("[" + Seconds(Now()) + "] " + text);
        }

        /// <summary>An indented detail line.</summary>
        public void Detail(string text)
        {
            Console.WriteLine("             " + text);
        }

        /// <summary>A detail line stamped with the time of t (monotonic ms).</summary>
        public void At(double t, string text)
        {
            Console.WriteLine("  [" + Seconds(t) + "] " + text);
        }

        /// <summary>Both displays next to each other.</summary>
        public void Displays(DemoPhone a, ScreenDto sa, DemoPhone b, ScreenDto sb)
        {
            var boxes = new List<List<string>>
            {
                TerminalRenderer.Render(sa.ToScreen(), a.Name, _colour),
                TerminalRenderer.Render(sb.ToScreen(), b.Name, _colour)
            };
            Console.WriteLine();
            Console.Write(SideBySide.Join(boxes, new[] { "  " + a.Name + "'s display", "  " + b.Name + "'s display" }));
        }

        /// <summary>Checks a condition of success; a false one is printed and remembered.</summary>
        public bool Check(bool ok, string what)
        {
            Detail((ok ? "ok: " : "FAILED: ") + what);
            if (!ok)
            {
                _failures.Add(what);
            }

            return ok;
        }

        /// <summary>Records a failure that stopped the demo.</summary>
        public void Fail(string what)
        {
            _failures.Add(what);
            Console.WriteLine();
            Console.WriteLine("FAILED: " + what);
        }

        private string Seconds(double t)
        {
            return ((t - _start) / 1000).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(7) + " s";
        }
    }
}
