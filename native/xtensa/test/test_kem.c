// SPDX-License-Identifier: MIT
/*
 * test_kem.c - ML-KEM-768 on the emulated lx106: every Wycheproof ML-KEM-768
 * case (100 key generations from seed, 193 seed -> key pair + decapsulation,
 * 265 encapsulations) through the core (test_hooks_kem.h, the production
 * path with the seed replayed as coins), counts checked, then a hybrid XX
 * handshake through the pc_hs_kem_* API with a modified-ciphertext run.
 */
#include <string.h>

#include "phone_crypto_api.h"
#include "test_groups.h"
#include "test_hooks.h"
#include "test_hooks_kem.h"
#include "xt_kem_vectors.h"
#include "xt_test.h"

static uint8_t pk[PC_KEM_PUBLIC_LEN];
static uint8_t sk[PC_TEST_MLKEM_SECRET_LEN];
static uint8_t ct[PC_KEM_CIPHERTEXT_LEN];
static uint8_t ss[PC_TEST_MLKEM_SHARED_LEN];
static uint8_t msg[PC_MAX_HS_MSG_LEN];
static uint8_t payload[PC_MAX_HS_MSG_LEN];

static int eq(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
    return alen == blen && memcmp(a, b, alen) == 0;
}

static void keygen(const char *g)
{
    unsigned ok = 0;
    for (unsigned i = 0; i < XK_KEYGEN_CASES_COUNT; i++) {
        const xk_keygen *t = &xk_keygen_cases[i];
        int32_t rc = pc_test_mlkem_keypair(t->seed, t->seed_len, pk, sk);
        ok += xt_check(rc == PC_OK && eq(pk, sizeof pk, t->ek, t->ek_len)
                       && eq(sk, sizeof sk, t->dk, t->dk_len), g, "keygen_seed", "ek/dk differ");
    }
    xt_check(XK_KEYGEN_CASES_COUNT == 100 && ok == 100, g, "keygen_seed count", "not 100/100");
}

static void decaps(const char *g)
{
    unsigned ok = 0, valid = 0;
    for (unsigned i = 0; i < XK_DECAPS_CASES_COUNT; i++) {
        const xk_decaps *t = &xk_decaps_cases[i];
        int pass;
        valid += (unsigned)t->valid;
        int32_t krc = pc_test_mlkem_keypair(t->seed, t->seed_len, pk, sk);
        if (krc != PC_OK) {
            pass = !t->valid && krc == PC_E_ARG;
        } else {
            int ek_ok = t->ek_len == 0 || eq(pk, sizeof pk, t->ek, t->ek_len);
            int32_t drc = pc_test_mlkem_decaps(t->c, t->c_len, sk, ss);
            pass = ek_ok && (t->valid ? drc == PC_OK && eq(ss, sizeof ss, t->k, t->k_len)
                                      : drc == PC_E_MALFORMED);
        }
        ok += xt_check(pass, g, "decaps", "result differs");
    }
    xt_check(XK_DECAPS_CASES_COUNT == 193 && valid == 153 && ok == 193, g, "decaps count",
             "not 193/193 (153 valid)");
}

static void encaps(const char *g)
{
    unsigned ok = 0, valid = 0;
    for (unsigned i = 0; i < XK_ENCAPS_CASES_COUNT; i++) {
        const xk_encaps *t = &xk_encaps_cases[i];
        valid += (unsigned)t->valid;
        int32_t rc = pc_test_mlkem_encaps(t->m, t->m_len, t->ek, t->ek_len, ct, ss);
        int pass = t->valid ? rc == PC_OK && eq(ct, sizeof ct, t->c, t->c_len)
                                  && eq(ss, sizeof ss, t->k, t->k_len)
                            : rc == PC_E_MALFORMED;
        ok += xt_check(pass, g, "encaps", "result differs");
    }
    xt_check(XK_ENCAPS_CASES_COUNT == 265 && valid == 133 && ok == 265, g, "encaps count",
             "not 265/265 (133 valid)");
}

static int32_t hs_write(int32_t hs)
{
    return pc_hs_write(hs, NULL, 0, msg, (int32_t)sizeof msg, 0);
}

static int32_t hs_read(int32_t hs, int32_t n)
{
    return pc_hs_read(hs, msg, (int32_t)sizeof msg, 0, n, payload, (int32_t)sizeof payload);
}

/* A hybrid XX between two test handshakes; flip: one ciphertext bit flipped. */
static void hybrid(const char *g, int flip)
{
    int32_t i = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, NULL, NULL, NULL);
    int32_t r = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, NULL, NULL, NULL);
    uint8_t hi[PC_HASH_LEN], hr[PC_HASH_LEN];

    xt_check(i >= 0 && r >= 0, g, "hybrid new", "no handshake");
    xt_check(hs_read(r, hs_write(i)) >= 0, g, "hybrid msg1", "failed");
    xt_check_rc(pc_hs_kem_offer(i, pk, (int32_t)sizeof pk), PC_KEM_PUBLIC_LEN, g, "kem_offer", "rc");
    xt_check_rc(pc_hs_kem_accept(r, pk, (int32_t)sizeof pk, ct, (int32_t)sizeof ct),
                PC_KEM_CIPHERTEXT_LEN, g, "kem_accept", "rc");
    if (flip)
        ct[100] ^= 0x10;
    xt_check_rc(pc_hs_kem_finish(i, ct, (int32_t)sizeof ct), PC_OK, g, "kem_finish", "rc");
    int32_t n = hs_write(r);
    if (flip) {
        xt_check_rc(hs_read(i, n), PC_E_AUTH, g, "modified ciphertext", "message 2 accepted");
    } else {
        xt_check(hs_read(i, n) >= 0, g, "hybrid msg2", "failed");
        xt_check(hs_read(r, hs_write(i)) >= 0, g, "hybrid msg3", "failed");
        pc_hs_hash(i, hi, (int32_t)sizeof hi);
        pc_hs_hash(r, hr, (int32_t)sizeof hr);
        xt_check(memcmp(hi, hr, sizeof hi) == 0, g, "hybrid hash", "sides differ");
        xt_check(pc_hs_kem_mixed(i) == 1 && pc_hs_kem_mixed(r) == 1, g, "hybrid mixed", "not mixed");
    }
    pc_hs_free(i);
    pc_hs_free(r);
}

static void group(const char *g)
{
    keygen(g);
    decaps(g);
    encaps(g);
    hybrid(g, 0);
    hybrid(g, 1);
    xt_check(pc_test_mlkem_ctx_peak() >= 1 && pc_test_mlkem_ctx_peak() <= 2, g, "context pool",
             "peak outside 1..2");
}

void xt_test_kem(void)
{
    xt_run_group("mlkem", group);
}
