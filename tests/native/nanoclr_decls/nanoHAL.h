// SPDX-License-Identifier: MIT
// DECLARATIONS ONLY (see README.md): the soft-reboot hook of nf-interpreter@a3e8139
// src/HAL/Include/nanoHAL.h (declared there with C++ linkage; defined for ESP32 in
// targets/ESP32/_nanoCLR/targetHAL.cpp).
#ifndef PC_DECLS_NANOHAL_H
#define PC_DECLS_NANOHAL_H

typedef void (*ON_SOFT_REBOOT_HANDLER)(void);

void HAL_AddSoftRebootHandler(ON_SOFT_REBOOT_HANDLER handler);

#endif
