// SPDX-License-Identifier: MIT
// DECLARATIONS ONLY (see README.md): stand-in for nanoCLR's basic types and HRESULT codes,
// checked against nf-interpreter@a3e8139 src/CLR/Include/nanoCLR_Types.h and nf_errors_exceptions.h.
#ifndef PC_DECLS_NANOCLR_TYPES_H
#define PC_DECLS_NANOCLR_TYPES_H

// The real chain (nanoCLR_PlatformDef.h -> nanoHAL_Types.h) includes <stddef.h>: NULL, size_t.
#include <stddef.h>

typedef unsigned short CLR_UINT16;
typedef unsigned int CLR_UINT32;

struct CLR_RECORD_VERSION
{
    CLR_UINT16 iMajorVersion;
    CLR_UINT16 iMinorVersion;
    CLR_UINT16 iBuildNumber;
    CLR_UINT16 iRevisionNumber;
};

typedef int HRESULT;

#define FAILED(status) ((HRESULT)(status) < 0)
#define S_OK ((HRESULT)0)

// severity bit 31 | facility << 16 | code, as nanoCLR builds its codes
#define PC_DECLS_CLR_ERROR(facility) ((HRESULT)(0x80000000u | ((unsigned)(facility) << 16)))
#define CLR_E_OBJECT_DISPOSED PC_DECLS_CLR_ERROR(0x1900)
#define CLR_E_NULL_REFERENCE PC_DECLS_CLR_ERROR(0x2100)
#define CLR_E_INDEX_OUT_OF_RANGE PC_DECLS_CLR_ERROR(0x2900)
#define CLR_E_INVALID_OPERATION PC_DECLS_CLR_ERROR(0x5600)
#define CLR_E_INVALID_PARAMETER PC_DECLS_CLR_ERROR(0x7D00)

#endif
