// SPDX-License-Identifier: MIT
using System;
using Phone.Crypto;
using Phone.Firmware.Wire;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>
    /// A test attacker's first messages in the version-2 layout (docs/protocol.md §2): header and
    /// Noise message, zero padding, mac1 as any sender can compute it (the open key, or for CALL_1
    /// the callee's public key), mac2 zero.
    /// </summary>
    public static class FirstMessages
    {
        public static byte[] Seal(byte[] body, byte[] calleeStaticKey = null)
        {
            return Seal(body, body.Length, calleeStaticKey);
        }

        /// <summary>Stamps mac1 again (no cookie) after a test edited a sealed first message; returns it.</summary>
        public static byte[] Restamp(byte[] datagram, byte[] calleeStaticKey = null)
        {
            CookieKeys keys = calleeStaticKey == null ? CookieKeys.Open() : CookieKeys.ForStaticKey(calleeStaticKey);
            CookieMacs.Stamp(keys.Mac1Key, null, datagram, 0, datagram.Length);
            return datagram;
        }

        public static byte[] Seal(byte[] body, int bodyLength, byte[] calleeStaticKey = null)
        {
            var datagram = new byte[FirstMessageLayout.DatagramLength(bodyLength)];
            Array.Copy(body, datagram, bodyLength);
            CookieKeys keys = calleeStaticKey == null ? CookieKeys.Open() : CookieKeys.ForStaticKey(calleeStaticKey);
            CookieMacs.Stamp(keys.Mac1Key, null, datagram, 0, datagram.Length);
            return datagram;
        }
    }
}
