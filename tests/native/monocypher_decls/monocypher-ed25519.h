// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the syntax check of backend_monocypher.c: the
 * Ed25519 check of Monocypher 4.0.2's optional module, as documented in
 * src/optional/monocypher-ed25519.h and crypto_ed25519_check(3monocypher):
 * returns 0 for a valid signature, -1 otherwise. Never linked.
 */
#ifndef PC_MONOCYPHER_ED25519_DECLS_H
#define PC_MONOCYPHER_ED25519_DECLS_H

#include <stddef.h>
#include <stdint.h>

int crypto_ed25519_check(const uint8_t signature[64], const uint8_t public_key[32],
                         const uint8_t *message, size_t message_size);

#endif
