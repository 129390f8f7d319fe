// SPDX-License-Identifier: MIT
//
// Phone_Crypto_Phone_Crypto_Abi_NativeCrypto.cpp - the user stub of Phone.Crypto.Abi.NativeCrypto:
// the one C++ file of the interop layer written by hand. The MetadataProcessor generates
// this file with empty bodies (and overwrites it on every stub generation): keep this copy,
// compare signatures after a regeneration (docs/device.md, "When the binding changes").
//
// Every body does the same three things:
//   1. a length the managed side passed must fit the array it came with (the C core trusts
//      the length; on the host the wrappers guarantee it, here the stub can check it):
//      a longer one is CLR_E_INDEX_OUT_OF_RANGE (IndexOutOfRangeException);
//   2. call the C API of native/include/phone_crypto_api.h with the array's buffer;
//   3. map the result: caller mistakes become managed exceptions through hr,
//        PC_E_ARG, PC_E_SPACE -> CLR_E_INVALID_PARAMETER  (ArgumentException)
//        PC_E_HANDLE          -> CLR_E_OBJECT_DISPOSED    (ObjectDisposedException)
//        PC_E_STATE           -> CLR_E_INVALID_OPERATION  (InvalidOperationException)
//      which are the exceptions firmware/Phone.Crypto/NativeResult.cs throws for the same
//      codes on the host; every other code (hostile input, conditions, platform, NO_SLOT)
//      is returned as the int result and handled by NativeResult exactly as on the host.
//      The free/close calls return every code unchanged: the managed Dispose ignores it on
//      both targets, so Dispose of a stale handle does not throw on the device either.
//
// Arrays: the marshaller refuses a null array (CLR_E_NULL_REFERENCE) before we run; the
// buffers point into the managed heap and are used only during the call, never kept.
// Threading: one interpreter task runs every native call (nanoFramework's main_task), so
// the C core's static tables need no lock here (native/nanoframework/platform_esp32.c).
//

#include "Phone_Crypto.h"
#include "Phone_Crypto_Phone_Crypto_Abi_NativeCrypto.h"

#include <nanoHAL.h>

#include "phone_crypto_api.h"

extern "C"
{
#include "pc_platform.h"
}

using namespace Phone_Crypto::Phone_Crypto;

namespace
{
// True when length fits the array; otherwise sets hr (the call does not happen).
bool Fits(CLR_RT_TypedArray_UINT8 &array, signed int length, HRESULT &hr)
{
    if (length > 0 && (unsigned int)length > array.GetSize())
    {
        hr = CLR_E_INDEX_OUT_OF_RANGE;
        return false;
    }

    return true;
}

// Caller mistakes -> HRESULT (managed exception); every other code is returned.
signed int Result(int32_t rc, HRESULT &hr)
{
    switch (rc)
    {
        case PC_E_ARG:
        case PC_E_SPACE:
            hr = CLR_E_INVALID_PARAMETER;
            break;
        case PC_E_HANDLE:
            hr = CLR_E_OBJECT_DISPOSED;
            break;
        case PC_E_STATE:
            hr = CLR_E_INVALID_OPERATION;
            break;
        default:
            break;
    }

    return (signed int)rc;
}

// C globals survive a managed soft reboot (new deployment, debugger restart): wipe every
// native secret then. nanoHAL.h declares the registration with C++ linkage, so it is done
// here rather than in platform_esp32.c; it is idempotent (targets/ESP32/_nanoCLR/targetHAL.cpp)
// and nothing secret exists before the self-test has passed.
void RegisterSoftRebootWipe()
{
    HAL_AddSoftRebootHandler(pci_wipe_all);
}
} // namespace

// ---- core -------------------------------------------------------------------

signed int NativeCrypto::ApiVersion(HRESULT &hr)
{
    return Result(pc_api_version(), hr);
}

signed int NativeCrypto::SelfTest(HRESULT &hr)
{
    RegisterSoftRebootWipe();
    return Result(pc_selftest(), hr);
}

signed int NativeCrypto::Hash(
    CLR_RT_TypedArray_UINT8 input,
    signed int inputLength,
    CLR_RT_TypedArray_UINT8 output,
    signed int outputLength,
    HRESULT &hr)
{
    if (!Fits(input, inputLength, hr) || !Fits(output, outputLength, hr))
    {
        return 0;
    }

    return Result(pc_hash(input.GetBuffer(), inputLength, output.GetBuffer(), outputLength), hr);
}

