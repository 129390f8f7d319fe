// SPDX-License-Identifier: MIT
namespace Phone.Boards.DevKitC
{
    /// <summary>
    /// Everything board-specific about the ESP32 DevKitC phone in one place: a 128x64 SSD1306
    /// OLED on I2C1 and three push buttons to ground (internal pull-ups).
    /// </summary>
    public static class PinMap
    {
        /// <summary>UDP port of the phone protocol.</summary>
        public const int PhonePort = 5070;

        /// <summary>The other phone (dotted IPv4): discovery is not implemented; set before deploying.</summary>
        public const string PeerAddress = "192.168.1.50";

        /// <summary>I2C1 data pin (GPIO21).</summary>
        public const int I2cData = 21;

        /// <summary>I2C1 clock pin (GPIO22).</summary>
        public const int I2cClock = 22;

        /// <summary>I2C bus id of the OLED.</summary>
        public const int I2cBus = 1;

        /// <summary>SSD1306 address (0x3C; some modules use 0x3D).</summary>
        public const int OledAddress = 0x3C;

        /// <summary>Left button (confirm / accept), GPIO32.</summary>
        public const int ButtonLeft = 32;

        /// <summary>Centre button (call / pair), GPIO33.</summary>
        public const int ButtonCentre = 33;

        /// <summary>Right button (reject / hang up), GPIO25.</summary>
        public const int ButtonRight = 25;
    }
}
