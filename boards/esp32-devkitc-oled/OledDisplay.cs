// SPDX-License-Identifier: MIT
using Iot.Device.Ssd13xx;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;

namespace Phone.Boards.DevKitC
{
    /// <summary>
    /// Renders the firmware's Screen on a 128x64 SSD1306 (nanoFramework.Iot.Device.Ssd13xx):
    /// 8 text rows of 16 characters; the badge is a marker before the title.
    /// </summary>
    public class OledDisplay : IDisplay
    {
        private const int Rows = 8;
        private readonly Ssd1306 _oled;

        /// <summary>Uses an initialised display.</summary>
        public OledDisplay(Ssd1306 oled)
        {
            _oled = oled;
        }

        /// <summary>Title, body, soft keys on the last row.</summary>
        public void Show(Screen screen)
        {
            _oled.ClearScreen();
            string mark = screen.Badge == Badge.Verified ? "+ " : screen.Badge == Badge.Warning ? "! " : screen.Badge == Badge.Unverified ? "? " : string.Empty;
            _oled.DrawString(0, 0, mark + screen.Title);
            int last = screen.Lines.Length < Rows - 2 ? screen.Lines.Length : Rows - 2;
            for (int i = 0; i < last; i++)
            {
                _oled.DrawString(0, 8 * (i + 1), screen.Lines[i]);
            }

            _oled.DrawString(0, 8 * (Rows - 1), (screen.LeftKey ?? string.Empty) + " " + (screen.RightKey ?? string.Empty));
            _oled.Display();
        }
    }
}