signed int NativeCrypto::Random(CLR_RT_TypedArray_UINT8 output, signed int outputLength, HRESULT &hr)
{
    if (!Fits(output, outputLength, hr))
    {
        return 0;
    }

    return Result(pc_random(output.GetBuffer(), outputLength), hr);
}

// ---- store --------------------------------------------------------------------

signed int NativeCrypto::StoreOpen(CLR_RT_TypedArray_UINT8 locator, signed int locatorLength, HRESULT &hr)
{
    if (!Fits(locator, locatorLength, hr))
    {
        return 0;
    }

    return Result(pc_store_open(locator.GetBuffer(), locatorLength), hr);
}

signed int NativeCrypto::StoreClose(signed int store, HRESULT &hr)
{
    (void)hr;
    return (signed int)pc_store_close(store);
}

signed int NativeCrypto::StoreStatus(signed int store, HRESULT &hr)
{
    return Result(pc_store_status(store), hr);
}

signed int NativeCrypto::StoreFactoryReset(
    signed int store,
    CLR_RT_TypedArray_UINT8 locator,
    signed int locatorLength,
    HRESULT &hr)
{
    if (!Fits(locator, locatorLength, hr))
    {
        return 0;
    }

    return Result(pc_store_factory_reset(store, locator.GetBuffer(), locatorLength), hr);
}

signed int NativeCrypto::StoreIdentity(
    signed int store,
    CLR_RT_TypedArray_UINT8 publicKey,
    signed int publicKeyLength,
    HRESULT &hr)
{
    if (!Fits(publicKey, publicKeyLength, hr))
    {
        return 0;
    }

    return Result(pc_store_identity(store, publicKey.GetBuffer(), publicKeyLength), hr);
}

signed int NativeCrypto::ContactCapacity(HRESULT &hr)
{
    return Result(pc_contact_capacity(), hr);
}

signed int NativeCrypto::ContactRead(
    signed int store,
    signed int index,
    CLR_RT_TypedArray_UINT8 record,
    signed int recordLength,
    HRESULT &hr)
{
    if (!Fits(record, recordLength, hr))
    {
        return 0;
    }

    return Result(pc_contact_read(store, index, record.GetBuffer(), recordLength), hr);
}

signed int NativeCrypto::ContactFind(
    signed int store,
    CLR_RT_TypedArray_UINT8 publicKey,
    signed int publicKeyLength,
    HRESULT &hr)
{
    if (!Fits(publicKey, publicKeyLength, hr))
    {
        return 0;
    }

    return Result(pc_contact_find(store, publicKey.GetBuffer(), publicKeyLength), hr);
}

signed int NativeCrypto::ContactPin(
    signed int store,
    signed int session,
    CLR_RT_TypedArray_UINT8 name,
    signed int nameLength,
    signed int flags,
    HRESULT &hr)
{
    if (!Fits(name, nameLength, hr))
    {
        return 0;
    }

    return Result(pc_contact_pin(store, session, name.GetBuffer(), nameLength, flags), hr);
}

signed int NativeCrypto::ContactSetFlags(signed int store, signed int index, signed int flags, HRESULT &hr)
{
    return Result(pc_contact_set_flags(store, index, flags), hr);
}

signed int NativeCrypto::ContactRemember(signed int store, signed int index, signed int session, HRESULT &hr)
{
    return Result(pc_contact_remember(store, index, session), hr);
}

signed int NativeCrypto::ContactRememberFlags(
    signed int store,
    signed int index,
    signed int session,
    signed int flags,
    HRESULT &hr)
{
    return Result(pc_contact_remember_flags(store, index, session, flags), hr);
}

signed int NativeCrypto::ContactForget(signed int store, signed int index, HRESULT &hr)
{
    return Result(pc_contact_forget(store, index), hr);
}

signed int NativeCrypto::ContactPage(
    signed int store,
    signed int first,
    CLR_RT_TypedArray_UINT8 prefix,
    signed int prefixLength,
    CLR_RT_TypedArray_UINT8 page,
    signed int pageLength,
    HRESULT &hr)
{
    if (!Fits(prefix, prefixLength, hr) || !Fits(page, pageLength, hr))
    {
        return 0;
    }

    return Result(
        pc_contact_page(store, first, prefix.GetBuffer(), prefixLength, page.GetBuffer(), pageLength),
        hr);
}

