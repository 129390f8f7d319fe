// SPDX-License-Identifier: MIT
/*
 * test_backend.c - known answers through backend.h on the emulated core:
 * RFC 7748 + Wycheproof X25519, RFC 8439 + Wycheproof ChaCha20-Poly1305,
 * Wycheproof XChaCha20-Poly1305, RFC 7693 + official BLAKE2b KATs,
 * RFC 8032 + Wycheproof Ed25519 verification.
 *
 * Buffers are deliberately placed at odd addresses: the lx106 traps on an
 * unaligned 32-bit load, so a backend or core that casts byte pointers to
 * wider types fails here instead of on a device.
 */
#include <string.h>

#include "backend.h"
#include "test_groups.h"
#include "xt_test.h"
#include "xt_vectors.h"

static uint8_t work[2 * 2048 + 64];   /* odd offsets are taken inside it */

static void x25519(const char *group)
{
    for (int i = 0; i < XT_X25519_KATS_COUNT; i++) {
        const xt_x25519_kat *v = &xt_x25519_kats[i];
        uint8_t *out = work + 1, *secret = work + 35, *peer = work + 70;
        int rc;

        memcpy(secret, v->scalar, 32);
        memcpy(peer, v->u, 32);
        memset(out, 0xAA, 32);
        rc = pci_be_x25519(out, secret, peer);
        if (v->zero_shared) {
            xt_check_rc(rc, PC_E_BAD_KEY, group, v->name, "low-order point accepted");
            xt_check(pci_be_is_zero(out, 32), group, v->name, "output not wiped");
        } else if (xt_check_rc(rc, PC_OK, group, v->name, "x25519 rc")) {
            xt_check(memcmp(out, v->out, 32) == 0, group, v->name, "shared secret differs");
        }
    }
    for (int i = 0; i < XT_X25519_PUB_KATS_COUNT; i++) {
        const xt_x25519_pub_kat *v = &xt_x25519_pub_kats[i];
        uint8_t *pub = work + 3, *secret = work + 37;

        memcpy(secret, v->secret, 32);
        pci_be_x25519_public(pub, secret);
        xt_check(memcmp(pub, v->pub, 32) == 0, group, v->name, "public key differs");
    }
}

static void aead_one(const char *group, const xt_aead_kat *v, int x)
{
    uint8_t *buf = work + 1;
    uint8_t *tag = work + sizeof work - 17;    /* odd address too */
    int rc;

    if (!xt_check(v->m_len <= sizeof work - 64, group, v->name, "message too long for buffer")) {
        return;
    }
    if (v->valid) {
        memcpy(buf, v->m, v->m_len);     /* seal in place (c == m) */
        if (x) {
            pci_be_xaead_seal(buf, tag, v->key, v->nonce, v->ad, v->ad_len, buf, v->m_len);
        } else {
            pci_be_aead_seal(buf, tag, v->key, v->nonce, v->ad, v->ad_len, buf, v->m_len);
        }
        xt_check(memcmp(buf, v->c, v->m_len) == 0, group, v->name, "ciphertext differs");
        xt_check(memcmp(tag, v->tag, 16) == 0, group, v->name, "tag differs");
    }
    memcpy(buf, v->c, v->m_len);         /* open in place */
    memcpy(tag, v->tag, 16);
    rc = x ? pci_be_xaead_open(buf, v->key, v->nonce, v->ad, v->ad_len, buf, v->m_len, tag)
           : pci_be_aead_open(buf, v->key, v->nonce, v->ad, v->ad_len, buf, v->m_len, tag);
    if (v->valid) {
        if (xt_check_rc(rc, PC_OK, group, v->name, "open of a valid message")) {
            xt_check(memcmp(buf, v->m, v->m_len) == 0, group, v->name, "plaintext differs");
        }
    } else {
        xt_check_rc(rc, PC_E_AUTH, group, v->name, "open of an invalid message");
        xt_check(memcmp(buf, v->c, v->m_len) == 0, group, v->name,
                 "rejected message changed the buffer");
    }
}

static void aead(const char *group)
{
    for (int i = 0; i < XT_AEAD_KATS_COUNT; i++) {
        aead_one(group, &xt_aead_kats[i], 0);
    }
}

static void xaead(const char *group)
{
    for (int i = 0; i < XT_XAEAD_KATS_COUNT; i++) {
        aead_one(group, &xt_xaead_kats[i], 1);
    }
}

static void blake2b(const char *group)
{
    static pc_blake2b_ctx ctx;

    for (int i = 0; i < XT_BLAKE2B_KATS_COUNT; i++) {
        const xt_blake2b_kat *v = &xt_blake2b_kats[i];
        uint8_t *in = work + 1, *out = work + 1 + 1024 + 2;
        size_t half = v->in_len / 3;

        memcpy(in, v->in, v->in_len);
        pci_be_blake2b_init(&ctx, v->out_len);      /* in three updates */
        pci_be_blake2b_update(&ctx, in, half);
        pci_be_blake2b_update(&ctx, in + half, half);
        pci_be_blake2b_update(&ctx, in + 2 * half, v->in_len - 2 * half);
        pci_be_blake2b_final(&ctx, out, v->out_len);
        xt_check(memcmp(out, v->out, v->out_len) == 0, group, v->name, "digest differs");
    }
}

/* Valid signatures verify, invalid ones (malleable, non-canonical) do not. */
static void ed25519(const char *group)
{
    for (int i = 0; i < XT_ED25519_KATS_COUNT; i++) {
        const xt_ed25519_kat *v = &xt_ed25519_kats[i];
        uint8_t *sig = work + 1, *pub = work + 67, *m = work + 101;

        if (!xt_check(v->m_len <= sizeof work - 128, group, v->name, "message too long for buffer")) {
            continue;
        }
        memcpy(sig, v->sig, 64);
        memcpy(pub, v->pub, 32);
        memcpy(m, v->m, v->m_len);
        xt_check(pci_be_ed25519_verify(sig, m, v->m_len, pub) == v->valid, group, v->name,
                 v->valid ? "valid signature refused" : "invalid signature accepted");
    }
}

static void compare(const char *group)
{
    static const uint8_t a[33] = { 1, 2, 3 };
    uint8_t *b = work + 1;

    memcpy(b, a, sizeof a);
    xt_check(pci_be_equal(a, b, sizeof a) == 1, group, "equal", "equal buffers differ");
    b[32] ^= 0x80;
    xt_check(pci_be_equal(a, b, sizeof a) == 0, group, "equal", "last-bit difference missed");
    memset(b, 0, 33);
    xt_check(pci_be_is_zero(b, 33) == 1, group, "is_zero", "zero buffer not zero");
    b[17] = 1;
    xt_check(pci_be_is_zero(b, 33) == 0, group, "is_zero", "non-zero buffer zero");
    pci_be_wipe(b, 33);
    xt_check(pci_be_is_zero(b, 33) == 1, group, "wipe", "wipe left bytes");
}

void xt_test_backend(void)
{
    xt_check_rc(pci_be_init(), PC_OK, "backend", "pci_be_init", "init");
    xt_run_group("backend x25519 (RFC 7748, Wycheproof)", x25519);
    xt_run_group("backend chacha20-poly1305 (RFC 8439, Wycheproof)", aead);
    xt_run_group("backend xchacha20-poly1305 (Wycheproof)", xaead);
    xt_run_group("backend blake2b (RFC 7693, BLAKE2 KAT)", blake2b);
    xt_run_group("backend ed25519 verify (RFC 8032, Wycheproof)", ed25519);
    xt_run_group("backend equal/is_zero/wipe", compare);
}
