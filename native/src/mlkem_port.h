// SPDX-License-Identifier: MIT
/*
 * mlkem_port.h - the ML-KEM-768 functions the core reaches, and nothing else.
 *
 * Like backend.h for the classical primitives, this is the one door from the
 * core into a third-party library: PQClean's ml-kem-768/clean (FIPS 203), as
 * the npm package pqclean@0.8.1 ships it, fetched and hash-checked at build
 * time (native/pqclean/fetch-pqclean.sh, never committed). The functions are
 * defined in native/pqclean/pq_glue.c, which is the only file that includes
 * PQClean's headers and checks at compile time that the sizes below are
 * PQClean's. The core supplies all randomness itself (coins from
 * pci_be_random), so PQClean's deterministic ("derand") entry points are the
 * ones called.
 */
#ifndef PC_MLKEM_PORT_H
#define PC_MLKEM_PORT_H

#include <stdint.h>

#define PCQ_MLKEM_PUBLIC_LEN 1184     /* encapsulation key ek                  */
#define PCQ_MLKEM_SECRET_LEN 2400     /* decapsulation key dk (never exported) */
#define PCQ_MLKEM_CIPHERTEXT_LEN 1088
#define PCQ_MLKEM_SHARED_LEN 32
#define PCQ_MLKEM_KEYGEN_COINS 64     /* d || z (FIPS 203 ML-KEM.KeyGen_internal) */
#define PCQ_MLKEM_ENCAPS_COINS 32     /* m (ML-KEM.Encaps_internal)               */

void pcq_mlkem_keypair(uint8_t pk[PCQ_MLKEM_PUBLIC_LEN], uint8_t sk[PCQ_MLKEM_SECRET_LEN],
                       const uint8_t coins[PCQ_MLKEM_KEYGEN_COINS]);
void pcq_mlkem_encaps(uint8_t ct[PCQ_MLKEM_CIPHERTEXT_LEN], uint8_t ss[PCQ_MLKEM_SHARED_LEN],
                      const uint8_t pk[PCQ_MLKEM_PUBLIC_LEN],
                      const uint8_t coins[PCQ_MLKEM_ENCAPS_COINS]);
/* Implicit rejection: a modified ciphertext yields a pseudo-random secret. */
void pcq_mlkem_decaps(uint8_t ss[PCQ_MLKEM_SHARED_LEN], const uint8_t ct[PCQ_MLKEM_CIPHERTEXT_LEN],
                      const uint8_t sk[PCQ_MLKEM_SECRET_LEN]);
/* FIPS 203 §7.2 encapsulation key check (every coefficient < q): 1 valid, 0 not. */
int pcq_mlkem_public_key_valid(const uint8_t pk[PCQ_MLKEM_PUBLIC_LEN]);

#ifdef PC_TEST_HOOKS
/* Peak number of Keccak contexts the PQClean library held at once (pq_glue.c's
 * static pool), to show the pool is large enough. */
int pcq_ctx_peak(void);
#endif

#endif /* PC_MLKEM_PORT_H */
