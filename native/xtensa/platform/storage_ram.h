// SPDX-License-Identifier: MIT
/*
 * storage_ram.h - test access to the emulator's RAM "flash" (storage_ram.c),
 * PC_TEST_HOOKS builds only: lets the test image damage a record the way a
 * bit flip would.
 */
#ifndef XT_STORAGE_RAM_H
#define XT_STORAGE_RAM_H

#include <stddef.h>
#include <stdint.h>

#ifdef PC_TEST_HOOKS
/* The bytes of a record of the device bound to locator, and how many are
 * written (*len); NULL if no such device or record. */
uint8_t *xt_ram_flash_slot(const char *locator, int record, size_t *len);
#endif

#endif /* XT_STORAGE_RAM_H */
