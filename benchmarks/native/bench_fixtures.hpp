// SPDX-License-Identifier: MIT
// bench_fixtures.hpp - what the benchmarks need set up once: two key stores
// (identity DH goes through keystore.c, as in the product), and a pair of
// sessions from a finished handshake.
#pragma once

#include <cstdint>
#include <string>

struct BenchStores {
    int32_t a = -1, b = -1;
    int32_t a_contact = -1, b_contact = -1; // each pinned the other (XX), generation 1
    uint8_t a_pub[32], b_pub[32];
    std::string a_dir, b_dir;
};

// Self-test, then two fresh stores in temporary directories (bench_cleanup)
// that paired once and pinned each other, so IKpsk2 has resumption secrets.
const BenchStores &bench_stores();

// Closes the stores and removes their directories (end of main).
void bench_cleanup();

// A finished IK handshake between the two stores, split into two sessions.
void bench_session_pair(int32_t *initiator_session, int32_t *responder_session);

// Empties the ephemeral key pool, so handshakes generate keys inline.
void bench_drain_pool();
