// SPDX-License-Identifier: MIT
/*
 * bench_backend.c - the primitives under the core, through backend.h:
 * the yardstick the handshake goal is measured against (issue 5: a side's
 * handshake within 1.15x of the X25519 operations it performs).
 */
#include <string.h>

#include "backend.h"
#include "bench_ops.h"

static uint8_t secret[32], peer[32], out[64];
static uint8_t pkt[28 + 160 + 16];

static void x25519(void)
{
    xt_acc first = { 0 };
    uint64_t min = UINT64_MAX, max = 0;

    for (unsigned i = 0; i < XT_SPREAD_RUNS; i++) {
        xt_acc a = { 0 };
        int rc = 0;

        xt_seed(100 + i);
        (void)pci_be_random(secret, sizeof secret);
        (void)pci_be_random(out, 32);
        pci_be_x25519_public(peer, out);              /* a valid peer point */
        XT_MEASURE(&a, rc = pci_be_x25519(out, secret, peer));
        if (rc != 0) {
            xt_bench_fail("pci_be_x25519", rc);
        }
        if (i == 0) {
            first = a;
        }
        min = a.insns < min ? a.insns : min;
        max = a.insns > max ? a.insns : max;
    }
    xt_report("x25519", "X25519 scalar multiplication (DH)", &first);
    xt_report_spread("x25519", "X25519 DH, different secrets and peers", XT_SPREAD_RUNS, min, max);

    min = UINT64_MAX;
    max = 0;
    for (unsigned i = 0; i < XT_SPREAD_RUNS; i++) {
        xt_acc a = { 0 };

        xt_seed(200 + i);
        (void)pci_be_random(secret, sizeof secret);
        XT_MEASURE(&a, pci_be_x25519_public(peer, secret));
        if (i == 0) {
            first = a;
        }
        min = a.insns < min ? a.insns : min;
        max = a.insns > max ? a.insns : max;
    }
    xt_report("x25519_base", "X25519 base-point multiplication (key generation)", &first);
    xt_report_spread("x25519_base", "X25519 base point, different secrets", XT_SPREAD_RUNS, min, max);
}

static void aead(void)
{
    static const uint8_t key[32] = { 1 }, nonce[12] = { 2 };
    xt_acc seal = { 0 }, open = { 0 };
    int rc = 0;

    memset(pkt, 0x5A, sizeof pkt);
    XT_MEASURE(&seal, pci_be_aead_seal(pkt + 28, pkt + 28 + 160, key, nonce, pkt, 28, pkt + 28, 160));
    XT_MEASURE(&open, rc = pci_be_aead_open(pkt + 28, key, nonce, pkt, 28, pkt + 28, 160,
                                           pkt + 28 + 160));
    if (rc != 0) {
        xt_bench_fail("pci_be_aead_open", rc);
    }
    xt_report("aead_seal", "ChaCha20-Poly1305 seal, 160 B + 28 B AD (backend only)", &seal);
    xt_report("aead_open", "ChaCha20-Poly1305 open, 160 B + 28 B AD (backend only)", &open);
}

static void blake2b(void)
{
    static pc_blake2b_ctx ctx;
    xt_acc a = { 0 };

    XT_MEASURE(&a, {
        pci_be_blake2b_init(&ctx, 64);
        pci_be_blake2b_update(&ctx, pkt, 64);
        pci_be_blake2b_final(&ctx, out, 64);
    });
    a.calls = 1;
    xt_report("blake2b", "BLAKE2b-512 of 64 B (init+update+final)", &a);
}

/* Ed25519 verification (a phone certificate's cost), on RFC 8032 §7.1
 * TEST 3 (2-byte message; SHA-512 of a 124-byte certificate message adds
 * one compression block). */
static void ed25519(void)
{
    static const uint8_t pub[32] = {
        0xfc, 0x51, 0xcd, 0x8e, 0x62, 0x18, 0xa1, 0xa3,
        0x8d, 0xa4, 0x7e, 0xd0, 0x02, 0x30, 0xf0, 0x58,
        0x08, 0x16, 0xed, 0x13, 0xba, 0x33, 0x03, 0xac,
        0x5d, 0xeb, 0x91, 0x15, 0x48, 0x90, 0x80, 0x25
    };
    static const uint8_t sig[64] = {
        0x62, 0x91, 0xd6, 0x57, 0xde, 0xec, 0x24, 0x02,
        0x48, 0x27, 0xe6, 0x9c, 0x3a, 0xbe, 0x01, 0xa3,
        0x0c, 0xe5, 0x48, 0xa2, 0x84, 0x74, 0x3a, 0x44,
        0x5e, 0x36, 0x80, 0xd7, 0xdb, 0x5a, 0xc3, 0xac,
        0x18, 0xff, 0x9b, 0x53, 0x8d, 0x16, 0xf2, 0x90,
        0xae, 0x67, 0xf7, 0x60, 0x98, 0x4d, 0xc6, 0x59,
        0x4a, 0x7c, 0x15, 0xe9, 0x71, 0x6e, 0xd2, 0x8d,
        0xc0, 0x27, 0xbe, 0xce, 0xea, 0x1e, 0xc4, 0x0a
    };
    static const uint8_t msg[2] = { 0xaf, 0x82 };
    xt_acc a = { 0 };
    int ok = 0;

    XT_MEASURE(&a, ok = pci_be_ed25519_verify(sig, msg, sizeof msg, pub));
    if (ok != 1) {
        xt_bench_fail("pci_be_ed25519_verify", ok);
    }
    xt_report("ed25519_verify", "Ed25519 signature verification (RFC 8032 TEST 3)", &a);
}

void xt_bench_backend(void)
{
    if (pci_be_init() != 0) {
        xt_bench_fail("pci_be_init", -1);
    }
    x25519();
    aead();
    blake2b();
    ed25519();
}
