// SPDX-License-Identifier: MIT
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.M5Stack;
using Phone.Boards.Esp32;
using Phone.Firmware.Board;

namespace Phone.Boards.M5Core2
{
    /// <summary>M5Stack Core2 phone: screen, touch buttons A/B/C, then the shared ESP32 start-up.</summary>
    public class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            nanoFramework.M5Stack.M5Core2.InitializeScreen();
            var display = new LcdDisplay();
            Configuration.SetPinFunction(PinMap.SpeakerBitClock, DeviceFunction.I2S1_BCK);
            Configuration.SetPinFunction(PinMap.SpeakerWordSelect, DeviceFunction.I2S1_WS);
            Configuration.SetPinFunction(PinMap.SpeakerData, DeviceFunction.I2S1_DATA_OUT);
            nanoFramework.M5Stack.M5Core2.Power.Gpio2Value = PinValue.High; // NS4168 on
            var speaker = new I2sSpeaker(PinMap.SpeakerBus);
            IAudioSource mic = null;
            if (PinMap.ExternalMicFitted)
            {
                Configuration.SetPinFunction(PinMap.MicBitClock, DeviceFunction.I2S2_BCK);
                Configuration.SetPinFunction(PinMap.MicWordSelect, DeviceFunction.I2S2_WS);
                Configuration.SetPinFunction(PinMap.MicData, DeviceFunction.I2S2_MDATA_IN);
                mic = new I2sMicrophone(PinMap.MicBus);
            }

            var orgBundle = new ResourceBundle(Phone.M5Core2.Resources.ResourceManager, Phone.M5Core2.Resources.BinaryResources.OrgBundle);
            var phone = PhoneWiring.Start(display, WifiJoin.Connect, orgBundle,
                received => new UdpTransport(PinMap.PhonePort, received),
                received => new MdnsTransport(Phone.Firmware.Discovery.MdnsGroup.Port, received), StationAddress.Read,
                new TickClock(), PinMap.PhonePort, PinMap.PeerAddress, mic, speaker);
            nanoFramework.M5Stack.M5Core2.TouchEvent += (sender, e) =>
            {
                // the three printed buttons under the screen: A left, B centre, C right
                if (e.Y >= PinMap.ButtonRowY)
                {
                    phone.Press(e.X < PinMap.Width / 3 ? PhoneWiring.Left : e.X < 2 * PinMap.Width / 3 ? PhoneWiring.Centre : PhoneWiring.Right);
                }
            };
            phone.RunForever();
        }
    }
}
