// SPDX-License-Identifier: MIT
/*
 * xt_drbg.h - TEST-ONLY deterministic random source of the Xtensa images
 * (see sodium_shim.c). Reseeding lets the benchmark draw different keys.
 */
#ifndef XT_DRBG_H
#define XT_DRBG_H

#include <stdint.h>

/* Restarts the keystream from this seed (public, fixed: NOT a secret). */
void xt_test_drbg_seed(const uint8_t seed[32]);

#endif /* XT_DRBG_H */
