// SPDX-License-Identifier: MIT
/*
 * test_vectors.h - what the transcript vectors need from the core
 * (tests/vectors/transcript.json, tools/vectors): a seeded deterministic
 * random source in place of the platform's, and a trace of the secrets the
 * core draws and derives, so a generator can write them next to the
 * datagrams and a replay reproduces every byte.
 *
 * Host test builds only (PC_TEST_VECTORS: phonecrypto_testhooks and its
 * shared twin libphonecrypto_testhooks.so, native/CMakeLists.txt). Never in
 * the library the firmware loads (libphonecrypto.so), never on a device:
 * without PC_TEST_VECTORS every PCI_TRACE below compiles to nothing.
 */
#ifndef PC_TEST_VECTORS_H
#define PC_TEST_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#ifdef PC_TEST_VECTORS

#include "phone_crypto_api.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PC_TEST_SEED_LEN 32
#define PC_TRACE_ENTRIES 256    /* until the next clear; more is an overflow */
#define PC_TRACE_DATA_MAX 1200  /* bytes kept per entry (an ML-KEM-768 public key fits) */
#define PC_TRACE_LABEL_MAX 32

/* Vector mode on: wipes every table (pci_wipe_all: handles of earlier runs
 * go stale, the ephemeral pool is empty), empties the trace and from now on
 * answers every random draw from the DRBG seeded with seed (32 bytes), and
 * records the trace. PC_OK, or PC_E_ARG for another seed length. */
PC_API int32_t pc_test_vectors_begin(const uint8_t *seed, int32_t seed_len);

/* Vector mode off: the platform's random source again, trace off and empty.
 * Tables are wiped as by begin. PC_OK. */
PC_API int32_t pc_test_vectors_end(void);

/* Entries recorded since the last clear, or PC_E_SPACE when more than
 * PC_TRACE_ENTRIES were (the trace is then incomplete). */
PC_API int32_t pc_test_trace_count(void);

/* Entry index as [role u8][index u32 LE][length u32 LE][label length u8]
 * [label][data: min(length, PC_TRACE_DATA_MAX) bytes]. Bytes written, or
 * PC_E_ARG (no such entry) / PC_E_SPACE (out too small). */
PC_API int32_t pc_test_trace_read(int32_t index, uint8_t *out, int32_t out_len);

/* Empties the trace (and its overflow mark). PC_OK. */
PC_API int32_t pc_test_trace_clear(void);

/* Records label/role/index/data while vector mode is on and not paused.
 * role: PC_ROLE_* or 0; index: the label's own number (message, epoch,
 * generation, pattern; 0 when none). Called with the table lock held. */
void pci_trace(const char *label, int role, uint32_t index, const uint8_t *data, size_t len);

/* The self-test's own handshakes are not part of any transcript. */
void pci_trace_pause(int paused);

#ifdef __cplusplus
}
#endif

#define PCI_TRACE(label, role, index, data, len) pci_trace((label), (role), (index), (data), (len))
#define PCI_TRACE_PAUSE(paused) pci_trace_pause(paused)

#else

#define PCI_TRACE(label, role, index, data, len) ((void)0)
#define PCI_TRACE_PAUSE(paused) ((void)0)

#endif /* PC_TEST_VECTORS */
#endif /* PC_TEST_VECTORS_H */
