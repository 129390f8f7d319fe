// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Codes carried by ERROR datagrams (byte [2]).</summary>
    public static class ErrorCode
    {
        /// <summary>The datagram's version is not supported; byte [3] names the version spoken.</summary>
        public const byte UnsupportedVersion = 1;

        /// <summary>The phone is in another pairing or call.</summary>
        public const byte Busy = 2;

        /// <summary>A PAIR_1 arrived while the phone is not in pairing mode (its user has not started it).</summary>
        public const byte NotPairing = 3;

        /// <summary>Printable name.</summary>
        public static string Name(int code)
        {
            switch (code)
            {
                case UnsupportedVersion: return "unsupported version";
                case Busy: return "busy";
                case NotPairing: return "not in pairing mode";
                default: return "error " + code.ToString();
            }
        }
    }
}
