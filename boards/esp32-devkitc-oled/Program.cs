// SPDX-License-Identifier: MIT
using System.Device.Gpio;
using System.Device.I2c;
using System.Threading;
using Iot.Device.Ssd13xx;
using nanoFramework.Hardware.Esp32;
using Phone.Boards.Esp32;

namespace Phone.Boards.DevKitC
{
    /// <summary>ESP32 DevKitC phone: SSD1306 OLED on I2C, three GPIO buttons, then the shared start-up.</summary>
    public class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Configuration.SetPinFunction(PinMap.I2cData, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(PinMap.I2cClock, DeviceFunction.I2C1_CLOCK);
            var oled = new Ssd1306(I2cDevice.Create(new I2cConnectionSettings(PinMap.I2cBus, PinMap.OledAddress)),
                Ssd13xx.DisplayResolution.OLED128x64);
            var display = new OledDisplay(oled);
            Configuration.SetPinFunction(PinMap.SpeakerBitClock, DeviceFunction.I2S1_BCK);
            Configuration.SetPinFunction(PinMap.SpeakerWordSelect, DeviceFunction.I2S1_WS);
            Configuration.SetPinFunction(PinMap.SpeakerData, DeviceFunction.I2S1_DATA_OUT);
            Configuration.SetPinFunction(PinMap.MicBitClock, DeviceFunction.I2S2_BCK);
            Configuration.SetPinFunction(PinMap.MicWordSelect, DeviceFunction.I2S2_WS);
            Configuration.SetPinFunction(PinMap.MicData, DeviceFunction.I2S2_MDATA_IN);
            var speaker = new I2sSpeaker(PinMap.SpeakerBus);
            var mic = new I2sMicrophone(PinMap.MicBus);
            var orgBundle = new ResourceBundle(Phone.DevKitC.Resources.ResourceManager, Phone.DevKitC.Resources.BinaryResources.OrgBundle);
            var phone = PhoneWiring.Start(display, WifiJoin.Connect, orgBundle,
                received => new UdpTransport(PinMap.PhonePort, received),
                received => new MdnsTransport(Phone.Firmware.Discovery.MdnsGroup.Port, received), StationAddress.Read,
                new TickClock(), PinMap.PhonePort, PinMap.PeerAddress, mic, speaker);

            var gpio = new GpioController();
            Watch(gpio, PinMap.ButtonLeft, phone, PhoneWiring.Left);
            Watch(gpio, PinMap.ButtonCentre, phone, PhoneWiring.Centre);
            Watch(gpio, PinMap.ButtonRight, phone, PhoneWiring.Right);
            phone.RunForever();
        }

        private static void Watch(GpioController gpio, int pin, PhoneWiring phone, int button)
        {
            GpioPin p = gpio.OpenPin(pin, PinMode.InputPullUp);
            p.DebounceTimeout = new System.TimeSpan(0, 0, 0, 0, 50);
            p.ValueChanged += (sender, e) =>
            {
                if (e.ChangeType == PinEventTypes.Falling)
                {
                    phone.Press(button);
                }
            };
        }
    }
}
