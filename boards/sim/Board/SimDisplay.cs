// SPDX-License-Identifier: MIT
using System;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;

namespace Phone.Sim.Board
{
    /// <summary>
    /// The simulated panel: keeps the screen the firmware last showed and tells
    /// the front end (terminal, agent protocol, PNG file) about every change.
    /// </summary>
    internal sealed class SimDisplay : IDisplay
    {
        private volatile Screen _current;

        /// <summary>Raised on the phone's loop thread for each new screen.</summary>
        public event Action<Screen> Changed;

        /// <summary>What the panel shows now (null before the first screen).</summary>
        public Screen Current => _current;

        /// <summary>Called by the firmware.</summary>
        public void Show(Screen screen)
        {
            _current = screen;
            Changed?.Invoke(screen);
        }
    }
}
