//-----------------------------------------------------------------------------
//
//                   ** WARNING! ** 
//    This file was generated automatically by a tool.
//    Re-running the tool will overwrite this file.
//    You should copy this file to a custom location
//    before adding any customization in the copy to
//    prevent loss of your changes when the tool is
//    re-run.
//
//-----------------------------------------------------------------------------

#ifndef PHONE_CRYPTO_PHONE_CRYPTO_PHONE_CRYPTO_ABI_NATIVECRYPTO_H
#define PHONE_CRYPTO_PHONE_CRYPTO_PHONE_CRYPTO_ABI_NATIVECRYPTO_H

namespace Phone_Crypto
{
    namespace Phone_Crypto
    {
        struct NativeCrypto
        {
            // Helper Functions to access fields of managed object
            // Declaration of stubs. These functions are implemented by Interop code developers
            static signed int ApiVersion(  HRESULT &hr );
            static signed int SelfTest(  HRESULT &hr );
            static signed int Hash( CLR_RT_TypedArray_UINT8 param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, HRESULT &hr );
            static signed int Random( CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr );
            static signed int StoreOpen( CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr );
            static signed int StoreClose( signed int param0, HRESULT &hr );
            static signed int StoreStatus( signed int param0, HRESULT &hr );
            static signed int StoreFactoryReset( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int StoreIdentity( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int ContactCapacity(  HRESULT &hr );
            static signed int ContactRead( signed int param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, HRESULT &hr );
            static signed int ContactFind( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int ContactPin( signed int param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, HRESULT &hr );
            static signed int ContactSetFlags( signed int param0, signed int param1, signed int param2, HRESULT &hr );
            static signed int ContactRemember( signed int param0, signed int param1, signed int param2, HRESULT &hr );
            static signed int ContactRememberFlags( signed int param0, signed int param1, signed int param2, signed int param3, HRESULT &hr );
            static signed int ContactForget( signed int param0, signed int param1, HRESULT &hr );
            static signed int ContactPage( signed int param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, CLR_RT_TypedArray_UINT8 param4, signed int param5, HRESULT &hr );
            static signed int PoolRefill(  HRESULT &hr );
            static signed int PoolReady(  HRESULT &hr );
            static signed int HandshakeNew( signed int param0, signed int param1, signed int param2, CLR_RT_TypedArray_UINT8 param3, signed int param4, CLR_RT_TypedArray_UINT8 param5, signed int param6, HRESULT &hr );
            static signed int HandshakeUseResumption( signed int param0, signed int param1, signed int param2, signed int param3, HRESULT &hr );
            static signed int HandshakeWrite( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, CLR_RT_TypedArray_UINT8 param3, signed int param4, signed int param5, HRESULT &hr );
            static signed int HandshakeRead( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, signed int param4, CLR_RT_TypedArray_UINT8 param5, signed int param6, HRESULT &hr );
            static signed int HandshakeStatus( signed int param0, HRESULT &hr );
            static signed int HandshakeHash( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int HandshakeRemoteStatic( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int HandshakeSplit( signed int param0, HRESULT &hr );
            static signed int HandshakeFree( signed int param0, HRESULT &hr );
            static signed int SessionSeal( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, signed int param4, signed int param5, HRESULT &hr );
            static signed int SessionOpen( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, signed int param4, signed int param5, HRESULT &hr );
            static signed int SessionRatchet( signed int param0, HRESULT &hr );
            static signed int SessionRekeyOffer( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int SessionRekeyAccept( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, CLR_RT_TypedArray_UINT8 param3, signed int param4, HRESULT &hr );
            static signed int SessionRekeyComplete( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int SessionForgetPrevious( signed int param0, HRESULT &hr );
            static signed int SessionInfo( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int SessionFree( signed int param0, HRESULT &hr );
            static signed int MediaSeal( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, signed int param4, signed int param5, CLR_RT_TypedArray_UINT8 param6, signed int param7, signed int param8, signed int param9, HRESULT &hr );
            static signed int MediaOpen( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, signed int param4, signed int param5, CLR_RT_TypedArray_UINT8 param6, signed int param7, signed int param8, signed int param9, HRESULT &hr );
            static signed int MediaConceal( CLR_RT_TypedArray_UINT8 param0, signed int param1, signed int param2, signed int param3, signed int param4, signed int param5, HRESULT &hr );
            static signed int HandshakeKemOffer( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int HandshakeKemAccept( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, CLR_RT_TypedArray_UINT8 param3, signed int param4, HRESULT &hr );
            static signed int HandshakeKemFinish( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int HandshakeKemMixed( signed int param0, HRESULT &hr );
            static signed int OrgInstall( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, CLR_RT_TypedArray_UINT8 param3, signed int param4, CLR_RT_TypedArray_UINT8 param5, signed int param6, HRESULT &hr );
            static signed int OrgRead( signed int param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, HRESULT &hr );
            static signed int OrgCrlOffer( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int OrgVerifyPeer( signed int param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, CLR_RT_TypedArray_UINT8 param4, signed int param5, HRESULT &hr );
            static signed int OrgCheckContact( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int CookieStamp( CLR_RT_TypedArray_UINT8 param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, CLR_RT_TypedArray_UINT8 param4, signed int param5, signed int param6, signed int param7, HRESULT &hr );
            static signed int CookieCheck( CLR_RT_TypedArray_UINT8 param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, CLR_RT_TypedArray_UINT8 param5, signed int param6, signed int param7, signed int param8, HRESULT &hr );
            static signed int CookieReply( CLR_RT_TypedArray_UINT8 param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, CLR_RT_TypedArray_UINT8 param5, signed int param6, signed int param7, signed int param8, CLR_RT_TypedArray_UINT8 param9, signed int param10, signed int param11, HRESULT &hr );
            static signed int CookieOpen( CLR_RT_TypedArray_UINT8 param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, CLR_RT_TypedArray_UINT8 param4, signed int param5, signed int param6, CLR_RT_TypedArray_UINT8 param7, signed int param8, HRESULT &hr );
        };
    }
}

#endif // PHONE_CRYPTO_PHONE_CRYPTO_PHONE_CRYPTO_ABI_NATIVECRYPTO_H
