// SPDX-License-Identifier: MIT
/*
 * test_hooks_kem.h - test-build-only (PC_TEST_HOOKS) access to the core's
 * ML-KEM-768 calls (mlkem.c), for the Wycheproof known answers: the seed or
 * message is replayed as the coins of the production code path
 * (pci_mlkem_test_replay_coins), and the decapsulation key, which the API
 * never exports, is handed to the test. Take the table lock.
 */
#ifndef PC_TEST_HOOKS_KEM_H
#define PC_TEST_HOOKS_KEM_H

#ifdef PC_TEST_HOOKS

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PC_TEST_MLKEM_SECRET_LEN 2400
#define PC_TEST_MLKEM_SHARED_LEN 32

/* ML-KEM.KeyGen_internal(d, z) with seed = d || z (64 bytes); seed NULL with
 * seed_len 0: the production random source. Other lengths: PC_E_ARG. */
int32_t pc_test_mlkem_keypair(const uint8_t *seed, size_t seed_len, uint8_t *pk, uint8_t *sk);
/* ML-KEM.Encaps_internal(ek, m), m 32 bytes (NULL, 0: the random source):
 * PC_OK, PC_E_ARG, PC_E_MALFORMED (ek). */
int32_t pc_test_mlkem_encaps(const uint8_t *m, size_t m_len, const uint8_t *pk, size_t pk_len,
                             uint8_t *ct, uint8_t *ss);
/* ML-KEM.Decaps: PC_OK or PC_E_MALFORMED (ciphertext length). */
int32_t pc_test_mlkem_decaps(const uint8_t *ct, size_t ct_len, const uint8_t *sk, uint8_t *ss);
/* Peak Keccak contexts PQClean held at once (pq_glue.c's pool of 2). */
int32_t pc_test_mlkem_ctx_peak(void);

#ifdef __cplusplus
}
#endif

#endif /* PC_TEST_HOOKS */
#endif /* PC_TEST_HOOKS_KEM_H */
