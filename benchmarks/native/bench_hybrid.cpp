// SPDX-License-Identifier: MIT
// bench_hybrid.cpp - a whole XX pairing (both sides, keys from the pool), classical and
// hybrid (the three pc_hs_kem_* calls between messages 1 and 2), side by side on the host:
// BM_Pairing/classical and BM_Pairing/hybrid; their ratio is docs/performance.md's host
// figure for the hybrid pairing.
#include <cstdlib>

#include <benchmark/benchmark.h>

#include "bench_fixtures.hpp"

extern "C" {
#include "phone_crypto_api.h"
}

namespace {

void relay_one(int32_t from, int32_t to)
{
    static uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
    int32_t n = pc_hs_write(from, nullptr, 0, msg, sizeof msg, 0);
    if (n < 0 || pc_hs_read(to, msg, n, 0, n, payload, sizeof payload) != 0)
        std::abort();
}

void pairing(bool hybrid)
{
    static uint8_t pk[PC_KEM_PUBLIC_LEN], ct[PC_KEM_CIPHERTEXT_LEN];
    const BenchStores &s = bench_stores();
    int32_t i = pc_hs_new(s.a, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0);
    int32_t r = pc_hs_new(s.b, PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    relay_one(i, r);
    if (hybrid && (pc_hs_kem_offer(i, pk, sizeof pk) != PC_KEM_PUBLIC_LEN
                   || pc_hs_kem_accept(r, pk, sizeof pk, ct, sizeof ct) != PC_KEM_CIPHERTEXT_LEN
                   || pc_hs_kem_finish(i, ct, sizeof ct) != PC_OK))
        std::abort();
    relay_one(r, i);
    relay_one(i, r);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    if (si < 0 || sr < 0)
        std::abort();
    pc_session_free(si);
    pc_session_free(sr);
}

void BM_Pairing(benchmark::State &state, bool hybrid)
{
    bench_stores();
    for (auto _ : state) {
        state.PauseTiming();
        pc_pool_refill();
        state.ResumeTiming();
        pairing(hybrid);
    }
}

} // namespace

BENCHMARK_CAPTURE(BM_Pairing, classical, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Pairing, hybrid, true)->Unit(benchmark::kMicrosecond);
