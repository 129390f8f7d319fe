// SPDX-License-Identifier: MIT
using Phone.Firmware.Exchanges;
using Phone.Firmware.Ui;

namespace Phone.Firmware
{
    /// <summary>
    /// IPhoneHost for the exchanges of one PhoneCore (an adapter rather than
    /// explicit interface members on PhoneCore, which keeps the internal
    /// interface out of the public type).
    /// </summary>
    internal class PhoneHost : IPhoneHost
    {
        private readonly PhoneCore _core;

        internal PhoneHost(PhoneCore core)
        {
            _core = core;
        }

        public void Raise(PhoneEvent e)
        {
            _core.Raise(e);
        }

        public void Show(Exchange exchange, Screen screen)
        {
            _core.ShowFor(exchange, screen);
        }

        public bool Promote(Exchange exchange)
        {
            return _core.Promote(exchange);
        }

        public void Finished(Exchange exchange)
        {
            _core.Finished(exchange);
        }

        public uint NewSessionId()
        {
            return _core.NewSessionId();
        }
    }
}
