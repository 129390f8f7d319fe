// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for a compile-time syntax check of
 * native/backends/backend_monocypher.c (CTest: monocypher_backend_syntax).
 * Not Monocypher: no code, never linked. The prototypes below are the
 * subset the backend uses, as documented for Monocypher 4.0.2
 * (src/monocypher.h and the crypto_aead_lock(3monocypher),
 * crypto_blake2b(3monocypher), crypto_x25519(3monocypher),
 * crypto_wipe(3monocypher) manual pages). If the backend drifts from that
 * API (a renamed function, a changed argument), this check fails here
 * instead of on the device build.
 */
#ifndef PC_MONOCYPHER_DECLS_H
#define PC_MONOCYPHER_DECLS_H

#include <stddef.h>
#include <stdint.h>

int crypto_verify16(const uint8_t a[16], const uint8_t b[16]);
int crypto_verify32(const uint8_t a[32], const uint8_t b[32]);
int crypto_verify64(const uint8_t a[64], const uint8_t b[64]);

void crypto_wipe(void *secret, size_t size);

/* XChaCha20-Poly1305 (RFC 8439 construction with XChaCha20). */
void crypto_aead_lock(uint8_t *cipher_text, uint8_t mac[16], const uint8_t key[32],
                      const uint8_t nonce[24], const uint8_t *ad, size_t ad_size,
                      const uint8_t *plain_text, size_t text_size);
int crypto_aead_unlock(uint8_t *plain_text, const uint8_t mac[16], const uint8_t key[32],
                       const uint8_t nonce[24], const uint8_t *ad, size_t ad_size,
                       const uint8_t *cipher_text, size_t text_size);

/* Incremental AEAD; the fields are as documented, their use is the library's. */
typedef struct {
    uint64_t counter;
    uint8_t key[32];
    uint8_t nonce[8];
} crypto_aead_ctx;

void crypto_aead_init_x(crypto_aead_ctx *ctx, const uint8_t key[32], const uint8_t nonce[24]);
void crypto_aead_init_djb(crypto_aead_ctx *ctx, const uint8_t key[32], const uint8_t nonce[8]);
void crypto_aead_init_ietf(crypto_aead_ctx *ctx, const uint8_t key[32], const uint8_t nonce[12]);
void crypto_aead_write(crypto_aead_ctx *ctx, uint8_t *cipher_text, uint8_t mac[16],
                       const uint8_t *ad, size_t ad_size, const uint8_t *plain_text,
                       size_t text_size);
int crypto_aead_read(crypto_aead_ctx *ctx, uint8_t *plain_text, const uint8_t mac[16],
                     const uint8_t *ad, size_t ad_size, const uint8_t *cipher_text,
                     size_t text_size);

/* BLAKE2b, incremental. Same member sizes as documented (the size check in
 * the backend depends on them). */
typedef struct {
    uint64_t hash[8];
    uint64_t input_offset[2];
    uint64_t input[16];
    size_t input_idx;
    size_t hash_size;
} crypto_blake2b_ctx;

void crypto_blake2b_init(crypto_blake2b_ctx *ctx, size_t hash_size);
void crypto_blake2b_keyed_init(crypto_blake2b_ctx *ctx, size_t hash_size, const uint8_t *key,
                               size_t key_size);
void crypto_blake2b_update(crypto_blake2b_ctx *ctx, const uint8_t *message, size_t message_size);
void crypto_blake2b_final(crypto_blake2b_ctx *ctx, uint8_t *hash);

/* X25519 */
void crypto_x25519_public_key(uint8_t public_key[32], const uint8_t secret_key[32]);
void crypto_x25519(uint8_t raw_shared_secret[32], const uint8_t your_secret_key[32],
                   const uint8_t their_public_key[32]);

#endif
