// SPDX-License-Identifier: MIT
// NativeCrypto, continued: the organisation-trust and stateless-cookie externs (public data
// only). Same rules as NativeCrypto.cs: declarations only, and any change here changes the
// native checksum (regenerate the stubs, bump AssemblyNativeVersion).

using System.Runtime.CompilerServices;
#if !NANOFRAMEWORK
using System.Runtime.InteropServices;
#endif

namespace Phone.Crypto.Abi
{
    internal static partial class NativeCrypto
    {
        // ---- organisation trust: certificates and revocation lists (public data only) ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_org_install")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int OrgInstall(int store, byte[] orgPublicKey, int orgPublicKeyLength,
            byte[] orgName, int orgNameLength, byte[] certificate, int certificateLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_org_read")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int OrgRead(int store, int part, byte[] output, int outputLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_org_crl_offer")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int OrgCrlOffer(int store, byte[] list, int listLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_org_verify_peer")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int OrgVerifyPeer(int store, int handshake, byte[] certificate, int certificateLength,
            byte[] output, int outputLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_org_check_contact")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int OrgCheckContact(int store, byte[] publicKey, int publicKeyLength);
        // ---- stateless cookie (docs/protocol.md §11) ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_cookie_stamp")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int CookieStamp(byte[] mac1Key, int keyLength, byte[] cookie, int cookieLength,
            byte[] datagram, int datagramLength, int offset, int count);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_cookie_check")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int CookieCheck(byte[] mac1Key, int keyLength, byte[] source, int sourceLength,
            int epoch, byte[] datagram, int datagramLength, int offset, int count);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_cookie_reply")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int CookieReply(byte[] cookieKey, int keyLength, byte[] source, int sourceLength,
            int epoch, byte[] request, int requestLength, int requestOffset, int requestCount, byte[] output,
            int outputLength, int outputOffset);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_cookie_open")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int CookieOpen(byte[] cookieKey, int keyLength, byte[] mac1, int mac1Length,
            byte[] reply, int replyLength, int offset, byte[] cookie, int cookieLength);
    }
}
