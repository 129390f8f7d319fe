// SPDX-License-Identifier: MIT
/*
 * mlkem.h - ML-KEM-768 as the core uses it: randomness from the backend's
 * random source, the FIPS 203 input checks, every temporary wiped.
 * The primitive itself is PQClean's, behind mlkem_port.h.
 */
#ifndef PC_MLKEM_H
#define PC_MLKEM_H

#include <stddef.h>
#include <stdint.h>

#include "mlkem_port.h"

/* Key pair from 64 fresh random bytes: PC_OK or PC_E_RNG (pk, sk wiped). */
int pci_mlkem_keypair(uint8_t pk[PCQ_MLKEM_PUBLIC_LEN], uint8_t sk[PCQ_MLKEM_SECRET_LEN]);

/* Encapsulation to a peer's key of pk_len bytes: PC_OK, PC_E_MALFORMED (wrong
 * length, or a coefficient >= q: FIPS 203 §7.2), PC_E_RNG. ct, ss untouched on failure. */
int pci_mlkem_encaps(uint8_t ct[PCQ_MLKEM_CIPHERTEXT_LEN], uint8_t ss[PCQ_MLKEM_SHARED_LEN],
                     const uint8_t *pk, size_t pk_len);

/* Decapsulation of a ciphertext of ct_len bytes: PC_OK or PC_E_MALFORMED (wrong
 * length). A modified ciphertext of the right length is not an error: it gives
 * a pseudo-random secret (implicit rejection), so the handshake fails later. */
int pci_mlkem_decaps(uint8_t ss[PCQ_MLKEM_SHARED_LEN], const uint8_t *ct, size_t ct_len,
                     const uint8_t sk[PCQ_MLKEM_SECRET_LEN]);

#ifdef PC_TEST_HOOKS
/* The next key generation or encapsulation takes these coins (64 or 32 bytes)
 * instead of the random source, once: the Wycheproof seeds replay through the
 * same code path as production. len 0 clears. */
void pci_mlkem_test_replay_coins(const uint8_t *coins, size_t len);
#endif

#endif /* PC_MLKEM_H */