// ---- ephemeral key pool ---------------------------------------------------------

signed int NativeCrypto::PoolRefill(HRESULT &hr)
{
    return Result(pc_pool_refill(), hr);
}

signed int NativeCrypto::PoolReady(HRESULT &hr)
{
    return Result(pc_pool_ready(), hr);
}

// ---- Noise handshakes -------------------------------------------------------------

signed int NativeCrypto::HandshakeNew(
    signed int store,
    signed int pattern,
    signed int role,
    CLR_RT_TypedArray_UINT8 prologue,
    signed int prologueLength,
    CLR_RT_TypedArray_UINT8 remoteStatic,
    signed int remoteStaticLength,
    HRESULT &hr)
{
    if (!Fits(prologue, prologueLength, hr) || !Fits(remoteStatic, remoteStaticLength, hr))
    {
        return 0;
    }

    return Result(
        pc_hs_new(
            store,
            pattern,
            role,
            prologue.GetBuffer(),
            prologueLength,
            remoteStatic.GetBuffer(),
            remoteStaticLength),
        hr);
}

signed int NativeCrypto::HandshakeUseResumption(
    signed int handshake,
    signed int store,
    signed int contact,
    signed int generation,
    HRESULT &hr)
{
    return Result(pc_hs_use_resumption(handshake, store, contact, generation), hr);
}

signed int NativeCrypto::HandshakeWrite(
    signed int handshake,
    CLR_RT_TypedArray_UINT8 payload,
    signed int payloadLength,
    CLR_RT_TypedArray_UINT8 output,
    signed int outputLength,
    signed int outputOffset,
    HRESULT &hr)
{
    if (!Fits(payload, payloadLength, hr) || !Fits(output, outputLength, hr))
    {
        return 0;
    }

    return Result(
        pc_hs_write(handshake, payload.GetBuffer(), payloadLength, output.GetBuffer(), outputLength, outputOffset),
        hr);
}

signed int NativeCrypto::HandshakeRead(
    signed int handshake,
    CLR_RT_TypedArray_UINT8 message,
    signed int messageLength,
    signed int offset,
    signed int count,
    CLR_RT_TypedArray_UINT8 payload,
    signed int payloadLength,
    HRESULT &hr)
{
    if (!Fits(message, messageLength, hr) || !Fits(payload, payloadLength, hr))
    {
        return 0;
    }

    return Result(
        pc_hs_read(handshake, message.GetBuffer(), messageLength, offset, count, payload.GetBuffer(), payloadLength),
        hr);
}

signed int NativeCrypto::HandshakeStatus(signed int handshake, HRESULT &hr)
{
    return Result(pc_hs_status(handshake), hr);
}

signed int NativeCrypto::HandshakeHash(
    signed int handshake,
    CLR_RT_TypedArray_UINT8 hash,
    signed int hashLength,
    HRESULT &hr)
{
    if (!Fits(hash, hashLength, hr))
    {
        return 0;
    }

    return Result(pc_hs_hash(handshake, hash.GetBuffer(), hashLength), hr);
}

signed int NativeCrypto::HandshakeRemoteStatic(
    signed int handshake,
    CLR_RT_TypedArray_UINT8 remoteStatic,
    signed int remoteStaticLength,
    HRESULT &hr)
{
    if (!Fits(remoteStatic, remoteStaticLength, hr))
    {
        return 0;
    }

    return Result(pc_hs_remote_static(handshake, remoteStatic.GetBuffer(), remoteStaticLength), hr);
}

signed int NativeCrypto::HandshakeSplit(signed int handshake, HRESULT &hr)
{
    return Result(pc_hs_split(handshake), hr);
}

signed int NativeCrypto::HandshakeFree(signed int handshake, HRESULT &hr)
{
    (void)hr;
    return (signed int)pc_hs_free(handshake);
}

// ---- sessions -----------------------------------------------------------------------

signed int NativeCrypto::SessionSeal(
    signed int session,
    CLR_RT_TypedArray_UINT8 buffer,
    signed int bufferLength,
    signed int offset,
    signed int headerLength,
    signed int bodyLength,
    HRESULT &hr)
{
    if (!Fits(buffer, bufferLength, hr))
    {
        return 0;
    }

    return Result(pc_session_seal(session, buffer.GetBuffer(), bufferLength, offset, headerLength, bodyLength), hr);
}

