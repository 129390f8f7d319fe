// SPDX-License-Identifier: MIT
/*
 * backend_monocypher.c - backend.h on Monocypher 4 (device build).
 *
 * Line-for-line mirror of backend_libsodium.c: keep the two in the same
 * order, function by function, when either changes. Monocypher is fetched
 * by the device build (pinned release and hash, native/nanoframework/); it
 * cannot be compiled here, so CTest syntax-checks this file against the
 * documented prototypes (tests/native/monocypher_decls/).
 */
#include "backend.h"

#include <esp_random.h>
#include <monocypher.h>
#include <monocypher-ed25519.h> /* optional/: Ed25519 with SHA-512 (RFC 8032) */

#include "phone_crypto_api.h"

/* The opaque context must hold the library's state and keep its alignment. */
typedef char pc_check_blake2b_ctx_size[(sizeof(crypto_blake2b_ctx)
                                        <= sizeof(pc_blake2b_ctx)) ? 1 : -1];

/* (libsodium's mirror maps NULL empty buffers to a dummy byte because its
 * prototypes are nonnull; Monocypher accepts NULL with size 0.) */

int pci_be_init(void)
{
    return 0; /* Monocypher has no global state */
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
    /* Monocypher returns all zeros for a low-order peer point and leaves the
     * contributory check to the caller (its manual says so). */
    crypto_x25519(out, secret, peer);
    if (pci_be_is_zero(out, 32)) {
        pci_be_wipe(out, 32);
        return PC_E_BAD_KEY;
    }
    return 0;
}

void pci_be_x25519_public(uint8_t pub[32], const uint8_t secret[32])
{
    s_x25519_count++;
    crypto_x25519_public_key(pub, secret);
}

/* ---- ChaCha20-Poly1305 IETF (12-byte nonce) -------------------------------- */

/* crypto_aead_init_ietf + one write/read is RFC 8439 exactly (the stream
 * re-keys only after the first chunk, and the context is dropped after it).
 * crypto_aead_lock would be XChaCha20: not Noise's cipher. */
void pci_be_aead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                     const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad, size_t ad_len,
                     const uint8_t *m, size_t m_len)
{
    crypto_aead_ctx ctx;
    crypto_aead_init_ietf(&ctx, key, nonce);
    crypto_aead_write(&ctx, c, tag, ad, ad_len, m, m_len);
    crypto_wipe(&ctx, sizeof ctx);
}

/* crypto_aead_read verifies before it decrypts and leaves m untouched on a
 * bad tag, which is the contract (in-place buffers survive a forgery). */
int pci_be_aead_open(uint8_t *m, const uint8_t key[32], const uint8_t nonce[PC_AEAD_NONCE_LEN],
                    const uint8_t *ad, size_t ad_len, const uint8_t *c, size_t c_len,
                    const uint8_t tag[16])
{
    crypto_aead_ctx ctx;
    crypto_aead_init_ietf(&ctx, key, nonce);
    int rc = crypto_aead_read(&ctx, m, tag, ad, ad_len, c, c_len);
    crypto_wipe(&ctx, sizeof ctx);
    return rc == 0 ? 0 : PC_E_AUTH;
}

/* ---- XChaCha20-Poly1305 (24-byte nonce) ------------------------------------ */

void pci_be_xaead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                      const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad, size_t ad_len,
                      const uint8_t *m, size_t m_len)
{
    crypto_aead_lock(c, tag, key, nonce, ad, ad_len, m, m_len);
}

int pci_be_xaead_open(uint8_t *m, const uint8_t key[32], const uint8_t nonce[PC_XAEAD_NONCE_LEN],
                     const uint8_t *ad, size_t ad_len, const uint8_t *c, size_t c_len,
                     const uint8_t tag[16])
{
    if (crypto_aead_unlock(m, tag, key, nonce, ad, ad_len, c, c_len) != 0)
        return PC_E_AUTH;
    return 0;
}

/* ---- BLAKE2b (unkeyed) ----------------------------------------------------- */

void pci_be_blake2b_init(pc_blake2b_ctx *ctx, size_t out_len)
{
    crypto_blake2b_init((crypto_blake2b_ctx *)(void *)ctx->opaque, out_len);
}

void pci_be_blake2b_init_keyed(pc_blake2b_ctx *ctx, size_t out_len, const uint8_t *key,
                               size_t key_len)
{
    crypto_blake2b_keyed_init((crypto_blake2b_ctx *)(void *)ctx->opaque, out_len, key, key_len);
}

void pci_be_blake2b_update(pc_blake2b_ctx *ctx, const uint8_t *in, size_t len)
{
    crypto_blake2b_update((crypto_blake2b_ctx *)(void *)ctx->opaque, in, len);
}

/* Monocypher's final takes the length given to init; out_len must match. */
void pci_be_blake2b_final(pc_blake2b_ctx *ctx, uint8_t *out, size_t out_len)
{
    (void)out_len;
    crypto_blake2b_final((crypto_blake2b_ctx *)(void *)ctx->opaque, out);
    pci_be_wipe(ctx, sizeof *ctx);
}

/* ---- Ed25519 verification --------------------------------------------------- */

/* crypto_ed25519_check is RFC 8032 Ed25519 (SHA-512); crypto_eddsa_check in
 * the main library would be EdDSA with BLAKE2b, a different signature.
 * Monocypher refuses S >= L but accepts non-canonical encodings of A and R
 * and small-order points: the core never calls this directly, only through
 * pci_ed25519_verify (ed25519_strict.h), which refuses those first. */
int pci_be_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len,
                          const uint8_t pub[32])
{
    return crypto_ed25519_check(sig, pub, msg, msg_len) == 0;
}

/* ---- random, wipe, constant-time compare ----------------------------------- */

int pci_be_random(uint8_t *out, size_t len)
{
    esp_fill_random(out, len); /* truly random only while the radio is on */
    return 0;
}

void pci_be_wipe(void *p, size_t len)
{
    crypto_wipe(p, len);
}

/* Monocypher's crypto_verify* take fixed sizes; lengths here vary, so an
 * OR-accumulating loop with no early exit. */
int pci_be_equal(const uint8_t *a, const uint8_t *b, size_t len)
{
    uint8_t diff = 0;
    for (size_t i = 0; i < len; i++)
        diff = (uint8_t)(diff | (a[i] ^ b[i]));
    return diff == 0;
}

int pci_be_is_zero(const uint8_t *a, size_t len)
{
    uint8_t acc = 0;
    for (size_t i = 0; i < len; i++)
        acc = (uint8_t)(acc | a[i]);
    return acc == 0;
}
