// SPDX-License-Identifier: MIT
// The one class through which managed code reaches the native security core
// (native/include/phone_crypto_api.h). Each method is declared once: an
// InternalCall into the nanoCLR interop stubs on the device, a DllImport of
// libphonecrypto on the host. Only byte[] and int cross, and every buffer
// travels with the length the caller believes it has, so both sides check.
//
// Why the namespace Phone.Crypto.Abi: the device dispatches these externs by
// their index in the assembly's method table, and the MetadataProcessor's
// native checksum ignores every method ordered before the first native one.
// The MDP orders types by full name, so "Phone.Crypto.Abi.NativeCrypto" sorts
// before every wrapper ("Phone.Crypto.ContactRecord", ...) under ordinal and
// culture comparison alike: the externs take indexes 0..N-1 and no method of
// another type can shift them without also changing the checksum. Keep this
// class first (tests/device/Host NativesFirstTests fails otherwise): no other
// type in Phone.Crypto.Abi, no method bodies here (the MDP would emit the types
// they use ahead of it), and ApiVersion the first extern (index 0 never moves,
// so CryptoCore.SelfTest's version check always reaches pc_api_version).
//
// Changing anything here (names, order, signatures) changes the native
// checksum: regenerate the stubs and bump AssemblyNativeVersion
// (docs/device.md, "When the binding changes").

using System.Runtime.CompilerServices;
#if !NANOFRAMEWORK
using System.Runtime.InteropServices;
#endif

namespace Phone.Crypto.Abi
{
    internal static partial class NativeCrypto
    {
#if !NANOFRAMEWORK
        private const string Library = "phonecrypto";
#endif

        // ---- core ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_api_version")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ApiVersion();

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_selftest")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SelfTest();

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hash")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int Hash(byte[] input, int inputLength, byte[] output, int outputLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_random")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int Random(byte[] output, int outputLength);

        // ---- store: identity and contacts in secure flash ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_store_open")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int StoreOpen(byte[] locator, int locatorLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_store_close")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int StoreClose(int store);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_store_status")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int StoreStatus(int store);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_store_factory_reset")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int StoreFactoryReset(int store, byte[] locator, int locatorLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_store_identity")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int StoreIdentity(int store, byte[] publicKey, int publicKeyLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_capacity")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactCapacity();

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_read")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactRead(int store, int index, byte[] record, int recordLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_find")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactFind(int store, byte[] publicKey, int publicKeyLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_pin")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactPin(int store, int session, byte[] name, int nameLength, int flags);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_set_flags")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactSetFlags(int store, int index, int flags);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_remember")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactRemember(int store, int index, int session);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_remember_flags")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactRememberFlags(int store, int index, int session, int flags);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_forget")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactForget(int store, int index);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_contact_page")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int ContactPage(int store, int first, byte[] prefix, int prefixLength, byte[] page, int pageLength);

        // ---- ephemeral key pool ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_pool_refill")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int PoolRefill();

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_pool_ready")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int PoolReady();

        // ---- Noise handshakes ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_new")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeNew(int store, int pattern, int role, byte[] prologue,
            int prologueLength, byte[] remoteStatic, int remoteStaticLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_use_resumption")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeUseResumption(int handshake, int store, int contact, int generation);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_write")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeWrite(int handshake, byte[] payload, int payloadLength,
            byte[] output, int outputLength, int outputOffset);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_read")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeRead(int handshake, byte[] message, int messageLength, int offset,
            int count, byte[] payload, int payloadLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_status")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeStatus(int handshake);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_hash")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeHash(int handshake, byte[] hash, int hashLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_remote_static")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeRemoteStatic(int handshake, byte[] remoteStatic, int remoteStaticLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_split")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeSplit(int handshake);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_free")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeFree(int handshake);

        // ---- sessions ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_seal")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionSeal(int session, byte[] buffer, int bufferLength, int offset,
            int headerLength, int bodyLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_open")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionOpen(int session, byte[] buffer, int bufferLength, int offset,
            int headerLength, int packetLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_ratchet")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionRatchet(int session);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_rekey_offer")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionRekeyOffer(int session, byte[] ephemeralPublic, int ephemeralLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_rekey_accept")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionRekeyAccept(int session, byte[] peerEphemeral, int peerLength,
            byte[] ephemeralPublic, int ephemeralLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_rekey_complete")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionRekeyComplete(int session, byte[] peerEphemeral, int peerLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_forget_previous")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionForgetPrevious(int session);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_info")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionInfo(int session, byte[] info, int infoLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_session_free")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int SessionFree(int session);

        // ---- media: one audio frame per call (G.711 µ-law encode + seal, open + decode) ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_media_seal")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int MediaSeal(int session, byte[] pcm, int pcmLength, int pcmOffset, int sampleBytes,
            int samples, byte[] buffer, int bufferLength, int offset, int headerLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_media_open")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int MediaOpen(int session, byte[] buffer, int bufferLength, int offset,
            int headerLength, int packetLength, byte[] pcm, int pcmLength, int pcmOffset, int maxSamples);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_media_conceal")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int MediaConceal(byte[] pcm, int pcmLength, int sourceOffset, int targetOffset,
            int samples, int gain);

        // ---- hybrid pairing: ML-KEM-768 mixed into XX (the KEM secret key and shared secret stay native) ----
#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_kem_offer")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeKemOffer(int handshake, byte[] publicKey, int publicKeyLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_kem_accept")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeKemAccept(int handshake, byte[] publicKey, int publicKeyLength,
            byte[] ciphertext, int ciphertextLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_kem_finish")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeKemFinish(int handshake, byte[] ciphertext, int ciphertextLength);

#if !NANOFRAMEWORK
        [DllImport(Library, EntryPoint = "pc_hs_kem_mixed")]
#else
        [MethodImpl(MethodImplOptions.InternalCall)]
#endif
        internal static extern int HandshakeKemMixed(int handshake);
    }
}
