// SPDX-License-Identifier: MIT
// DECLARATIONS ONLY (see README.md): nf-interpreter@a3e8139 src/CLR/Include/nanoPackStruct.h
// (the struct-packing attribute, GCC spelling).
#ifndef PC_DECLS_NANO_PACKSTRUCT_H
#define PC_DECLS_NANO_PACKSTRUCT_H

#define __nfpack __attribute__((__packed__))

#endif
