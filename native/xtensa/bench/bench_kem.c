// SPDX-License-Identifier: MIT
/*
 * bench_kem.c - the hybrid pairing's cost on the emulated lx106 (production
 * build, device limits): each pc_hs_kem_* call on its own (instructions and
 * peak stack), and a whole XX pairing per side, classical and hybrid, side by
 * side on the same store with the key pool refilled (as bench_core.c's "pool"
 * figures). Runs after xt_bench_core (its store is open).
 *   kem_offer   ML-KEM-768 key generation + MixHash(ek)
 *   kem_accept  ek check (FIPS 203 §7.2) + encapsulation + MixHash(ek, ct) + MixKey(ss)
 *   kem_finish  decapsulation + MixHash(ct) + MixKey(ss)
 */
#include <stddef.h>

#include "bench_ops.h"
#include "phone_crypto_api.h"

#define KEM_RUNS 4

static uint8_t msg[PC_MAX_HS_MSG_LEN];
static uint8_t payload[PC_MAX_HS_MSG_LEN];
static uint8_t pk[PC_KEM_PUBLIC_LEN];
static uint8_t ct[PC_KEM_CIPHERTEXT_LEN];

/* Adds one call's measurement to a running total (instructions summed, stack the deepest). */
static void xt_acc_merge(xt_acc *into, const xt_acc *one)
{
    into->insns += one->insns;
    into->muls += one->muls;
    into->stack = one->stack > into->stack ? one->stack : into->stack;
    into->calls += one->calls;
}

static void expect(int ok, const char *what, int32_t rc)
{
    if (!ok) {
        xt_bench_fail(what, rc);
    }
}

static void relay(int32_t from, xt_acc *wacc, int32_t to, xt_acc *racc)
{
    int32_t n = 0, p = 0;
    XT_MEASURE(wacc, n = pc_hs_write(from, NULL, 0, msg, (int32_t)sizeof msg, 0));
    expect(n > 0, "pc_hs_write", n);
    XT_MEASURE(racc, p = pc_hs_read(to, msg, (int32_t)sizeof msg, 0, n, payload, (int32_t)sizeof payload));
    expect(p == 0, "pc_hs_read", p);
}

/* One XX pairing of the store with itself; hybrid adds the three KEM calls. */
static void pairing(int hybrid, xt_acc *ini, xt_acc *res, xt_acc *offer, xt_acc *accept,
                    xt_acc *finish)
{
    int32_t store = xt_bench_store(), i = 0, r = 0, rc = 0;

    XT_MEASURE(ini, i = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, 0));
    XT_MEASURE(res, r = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, 0));
    expect(i >= 0 && r >= 0, "pc_hs_new", i < 0 ? i : r);
    relay(i, ini, r, res);
    if (hybrid) {
        xt_acc one = { 0 };
        XT_MEASURE(&one, rc = pc_hs_kem_offer(i, pk, (int32_t)sizeof pk));
        expect(rc == PC_KEM_PUBLIC_LEN, "pc_hs_kem_offer", rc);
        xt_acc_merge(offer, &one);
        xt_acc_merge(ini, &one);
        one = (xt_acc){ 0 };
        XT_MEASURE(&one, rc = pc_hs_kem_accept(r, pk, (int32_t)sizeof pk, ct, (int32_t)sizeof ct));
        expect(rc == PC_KEM_CIPHERTEXT_LEN, "pc_hs_kem_accept", rc);
        xt_acc_merge(accept, &one);
        xt_acc_merge(res, &one);
        one = (xt_acc){ 0 };
        XT_MEASURE(&one, rc = pc_hs_kem_finish(i, ct, (int32_t)sizeof ct));
        expect(rc == PC_OK, "pc_hs_kem_finish", rc);
        xt_acc_merge(finish, &one);
        xt_acc_merge(ini, &one);
    }
    relay(r, res, i, ini);
    relay(i, ini, r, res);
    int32_t si = 0, sr = 0;
    XT_MEASURE(ini, si = pc_hs_split(i));
    XT_MEASURE(res, sr = pc_hs_split(r));
    expect(si >= 0 && sr >= 0, "pc_hs_split", si < 0 ? si : sr);
    pc_session_free(si);
    pc_session_free(sr);
}

void xt_bench_kem(void)
{
    xt_acc ci = { 0 }, cr = { 0 }, hi = { 0 }, hr = { 0 };
    xt_acc offer = { 0 }, accept = { 0 }, finish = { 0 }, unused = { 0 };
    int32_t rc;

    for (int run = 0; run < KEM_RUNS; run++) {
        rc = pc_pool_refill();
        expect(rc >= 2, "pc_pool_refill", rc);
        pairing(0, &ci, &cr, &unused, &unused, &unused);
        rc = pc_pool_refill();
        expect(rc >= 2, "pc_pool_refill", rc);
        pairing(1, &hi, &hr, &offer, &accept, &finish);
    }
    /* per-run figures: the accumulators summed KEM_RUNS pairings */
    ci.calls = cr.calls = hi.calls = hr.calls = KEM_RUNS;
    xt_report("kem_offer", "pc_hs_kem_offer: ML-KEM-768 key generation + MixHash(ek)", &offer);
    xt_report("kem_accept", "pc_hs_kem_accept: ek check + encapsulation + MixHash(ek, ct) + MixKey(ss)",
              &accept);
    xt_report("kem_finish", "pc_hs_kem_finish: decapsulation + MixHash(ct) + MixKey(ss)", &finish);
    xt_report("pair_xx_init", "XX pairing, initiator side, classical (pool keys)", &ci);
    xt_report("pair_xx_resp", "XX pairing, responder side, classical (pool keys)", &cr);
    xt_report("pair_hyb_init", "XX pairing, initiator side, hybrid X25519 + ML-KEM-768 (pool keys)", &hi);
    xt_report("pair_hyb_resp", "XX pairing, responder side, hybrid X25519 + ML-KEM-768 (pool keys)", &hr);
}
