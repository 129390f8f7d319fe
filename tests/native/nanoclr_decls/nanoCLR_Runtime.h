// SPDX-License-Identifier: MIT
// DECLARATIONS ONLY (see README.md): nf-interpreter@a3e8139 src/CLR/Include/nanoCLR_Runtime.h
// starts by including the types and the interop API; the stubs need nothing else from it.
#ifndef PC_DECLS_NANOCLR_RUNTIME_H
#define PC_DECLS_NANOCLR_RUNTIME_H

#include <nanoCLR_Types.h>
#include <nanoCLR_Interop.h>

#endif
