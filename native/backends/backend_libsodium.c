// SPDX-License-Identifier: MIT
/*
 * backend_libsodium.c - backend.h on libsodium (host build).
 *
 * backend_monocypher.c is its line-for-line mirror for the device: keep the
 * two in the same order, function by function, when either changes.
 */
#include "backend.h"

#include <sodium.h>
#include <string.h>

#include "phone_crypto_api.h"

/* The opaque context must hold the library's state and keep its alignment. */
typedef char pc_check_blake2b_ctx_size[(sizeof(crypto_generichash_state)
                                        <= sizeof(pc_blake2b_ctx)) ? 1 : -1];

/* libsodium declares its buffers nonnull even when the length is 0; the
 * core passes NULL for empty payloads, so point those at a dummy byte. */
static uint8_t s_empty;
#define NONNULL(p) ((p) != NULL ? (p) : &s_empty)

int pci_be_init(void)
{
    return sodium_init() >= 0 ? 0 : PC_E_INTERNAL; /* 1 = already initialised */
}

/* ---- X25519 ---------------------------------------------------------------- */

static uint32_t s_x25519_count; /* callers hold the platform lock, or are single-threaded */

uint32_t pci_be_x25519_count(void)
{
    return s_x25519_count;
}

int pci_be_x25519(uint8_t out[32], const uint8_t secret[32], const uint8_t peer[32])
{
    s_x25519_count++;
    /* libsodium refuses an all-zero result itself; check anyway, as the
     * Monocypher mirror must, so both backends behave the same. */
    int rc = crypto_scalarmult_curve25519(out, secret, peer);
    if (rc != 0 || pci_be_is_zero(out, 32)) {
        pci_be_wipe(out, 32);
        return PC_E_BAD_KEY;
    }
    return 0;
}

void pci_be_x25519_public(uint8_t pub[32], const uint8_t secret[32])
{
    s_x25519_count++;
    crypto_scalarmult_curve25519_base(pub, secret);
}

/* ---- ChaCha20-Poly1305 IETF (12-byte nonce) -------------------------------- */

void pci_be_aead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                     const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad, size_t ad_len,
                     const uint8_t *m, size_t m_len)
{
    crypto_aead_chacha20poly1305_ietf_encrypt_detached(NONNULL(c), tag, NULL, m, m_len, ad, ad_len,
                                                       NULL, nonce, key);
}

/* libsodium zeroes m when the tag fails, which would destroy an in-place
 * buffer: verify first (m = NULL only checks), then decrypt with the same
 * keystream (block counter 1, as RFC 8439 §2.8). */
int pci_be_aead_open(uint8_t *m, const uint8_t key[32], const uint8_t nonce[PC_AEAD_NONCE_LEN],
                    const uint8_t *ad, size_t ad_len, const uint8_t *c, size_t c_len,
                    const uint8_t tag[16])
{
    if (crypto_aead_chacha20poly1305_ietf_decrypt_detached(NULL, NULL, NONNULL(c), c_len, tag, ad,
                                                           ad_len, nonce, key) != 0)
        return PC_E_AUTH;
    crypto_stream_chacha20_ietf_xor_ic(NONNULL(m), NONNULL(c), c_len, nonce, 1, key);
    return 0;
}

/* ---- XChaCha20-Poly1305 (24-byte nonce) ------------------------------------ */

void pci_be_xaead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                      const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad, size_t ad_len,
                      const uint8_t *m, size_t m_len)
{
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(NONNULL(c), tag, NULL, m, m_len, ad, ad_len,
                                                        NULL, nonce, key);
}

int pci_be_xaead_open(uint8_t *m, const uint8_t key[32], const uint8_t nonce[PC_XAEAD_NONCE_LEN],
                     const uint8_t *ad, size_t ad_len, const uint8_t *c, size_t c_len,
                     const uint8_t tag[16])
{
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(NULL, NULL, NONNULL(c), c_len, tag, ad,
                                                            ad_len, nonce, key) != 0)
        return PC_E_AUTH;
    crypto_stream_xchacha20_xor_ic(NONNULL(m), NONNULL(c), c_len, nonce, 1, key);
    return 0;
}

/* ---- BLAKE2b (unkeyed) ----------------------------------------------------- */

void pci_be_blake2b_init(pc_blake2b_ctx *ctx, size_t out_len)
{
    crypto_generichash_init((crypto_generichash_state *)(void *)ctx->opaque, NULL, 0, out_len);
}

void pci_be_blake2b_init_keyed(pc_blake2b_ctx *ctx, size_t out_len, const uint8_t *key,
                               size_t key_len)
{
    crypto_generichash_init((crypto_generichash_state *)(void *)ctx->opaque, key, key_len,
                            out_len);
}

void pci_be_blake2b_update(pc_blake2b_ctx *ctx, const uint8_t *in, size_t len)
{
    crypto_generichash_update((crypto_generichash_state *)(void *)ctx->opaque, NONNULL(in), len);
}

void pci_be_blake2b_final(pc_blake2b_ctx *ctx, uint8_t *out, size_t out_len)
{
    crypto_generichash_final((crypto_generichash_state *)(void *)ctx->opaque, out, out_len);
    pci_be_wipe(ctx, sizeof *ctx);
}

/* ---- Ed25519 verification --------------------------------------------------- */

/* The ed25519-specific entry point: crypto_sign_verify_detached is the same
 * function behind a generic wrapper that would pull the signing code into
 * the lx106 image too. The core calls it through pci_ed25519_verify
 * (ed25519_strict.h), whose checks libsodium also makes itself. */
int pci_be_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len,
                          const uint8_t pub[32])
{
    return crypto_sign_ed25519_verify_detached(sig, NONNULL(msg), msg_len, pub) == 0;
}

/* ---- random, wipe, constant-time compare ----------------------------------- */

#ifdef PC_TEST_VECTORS
/* Vector mode's seeded generator (backend.h); never in the product library. */
static struct {
    uint8_t seed[crypto_generichash_KEYBYTES];
    uint64_t draws;
    int on;
} s_drbg;

typedef char pc_check_drbg_seed[(crypto_generichash_KEYBYTES == 32) ? 1 : -1];

void pci_be_test_drbg_seed(const uint8_t *seed)
{
    sodium_memzero(&s_drbg, sizeof s_drbg);
    if (seed != NULL) {
        memcpy(s_drbg.seed, seed, sizeof s_drbg.seed);
        s_drbg.on = 1;
    }
}

static void drbg_fill(uint8_t *out, size_t len)
{
    uint8_t index[8];
    uint8_t key[randombytes_SEEDBYTES];
    for (int i = 0; i < 8; i++)
        index[i] = (uint8_t)(s_drbg.draws >> (8 * i));
    s_drbg.draws++;
    crypto_generichash(key, sizeof key, index, sizeof index, s_drbg.seed, sizeof s_drbg.seed);
    randombytes_buf_deterministic(out, len, key);
    sodium_memzero(key, sizeof key);
}
#endif

int pci_be_random(uint8_t *out, size_t len)
{
#ifdef PC_TEST_VECTORS
    if (s_drbg.on) {
        drbg_fill(out, len);
        return 0;
    }
#endif
    randombytes_buf(out, len); /* getrandom(2); aborts rather than fail */
    return 0;
}

void pci_be_wipe(void *p, size_t len)
{
    sodium_memzero(p, len);
}

int pci_be_equal(const uint8_t *a, const uint8_t *b, size_t len)
{
    return sodium_memcmp(a, b, len) == 0;
}

int pci_be_is_zero(const uint8_t *a, size_t len)
{
    return sodium_is_zero(a, len);
}
