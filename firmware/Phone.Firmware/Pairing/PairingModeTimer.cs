// SPDX-License-Identifier: MIT
using Phone.Firmware.Timing;

namespace Phone.Firmware.Pairing
{
    /// <summary>Hands the pairing mode's timer (screen refresh, deadline) to its PhoneCore.</summary>
    internal class PairingModeTimer : ITimerHandler
    {
        private readonly PhoneCore _core;

        internal PairingModeTimer(PhoneCore core)
        {
            _core = core;
        }

        /// <summary>ITimerHandler.</summary>
        public void OnTimer(PhoneTimer timer, long now)
        {
            _core.OnPairingModeTimer(now);
        }
    }
}