signed int NativeCrypto::SessionOpen(
    signed int session,
    CLR_RT_TypedArray_UINT8 buffer,
    signed int bufferLength,
    signed int offset,
    signed int headerLength,
    signed int packetLength,
    HRESULT &hr)
{
    if (!Fits(buffer, bufferLength, hr))
    {
        return 0;
    }

    return Result(pc_session_open(session, buffer.GetBuffer(), bufferLength, offset, headerLength, packetLength), hr);
}

signed int NativeCrypto::SessionRatchet(signed int session, HRESULT &hr)
{
    return Result(pc_session_ratchet(session), hr);
}

signed int NativeCrypto::SessionRekeyOffer(
    signed int session,
    CLR_RT_TypedArray_UINT8 ephemeralPublic,
    signed int ephemeralLength,
    HRESULT &hr)
{
    if (!Fits(ephemeralPublic, ephemeralLength, hr))
    {
        return 0;
    }

    return Result(pc_session_rekey_offer(session, ephemeralPublic.GetBuffer(), ephemeralLength), hr);
}

signed int NativeCrypto::SessionRekeyAccept(
    signed int session,
    CLR_RT_TypedArray_UINT8 peerEphemeral,
    signed int peerLength,
    CLR_RT_TypedArray_UINT8 ephemeralPublic,
    signed int ephemeralLength,
    HRESULT &hr)
{
    if (!Fits(peerEphemeral, peerLength, hr) || !Fits(ephemeralPublic, ephemeralLength, hr))
    {
        return 0;
    }

    return Result(
        pc_session_rekey_accept(
            session,
            peerEphemeral.GetBuffer(),
            peerLength,
            ephemeralPublic.GetBuffer(),
            ephemeralLength),
        hr);
}

signed int NativeCrypto::SessionRekeyComplete(
    signed int session,
    CLR_RT_TypedArray_UINT8 peerEphemeral,
    signed int peerLength,
    HRESULT &hr)
{
    if (!Fits(peerEphemeral, peerLength, hr))
    {
        return 0;
    }

    return Result(pc_session_rekey_complete(session, peerEphemeral.GetBuffer(), peerLength), hr);
}

signed int NativeCrypto::SessionForgetPrevious(signed int session, HRESULT &hr)
{
    return Result(pc_session_forget_previous(session), hr);
}

signed int NativeCrypto::SessionInfo(signed int session, CLR_RT_TypedArray_UINT8 info, signed int infoLength, HRESULT &hr)
{
    if (!Fits(info, infoLength, hr))
    {
        return 0;
    }

    return Result(pc_session_info(session, info.GetBuffer(), infoLength), hr);
}

signed int NativeCrypto::SessionFree(signed int session, HRESULT &hr)
{
    (void)hr;
    return (signed int)pc_session_free(session);
}

signed int NativeCrypto::MediaSeal(
    signed int session,
    CLR_RT_TypedArray_UINT8 pcm,
    signed int pcmLength,
    signed int pcmOffset,
    signed int sampleBytes,
    signed int samples,
    CLR_RT_TypedArray_UINT8 buffer,
    signed int bufferLength,
    signed int offset,
    signed int headerLength,
    HRESULT &hr)
{
    if (!Fits(pcm, pcmLength, hr) || !Fits(buffer, bufferLength, hr))
    {
        return 0;
    }

    return Result(
        pc_media_seal(
            session,
            pcm.GetBuffer(),
            pcmLength,
            pcmOffset,
            sampleBytes,
            samples,
            buffer.GetBuffer(),
            bufferLength,
            offset,
            headerLength),
        hr);
}

signed int NativeCrypto::MediaOpen(
    signed int session,
    CLR_RT_TypedArray_UINT8 buffer,
    signed int bufferLength,
    signed int offset,
    signed int headerLength,
    signed int packetLength,
    CLR_RT_TypedArray_UINT8 pcm,
    signed int pcmLength,
    signed int pcmOffset,
    signed int maxSamples,
    HRESULT &hr)
{
    if (!Fits(buffer, bufferLength, hr) || !Fits(pcm, pcmLength, hr))
    {
        return 0;
    }

    return Result(
        pc_media_open(
            session,
            buffer.GetBuffer(),
            bufferLength,
            offset,
            headerLength,
            packetLength,
            pcm.GetBuffer(),
            pcmLength,
            pcmOffset,
            maxSamples),
        hr);
}

