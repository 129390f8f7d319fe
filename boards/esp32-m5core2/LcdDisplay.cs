// SPDX-License-Identifier: MIT
using nanoFramework.Presentation.Media;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;
using Console = nanoFramework.M5Stack.Console;

namespace Phone.Boards.M5Core2
{
    /// <summary>
    /// Renders the firmware's Screen on the Core2's 320x240 ILI9342 LCD through
    /// nanoFramework.M5Stack.Console (nanoFramework.M5Core2 package, over nanoFramework.Graphics).
    /// </summary>
    public class LcdDisplay : IDisplay
    {
        /// <summary>Title (coloured by badge), body lines, soft-key labels over the touch buttons.</summary>
        public void Show(Screen screen)
        {
            Console.Clear();
            Console.ForegroundColor = screen.Badge == Badge.Verified ? Color.Green
                : screen.Badge == Badge.Warning ? Color.Red
                : screen.Badge == Badge.Unverified ? Color.Orange : Color.White;
            Console.WriteLine(screen.Title);
            Console.ForegroundColor = Color.White;
            for (int i = 0; i < screen.Lines.Length; i++)
            {
                Console.WriteLine(screen.Lines[i]);
            }

            Console.CursorTop = Console.WindowHeight - 1;
            Console.CursorLeft = 0;
            Console.Write((screen.LeftKey ?? string.Empty) + "      " + (screen.RightKey ?? string.Empty));
        }
    }
}
