// SPDX-License-Identifier: MIT
/*
 * backend.h - the crypto primitives the core needs, and nothing else.
 *
 * Only backend_*.c knows which library sits underneath: libsodium on the
 * host (backends/backend_libsodium.c), Monocypher 4 on the device
 * (backends/backend_monocypher.c, a line-for-line mirror). Everything above
 * this file is the same C on both targets.
 */
#ifndef PC_BACKEND_H
#define PC_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define PC_ALIGN64 __attribute__((aligned(64)))
#else
#define PC_ALIGN64
#endif

#define PC_AEAD_NONCE_LEN 12
#define PC_XAEAD_NONCE_LEN 24
#define PC_BLAKE2B_BLOCK_LEN 128

/* Opaque incremental BLAKE2b state, big enough for either library's context
 * (each backend checks its own size at compile time). */
typedef struct pc_blake2b_ctx {
    PC_ALIGN64 uint8_t opaque[384];
} pc_blake2b_ctx;

/* Once at start; 0 or PC_E_INTERNAL. */
int pci_be_init(void);

/* X25519. pci_be_x25519 returns PC_E_BAD_KEY (and a wiped out) when the result
 * is all zero (low-order peer point), else 0. */
int pci_be_x25519(uint8_t out[32], const uint8_t secret[32], const uint8_t peer[32]);
void pci_be_x25519_public(uint8_t pub[32], const uint8_t secret[32]);
/* X25519 operations (both calls above) since start: the benchmarks and
 * tests count a handshake's critical path with it. Public, wraps. */
uint32_t pci_be_x25519_count(void);

/* ChaCha20-Poly1305 IETF (RFC 8439), 12-byte nonce, detached tag. c may equal
 * m. open verifies before decrypting: on PC_E_AUTH, m is untouched. */
void pci_be_aead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                     const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad, size_t ad_len,
                     const uint8_t *m, size_t m_len);
int pci_be_aead_open(uint8_t *m, const uint8_t key[32], const uint8_t nonce[PC_AEAD_NONCE_LEN],
                    const uint8_t *ad, size_t ad_len, const uint8_t *c, size_t c_len,
                    const uint8_t tag[16]);

/* XChaCha20-Poly1305, 24-byte nonce: sealed storage records. */
void pci_be_xaead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                      const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad, size_t ad_len,
                      const uint8_t *m, size_t m_len);
int pci_be_xaead_open(uint8_t *m, const uint8_t key[32], const uint8_t nonce[PC_XAEAD_NONCE_LEN],
                     const uint8_t *ad, size_t ad_len, const uint8_t *c, size_t c_len,
                     const uint8_t tag[16]);

/* Unkeyed BLAKE2b, out_len 1..64 (Noise HASH is out_len 64). */
void pci_be_blake2b_init(pc_blake2b_ctx *ctx, size_t out_len);
/* Keyed BLAKE2b (RFC 7693 keyed mode, key 1..64 bytes): the stateless cookie's MACs. */
void pci_be_blake2b_init_keyed(pc_blake2b_ctx *ctx, size_t out_len, const uint8_t *key,
                               size_t key_len);
void pci_be_blake2b_update(pc_blake2b_ctx *ctx, const uint8_t *in, size_t len);
void pci_be_blake2b_final(pc_blake2b_ctx *ctx, uint8_t *out, size_t out_len);

/* Ed25519 (RFC 8032, pure) signature check: 1 if sig is a valid signature
 * of msg under pub, else 0. The core calls it only through
 * pci_ed25519_verify (ed25519_strict.h): non-canonical A or R, small-order A
 * or R and S >= L are refused there before the library's equation, so
 * Monocypher (which alone would accept the first two) gives libsodium's
 * verdicts. What remains different
 * is the equation itself: Monocypher's is cofactored, libsodium's is not;
 * they differ only on a signature whose R or key has a small-order
 * component, which only the holder of the organisation key can make
 * (docs/protocol.md §18).
 * Verification only: the phone never signs (the organisation key is offline). */
int pci_be_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len,
                          const uint8_t pub[32]);

/* Random bytes from the platform's CSPRNG: 0 or PC_E_RNG. */
int pci_be_random(uint8_t *out, size_t len);

#ifdef PC_TEST_VECTORS
/* Host test builds only (test_vectors.h): with a 32-byte seed, pci_be_random
 * answers from a deterministic generator instead of the platform; NULL
 * switches back. Draw i (from 0, one per pci_be_random call) is the ChaCha20
 * keystream of libsodium's randombytes_buf_deterministic under the key
 * BLAKE2b-256(key = seed, message = LE64(i)). The caller holds the lock. */
void pci_be_test_drbg_seed(const uint8_t *seed);
#endif

/* A wipe the compiler cannot drop, and constant-time comparisons. */
void pci_be_wipe(void *p, size_t len);
int pci_be_equal(const uint8_t *a, const uint8_t *b, size_t len); /* 1 if equal */
int pci_be_is_zero(const uint8_t *a, size_t len);                  /* 1 if all zero */

#endif /* PC_BACKEND_H */
