// SPDX-License-Identifier: MIT
using System.Threading;
using nanoFramework.M5Stack;
using Phone.Boards.Esp32;

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
            var phone = PhoneWiring.Start(display, WifiJoin.Connect,
                received => new UdpTransport(PinMap.PhonePort, received), new TickClock(), PinMap.PhonePort,
                PinMap.PeerAddress);
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
