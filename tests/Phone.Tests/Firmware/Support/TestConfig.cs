// SPDX-License-Identifier: MIT
using Phone.Firmware;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>Configurations for in-process tests (short timers, auto-answer off).</summary>
    public static class TestConfig
    {
        public static PhoneConfig Fast(string name)
        {
            return new PhoneConfig
            {
                Name = name,
                RetransmitInitialMs = 100,
                RetransmitMaxMs = 800,
                HandshakeTimeoutMs = 3000,
                LingerMs = 500,
                KeepAliveMs = 500,
                CallIdleTimeoutMs = 5000,
                PerSourceRate = 50,
                GlobalRate = 100,
            };
        }
    }
}
