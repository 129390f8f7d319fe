// SPDX-License-Identifier: MIT
using Phone.Firmware.Exchanges;
using Phone.Firmware.Ui;

namespace Phone.Firmware
{
    /// <summary>What pairings and calls need from the PhoneCore that owns them.</summary>
    internal interface IPhoneHost
    {
        /// <summary>Delivers an event to the application.</summary>
        void Raise(PhoneEvent e);

        /// <summary>Shows screen if exchange owns the display (is the active pairing or call).</summary>
        void Show(Exchange exchange, Screen screen);

        /// <summary>A half-open inbound exchange completed: make it the active one (false: busy).</summary>
        bool Promote(Exchange exchange);

        /// <summary>The exchange is over and disposed its keys: forget it, show idle if it was active.</summary>
        void Finished(Exchange exchange);

        /// <summary>A fresh random non-zero session id not used by any live exchange.</summary>
        uint NewSessionId();
    }
}
