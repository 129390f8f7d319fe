// SPDX-License-Identifier: MIT
namespace Phone.Boards.M5Core2
{
    /// <summary>
    /// Everything board-specific about the M5Stack Core2 in one place. The ILI9342 display,
    /// its SPI pins, the AXP192 power chip and the FT6336 touch panel are set up by
    /// nanoFramework.M5Core2 (M5Core2.InitializeScreen) on the M5Core2 firmware image.
    /// </summary>
    public static class PinMap
    {
        /// <summary>UDP port of the phone protocol.</summary>
        public const int PhonePort = 5070;

        /// <summary>The other phone (dotted IPv4): discovery is not implemented; set before deploying.</summary>
        public const string PeerAddress = "192.168.1.51";

        /// <summary>Screen width in pixels.</summary>
        public const int Width = 320;

        /// <summary>Touch rows at or below this y are the printed buttons A, B, C (the panel reports y up to 280).</summary>
        public const int ButtonRowY = 240;
    }
}
