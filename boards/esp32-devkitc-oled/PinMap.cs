// SPDX-License-Identifier: MIT
namespace Phone.Boards.DevKitC
{
    /// <summary>
    /// Everything board-specific about the ESP32 DevKitC phone in one place: a 128x64 SSD1306
    /// OLED on I2C1, three push buttons to ground (internal pull-ups), an I2S MEMS microphone
    /// (INMP441) on I2S bus 2 and an I2S class-D amplifier (MAX98357A) on I2S bus 1: two
    /// buses, each clock master of its own device, so both directions run at once.
    ///
    /// | part      | its pin | ESP32          | note                                   |
    /// |-----------|---------|----------------|----------------------------------------|
    /// | INMP441   | SCK     | GPIO18         | I2S bus 2 bit clock                    |
    /// | INMP441   | WS      | GPIO19         | I2S bus 2 word select                  |
    /// | INMP441   | SD      | GPIO34         | data in (input-only pin)               |
    /// | INMP441   | L/R     | GND            | left slot                              |
    /// | INMP441   | VDD/GND | 3V3 / GND      |                                        |
    /// | MAX98357A | BCLK    | GPIO26         | I2S bus 1 bit clock                    |
    /// | MAX98357A | LRC     | GPIO27         | I2S bus 1 word select                  |
    /// | MAX98357A | DIN     | GPIO13         | data out                               |
    /// | MAX98357A | SD      | VIN (or open)  | on, (L+R)/2                            |
    /// | MAX98357A | GAIN    | open           | 9 dB                                   |
    /// | MAX98357A | VIN/GND | 5V / GND       | speaker 4-8 ohm on OUT+/OUT-           |
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

        /// <summary>I2S bus of the amplifier (nanoFramework bus 1 = the ESP32's I2S0).</summary>
        public const int SpeakerBus = 1;

        /// <summary>Amplifier bit clock (BCLK), GPIO26.</summary>
        public const int SpeakerBitClock = 26;

        /// <summary>Amplifier word select (LRC), GPIO27.</summary>
        public const int SpeakerWordSelect = 27;

        /// <summary>Amplifier data in (DIN), GPIO13.</summary>
        public const int SpeakerData = 13;

        /// <summary>I2S bus of the microphone (nanoFramework bus 2 = the ESP32's I2S1).</summary>
        public const int MicBus = 2;

        /// <summary>Microphone bit clock (SCK), GPIO18.</summary>
        public const int MicBitClock = 18;

        /// <summary>Microphone word select (WS), GPIO19.</summary>
        public const int MicWordSelect = 19;

        /// <summary>Microphone data out (SD), GPIO34 (input only).</summary>
        public const int MicData = 34;
    }
}
