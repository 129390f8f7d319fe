// SPDX-License-Identifier: MIT
using Phone.Firmware.Ui;

namespace Phone.Firmware.Board
{
    /// <summary>Renders the firmware's screen model (an LCD, an OLED, a terminal, a PNG).</summary>
    public interface IDisplay
    {
        /// <summary>Shows screen; called whenever the model changes.</summary>
        void Show(Screen screen);
    }
}
