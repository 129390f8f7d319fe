// SPDX-License-Identifier: MIT
using System.Globalization;
using Phone.Firmware;
using Phone.Firmware.Ui;
using Phone.Sim.Display;

namespace Phone.Sim.Cli
{
    /// <summary>A firmware event as one line for people.</summary>
    internal static class EventText
    {
        /// <summary>"code shown: 123 456 (Bob) after 2.1 ms, 2 flights" and the like.</summary>
        public static string Describe(PhoneEvent e)
        {
            string s = PhoneEventNames.Name(e.Kind);
            if (e.Code != null)
            {
                s += ": " + e.Code + (e.CodeWords != null ? " (" + e.CodeWords + ")" : "");
            }

            if (e.PeerName != null)
            {
                s += ", peer " + e.PeerName;
            }

            if (e.Badge != Badge.None)
            {
                s += ", " + Screens.BadgeText(e.Badge);
            }

            if (e.ElapsedMs > 0 || e.RoundTrips > 0)
            {
                s += ", after " + e.ElapsedMs.ToString(CultureInfo.InvariantCulture) + " ms";
            }

            if (e.RoundTrips > 0)
            {
                s += ", " + e.RoundTrips + (e.RoundTrips == 1 ? " round trip" : " round trips");
            }
            else if (e.Flights > 0)
            {
                s += ", " + e.Flights + " handshake messages";
            }

            if (e.Retransmissions > 0)
            {
                s += ", " + e.Retransmissions + " retransmissions";
            }

            if (e.Text != null)
            {
                s += " [" + e.Text + "]";
            }

            return SafeText.Of(s); // a peer's name is data: no control character reaches a log line
        }
    }
}
