// SPDX-License-Identifier: MIT
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// The stateless cookie's MACs and sealed reply (docs/protocol.md §11, native pc_cookie_*):
    /// mac1/mac2 at the end of a first message, keyed BLAKE2b-128; the responder's rotating
    /// secret R stays in the native core. Keys passed here are derived from public values.
    /// </summary>
    public static class CookieMacs
    {
        /// <summary>Length of mac1, of mac2 and of a cookie.</summary>
        public const int MacLength = 16;

        /// <summary>mac1 ‖ mac2 at the end of a first message.</summary>
        public const int MacsLength = 32;

        /// <summary>nonce (24) ‖ sealed cookie (16) ‖ tag (16) inside COOKIE_REPLY.</summary>
        public const int SealedLength = 56;

        /// <summary>Check flag: mac1 verified.</summary>
        public const int Mac1Ok = 0x01;

        /// <summary>Check flag: mac2 verified (the source owns its address).</summary>
        public const int Mac2Ok = 0x02;

        /// <summary>Writes mac1 and mac2 (zeros when cookie is null) into the datagram's last 32 bytes.</summary>
        public static void Stamp(byte[] mac1Key, byte[] cookie, byte[] datagram, int offset, int count)
        {
            NativeResult.Check(NativeCrypto.CookieStamp(mac1Key, mac1Key.Length, cookie,
                cookie == null ? 0 : cookie.Length, datagram, datagram.Length, offset, count), "cookie stamp");
        }

        /// <summary>Mac1Ok / Mac2Ok flags of a first message from source; epoch = now / 120 s.</summary>
        public static int Check(byte[] mac1Key, byte[] source, int epoch, byte[] datagram, int offset, int count)
        {
            return NativeResult.Check(NativeCrypto.CookieCheck(mac1Key, mac1Key.Length, source, source.Length, epoch,
                datagram, datagram.Length, offset, count), "cookie check");
        }

        /// <summary>Writes the sealed cookie for source (SealedLength bytes at outputOffset) answering request.</summary>
        public static int Reply(byte[] cookieKey, byte[] source, int epoch, byte[] request, int offset, int count,
            byte[] output, int outputOffset)
        {
            return NativeResult.Check(NativeCrypto.CookieReply(cookieKey, cookieKey.Length, source, source.Length,
                epoch, request, request.Length, offset, count, output, output.Length, outputOffset), "cookie reply");
        }

        /// <summary>Opens a sealed cookie at reply[offset..] with the mac1 we sent; false if it does not open.</summary>
        public static bool Open(byte[] cookieKey, byte[] mac1, byte[] reply, int offset, byte[] cookie)
        {
            int r = NativeResult.CheckAllowHostile(NativeCrypto.CookieOpen(cookieKey, cookieKey.Length, mac1,
                mac1.Length, reply, reply.Length, offset, cookie, cookie.Length), "cookie open");
            return r >= 0;
        }
    }
}
