// SPDX-License-Identifier: MIT
namespace Phone.Boards.M5Core2
{
    /// <summary>
    /// Everything board-specific about the M5Stack Core2 in one place. The ILI9342 display,
    /// its SPI pins, the AXP192 power chip and the FT6336 touch panel are set up by
    /// nanoFramework.M5Core2 (M5Core2.InitializeScreen) on the M5Core2 firmware image.
    ///
    /// Audio (docs/device.md, "Audio wiring"): the NS4168 speaker amplifier is wired to GPIO12
    /// (BCLK), GPIO0 (LRCK) and GPIO2 (DATA), enabled by the AXP192's GPIO2. The built-in
    /// SPM1423 PDM microphone takes its clock from the same GPIO0 and PDM works only on the
    /// ESP32's I2S0: it cannot run while the speaker runs, so the phone does not use it. The
    /// microphone is an external INMP441 on I2S bus 2 through Port A and Port B:
    ///
    /// | INMP441 | Core2 port / pin     |
    /// |---------|----------------------|
    /// | SCK     | Port A yellow, G33   |
    /// | WS      | Port A white, G32    |
    /// | SD      | Port B white, G36    |
    /// | L/R     | GND                  |
    /// | VDD/GND | Port A 3V3 / GND     |
    ///
    /// Without it (ExternalMicFitted false) calls show "Connected, no microphone".
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

        /// <summary>I2S bus of the NS4168 (nanoFramework bus 1 = the ESP32's I2S0).</summary>
        public const int SpeakerBus = 1;

        /// <summary>NS4168 bit clock, GPIO12.</summary>
        public const int SpeakerBitClock = 12;

        /// <summary>NS4168 word clock, GPIO0 (shared with the built-in PDM microphone's clock).</summary>
        public const int SpeakerWordSelect = 0;

        /// <summary>NS4168 data, GPIO2.</summary>
        public const int SpeakerData = 2;

        /// <summary>True when an INMP441 is wired to Port A/B as below.</summary>
        public const bool ExternalMicFitted = true;

        /// <summary>I2S bus of the external microphone (nanoFramework bus 2 = the ESP32's I2S1).</summary>
        public const int MicBus = 2;

        /// <summary>External microphone bit clock (SCK), G33 on Port A.</summary>
        public const int MicBitClock = 33;

        /// <summary>External microphone word select (WS), G32 on Port A.</summary>
        public const int MicWordSelect = 32;

        /// <summary>External microphone data (SD), G36 on Port B (input only).</summary>
        public const int MicData = 36;
    }
}
