// SPDX-License-Identifier: MIT
/*
 * api_guard.h - what every exported pc_* function does first: take the
 * table lock, refuse to run before the power-on self-test has passed, and
 * check each (buffer, length) pair the managed side passed in. Defined once
 * in api_core.c, shared by the four api_*.c files.
 *
 * Pattern (one exit, the lock always released):
 *     int32_t pc_x(...) {
 *         int32_t rc = pci_api_enter();
 *         if (rc == PC_OK)
 *             rc = do_x(...);
 *         return pci_api_leave(rc);
 *     }
 */
#ifndef PC_API_GUARD_H
#define PC_API_GUARD_H

#include <stddef.h>
#include <stdint.h>

#include "phone_crypto_api.h"
#include "pc_platform.h"

/* Set by pc_selftest (selftest.c) once every known-answer test passed. */
int pci_selftest_passed(void);

/* Takes the table lock: PC_OK, or PC_E_SELFTEST until the self-test passed
 * (the lock is held either way; pci_api_leave releases it). */
int32_t pci_api_enter(void);

/* Releases the table lock and hands rc back. */
int32_t pci_api_leave(int32_t rc);

/* A buffer argument: len >= 0, ptr non-NULL unless len == 0. */
int pci_arg_buffer(const uint8_t *ptr, int32_t len);

/* A region [off, off+count) inside a buffer of buf_len bytes, without overflow. */
int pci_arg_region(const uint8_t *ptr, int32_t buf_len, int32_t off, int32_t count);

/* An output buffer for `need` bytes: PC_OK, PC_E_ARG if malformed,
 * PC_E_SPACE if shorter. */
int32_t pci_arg_out(const uint8_t *out, int32_t out_len, int32_t need);

/* Copies len bytes of src to a checked output buffer: len, or the error of
 * pci_arg_out (out untouched). */
int32_t pci_api_copy_out(uint8_t *out, int32_t out_len, const void *src, int32_t len);

#endif /* PC_API_GUARD_H */
