// SPDX-License-Identifier: MIT
// bench_precompute.cpp - dial-to-ring compute of an IKpsk2 call between the two
// benchmark stores, both paths in one run (issue 11):
//   cold         precomputation off (today's path): every side does all its DHs,
//                ephemerals from the pool refilled outside the timed region;
//   precomputed  the peer is a hot contact: pc_pool_refill outside the timed region
//                (idle time) cached ss and bound an ephemeral with es / se done.
// Timed: both phones' pc_hs_new, pc_hs_use_resumption, both messages, pc_hs_split
// (the 8 vs 4 X25519 on the critical path). RatioReporter (bench_native.cpp)
// prints precomputed / cold.
#include <cstdlib>

#include <benchmark/benchmark.h>

#include "bench_fixtures.hpp"

extern "C" {
#include "pc_limits.h"
#include "phone_crypto_api.h"
#include "precompute.h"
}

namespace {

void relay(int32_t from, int32_t to)
{
    static uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
    static const uint8_t hello[16] = {1};
    int32_t n = pc_hs_write(from, hello, sizeof hello, msg, sizeof msg, 0);
    if (n < 0 || pc_hs_read(to, msg, n, 0, n, payload, sizeof payload) != (int32_t)sizeof hello)
        std::abort();
}

// a calls b: IKpsk2 with resumption generation 1, both sides, up to the sessions.
void dial(const BenchStores &s)
{
    int32_t i = pc_hs_new(s.a, PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, nullptr, 0, s.b_pub, 32);
    int32_t r = pc_hs_new(s.b, PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    if (pc_hs_use_resumption(i, s.a, s.a_contact, 1) != PC_OK)
        std::abort();
    relay(i, r);
    if (pc_hs_use_resumption(r, s.b, s.b_contact, 1) != PC_OK)
        std::abort();
    relay(r, i);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    if (si < 0 || sr < 0)
        std::abort();
    pc_session_free(si);
    pc_session_free(sr);
}

void BM_DialToRing(benchmark::State &state, bool precomputed)
{
    const BenchStores &s = bench_stores();
    pci_precomp_set_limit(precomputed ? PC_PRECOMP_CONTACTS : 0);
    pc_pool_refill();
    dial(s); // a and b become each other's hot contacts (precomputed path only)
    for (auto _ : state) {
        state.PauseTiming();
        pc_pool_refill(); // idle time: pool keys, and for hot contacts ss + a binding
        state.ResumeTiming();
        dial(s);
    }
    pci_precomp_set_limit(0); // the other benchmarks measure today's path
}

} // namespace

BENCHMARK_CAPTURE(BM_DialToRing, cold, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_DialToRing, precomputed, true)->Unit(benchmark::kMicrosecond);
