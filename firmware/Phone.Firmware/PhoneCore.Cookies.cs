// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Wire;

namespace Phone.Firmware
{
    /// <summary>
    /// The stateless cookie in the datagram path (docs/protocol.md §11): admission of first
    /// messages by mac1/mac2 and load, the rate limit a proven source gets, and COOKIE_REPLY
    /// received for our own first message.
    /// </summary>
    public partial class PhoneCore
    {
        /// <summary>The gate's decision on a first-message datagram; BadMac and CookieSent are counted here.</summary>
        private Admission AdmitFirst(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            Admission admission = _cookieGate.Admit(type, from, buffer, offset, count,
                _handshakeLimiter.UnderLoad(_ctx.Now));
            if (admission == Admission.CookieSent)
            {
                _handshakeLimiter.ChargeLoad(_ctx.Now);
                _ctx.Counters.Drop(DropReason.CookieRequired);
            }
            else if (admission == Admission.BadMac)
            {
                _ctx.Counters.Drop(DropReason.BadMac);
                // A CALL_1 made for a key this phone does not have: the caller falls back (§7.3).
                if (type == MessageType.Call1 && _active == null && _handshakeLimiter.Allow(from, _ctx.Now))
                {
                    _cookieGate.SendCannotDecrypt(from, buffer, offset);
                }
            }

            return admission;
        }

        /// <summary>A proven source (valid mac2) is held to its own rate only; others to the global one too.</summary>
        private bool FirstAllowed(NetAddress from, Admission admission)
        {
            return admission == Admission.Proven
                ? _handshakeLimiter.AllowProven(from, _ctx.Now)
                : _handshakeLimiter.Allow(from, _ctx.Now);
        }

        private void DispatchCookieReply(NetAddress from, byte[] buffer, int offset, int count)
        {
            if (_ctx.Cookies.OnReply(from, buffer, offset, count, _ctx.Now))
            {
                _ctx.Counters.CookiesReceived++;
            }
            else
            {
                _ctx.Counters.Drop(DropReason.UnexpectedMessage);
            }
        }
    }
}