signed int NativeCrypto::MediaConceal(
    CLR_RT_TypedArray_UINT8 pcm,
    signed int pcmLength,
    signed int sourceOffset,
    signed int targetOffset,
    signed int samples,
    signed int gain,
    HRESULT &hr)
{
    if (!Fits(pcm, pcmLength, hr))
    {
        return 0;
    }

    return Result(pc_media_conceal(pcm.GetBuffer(), pcmLength, sourceOffset, targetOffset, samples, gain), hr);
}

// ---- hybrid pairing (ML-KEM-768): the KEM secret key and shared secret never leave native code

signed int NativeCrypto::HandshakeKemOffer(
    signed int handshake,
    CLR_RT_TypedArray_UINT8 publicKey,
    signed int publicKeyLength,
    HRESULT &hr)
{
    if (!Fits(publicKey, publicKeyLength, hr))
    {
        return 0;
    }

    return Result(pc_hs_kem_offer(handshake, publicKey.GetBuffer(), publicKeyLength), hr);
}

signed int NativeCrypto::HandshakeKemAccept(
    signed int handshake,
    CLR_RT_TypedArray_UINT8 publicKey,
    signed int publicKeyLength,
    CLR_RT_TypedArray_UINT8 ciphertext,
    signed int ciphertextLength,
    HRESULT &hr)
{
    if (!Fits(publicKey, publicKeyLength, hr) || !Fits(ciphertext, ciphertextLength, hr))
    {
        return 0;
    }

    return Result(
        pc_hs_kem_accept(handshake, publicKey.GetBuffer(), publicKeyLength, ciphertext.GetBuffer(), ciphertextLength),
        hr);
}

signed int NativeCrypto::HandshakeKemFinish(
    signed int handshake,
    CLR_RT_TypedArray_UINT8 ciphertext,
    signed int ciphertextLength,
    HRESULT &hr)
{
    if (!Fits(ciphertext, ciphertextLength, hr))
    {
        return 0;
    }

    return Result(pc_hs_kem_finish(handshake, ciphertext.GetBuffer(), ciphertextLength), hr);
}

signed int NativeCrypto::HandshakeKemMixed(signed int handshake, HRESULT &hr)
{
    return Result(pc_hs_kem_mixed(handshake), hr);
}

// ---- organisation trust: certificates and revocation lists (public data only)

signed int NativeCrypto::OrgInstall(
    signed int store,
    CLR_RT_TypedArray_UINT8 orgPublicKey,
    signed int orgPublicKeyLength,
    CLR_RT_TypedArray_UINT8 orgName,
    signed int orgNameLength,
    CLR_RT_TypedArray_UINT8 certificate,
    signed int certificateLength,
    HRESULT &hr)
{
    if (!Fits(orgPublicKey, orgPublicKeyLength, hr) || !Fits(orgName, orgNameLength, hr)
        || !Fits(certificate, certificateLength, hr))
    {
        return 0;
    }

    return Result(
        pc_org_install(
            store,
            orgPublicKey.GetBuffer(),
            orgPublicKeyLength,
            orgName.GetBuffer(),
            orgNameLength,
            certificate.GetBuffer(),
            certificateLength),
        hr);
}

signed int NativeCrypto::OrgRead(
    signed int store,
    signed int part,
    CLR_RT_TypedArray_UINT8 output,
    signed int outputLength,
    HRESULT &hr)
{
    if (!Fits(output, outputLength, hr))
    {
        return 0;
    }

    return Result(pc_org_read(store, part, output.GetBuffer(), outputLength), hr);
}

signed int NativeCrypto::OrgCrlOffer(signed int store, CLR_RT_TypedArray_UINT8 list, signed int listLength, HRESULT &hr)
{
    if (!Fits(list, listLength, hr))
    {
        return 0;
    }

    return Result(pc_org_crl_offer(store, list.GetBuffer(), listLength), hr);
}

signed int NativeCrypto::OrgVerifyPeer(
    signed int store,
    signed int handshake,
    CLR_RT_TypedArray_UINT8 certificate,
    signed int certificateLength,
    CLR_RT_TypedArray_UINT8 output,
    signed int outputLength,
    HRESULT &hr)
{
    if (!Fits(certificate, certificateLength, hr) || !Fits(output, outputLength, hr))
    {
        return 0;
    }

    return Result(
        pc_org_verify_peer(
            store,
            handshake,
            certificate.GetBuffer(),
            certificateLength,
            output.GetBuffer(),
            outputLength),
        hr);
}

