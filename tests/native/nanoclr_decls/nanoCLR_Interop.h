// SPDX-License-Identifier: MIT
// DECLARATIONS ONLY (see README.md): the part of nanoCLR's interop API the Phone.Crypto stubs
// use, checked against nf-interpreter@a3e8139 src/CLR/Include/nanoCLR_Interop.h.
#ifndef PC_DECLS_NANOCLR_INTEROP_H
#define PC_DECLS_NANOCLR_INTEROP_H

#include <nanoCLR_Types.h>

// The method-body frame: declare hr, bail out to the cleanup label on a failed HRESULT.
#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_CHECK_HRESULT(expr)                                                                \
    {                                                                                              \
        if (FAILED(hr = (expr)))                                                                   \
            goto nanoCLR_Cleanup;                                                                  \
    }
#define NANOCLR_NOCLEANUP()                                                                        \
    hr = S_OK;                                                                                     \
    nanoCLR_Cleanup:                                                                               \
    return hr

struct CLR_RT_StackFrame;

#define NANOCLR_NATIVE_DECLARE(mtd) static HRESULT mtd(CLR_RT_StackFrame &stack)

typedef HRESULT (*CLR_RT_MethodHandler)(CLR_RT_StackFrame &stack);

struct CLR_RT_NativeAssemblyData
{
    const char *m_szAssemblyName;
    unsigned int m_checkSum;
    const void *m_pNativeMethods;
    CLR_RECORD_VERSION m_Version;
};

// A managed array as the marshaller hands it over (element pointer + count). The member
// functions are declared only: nothing here is ever linked.
template <class T> class CLR_RT_TypedArray
{
    T *m_pData;
    unsigned int m_ElemCount;

  public:
    CLR_RT_TypedArray();
    unsigned int GetSize();
    T *GetBuffer();
};

typedef CLR_RT_TypedArray<unsigned char> CLR_RT_TypedArray_UINT8;

HRESULT Interop_Marshal_INT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, signed int &param);
HRESULT Interop_Marshal_UINT8_ARRAY(
    const CLR_RT_StackFrame &stackFrame,
    unsigned int paramIndex,
    CLR_RT_TypedArray_UINT8 &typedArray);

void SetResult_INT32(CLR_RT_StackFrame &stackFrame, signed int value);

#endif