signed int NativeCrypto::OrgCheckContact(
    signed int store,
    CLR_RT_TypedArray_UINT8 publicKey,
    signed int publicKeyLength,
    HRESULT &hr)
{
    if (!Fits(publicKey, publicKeyLength, hr))
    {
        return 0;
    }

    return Result(pc_org_check_contact(store, publicKey.GetBuffer(), publicKeyLength), hr);
}

// ---- stateless cookie (docs/protocol.md §11) ----

signed int NativeCrypto::CookieStamp(
    CLR_RT_TypedArray_UINT8 mac1Key,
    signed int keyLength,
    CLR_RT_TypedArray_UINT8 cookie,
    signed int cookieLength,
    CLR_RT_TypedArray_UINT8 datagram,
    signed int datagramLength,
    signed int offset,
    signed int count,
    HRESULT &hr)
{
    if (!Fits(mac1Key, keyLength, hr) || !Fits(cookie, cookieLength, hr) || !Fits(datagram, datagramLength, hr))
    {
        return 0;
    }

    return Result(
        pc_cookie_stamp(
            mac1Key.GetBuffer(),
            keyLength,
            cookieLength == 0 ? NULL : cookie.GetBuffer(),
            cookieLength,
            datagram.GetBuffer(),
            datagramLength,
            offset,
            count),
        hr);
}

signed int NativeCrypto::CookieCheck(
    CLR_RT_TypedArray_UINT8 mac1Key,
    signed int keyLength,
    CLR_RT_TypedArray_UINT8 source,
    signed int sourceLength,
    signed int epoch,
    CLR_RT_TypedArray_UINT8 datagram,
    signed int datagramLength,
    signed int offset,
    signed int count,
    HRESULT &hr)
{
    if (!Fits(mac1Key, keyLength, hr) || !Fits(source, sourceLength, hr) || !Fits(datagram, datagramLength, hr))
    {
        return 0;
    }

    return Result(
        pc_cookie_check(
            mac1Key.GetBuffer(),
            keyLength,
            source.GetBuffer(),
            sourceLength,
            epoch,
            datagram.GetBuffer(),
            datagramLength,
            offset,
            count),
        hr);
}

signed int NativeCrypto::CookieReply(
    CLR_RT_TypedArray_UINT8 cookieKey,
    signed int keyLength,
    CLR_RT_TypedArray_UINT8 source,
    signed int sourceLength,
    signed int epoch,
    CLR_RT_TypedArray_UINT8 request,
    signed int requestLength,
    signed int requestOffset,
    signed int requestCount,
    CLR_RT_TypedArray_UINT8 output,
    signed int outputLength,
    signed int outputOffset,
    HRESULT &hr)
{
    if (!Fits(cookieKey, keyLength, hr) || !Fits(source, sourceLength, hr) || !Fits(request, requestLength, hr) ||
        !Fits(output, outputLength, hr))
    {
        return 0;
    }

    return Result(
        pc_cookie_reply(
            cookieKey.GetBuffer(),
            keyLength,
            source.GetBuffer(),
            sourceLength,
            epoch,
            request.GetBuffer(),
            requestLength,
            requestOffset,
            requestCount,
            output.GetBuffer(),
            outputLength,
            outputOffset),
        hr);
}

signed int NativeCrypto::CookieOpen(
    CLR_RT_TypedArray_UINT8 cookieKey,
    signed int keyLength,
    CLR_RT_TypedArray_UINT8 mac1,
    signed int mac1Length,
    CLR_RT_TypedArray_UINT8 reply,
    signed int replyLength,
    signed int offset,
    CLR_RT_TypedArray_UINT8 cookie,
    signed int cookieLength,
    HRESULT &hr)
{
    if (!Fits(cookieKey, keyLength, hr) || !Fits(mac1, mac1Length, hr) || !Fits(reply, replyLength, hr) ||
        !Fits(cookie, cookieLength, hr))
    {
        return 0;
    }

    return Result(
        pc_cookie_open(
            cookieKey.GetBuffer(),
            keyLength,
            mac1.GetBuffer(),
            mac1Length,
            reply.GetBuffer(),
            replyLength,
            offset,
            cookie.GetBuffer(),
            cookieLength),
        hr);
}
