// SPDX-License-Identifier: MIT
// bench_fixtures.cpp - stores and sessions for the benchmarks.
#include "bench_fixtures.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <stdexcept>

#include <unistd.h>

extern "C" {
#include "backend.h"
#include "keypool.h"
#include "phone_crypto_api.h"
}

namespace {

int32_t open_store(std::string &dir, uint8_t pub[32])
{
    char tmpl[] = "/tmp/pc_bench_XXXXXX";
    if (mkdtemp(tmpl) == nullptr)
        throw std::runtime_error("mkdtemp");
    dir = tmpl;
    int32_t store = pc_store_open(reinterpret_cast<const uint8_t *>(dir.data()),
                                  static_cast<int32_t>(dir.size()));
    if (store < 0 || pc_store_identity(store, pub, 32) != 32)
        throw std::runtime_error("store open");
    return store;
}

void remove_dir(const std::string &dir)
{
    std::string cmd = "rm -rf '" + dir + "'";
    if (std::system(cmd.c_str()) != 0)
        std::fprintf(stderr, "could not remove %s\n", dir.c_str());
}

void relay(int32_t from, int32_t to)
{
    uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
    int32_t n = pc_hs_write(from, nullptr, 0, msg, sizeof msg, 0);
    if (n < 0 || pc_hs_read(to, msg, n, 0, n, payload, sizeof payload) < 0)
        throw std::runtime_error("handshake message");
}

// XX between the two stores; each pins the other (resumption generation 1).
void pair_and_pin(BenchStores &s)
{
    int32_t i = pc_hs_new(s.a, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0);
    int32_t r = pc_hs_new(s.b, PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    relay(i, r);
    relay(r, i);
    relay(i, r);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    s.a_contact = pc_contact_pin(s.a, si, reinterpret_cast<const uint8_t *>("b"), 1, 0);
    s.b_contact = pc_contact_pin(s.b, sr, reinterpret_cast<const uint8_t *>("a"), 1, 0);
    pc_session_free(si);
    pc_session_free(sr);
    if (s.a_contact < 0 || s.b_contact < 0)
        throw std::runtime_error("pin");
}

BenchStores make_stores()
{
    if (pc_selftest() != PC_OK)
        throw std::runtime_error("self-test failed");
    BenchStores s;
    s.a = open_store(s.a_dir, s.a_pub);
    s.b = open_store(s.b_dir, s.b_pub);
    pair_and_pin(s);
    return s;
}

} // namespace

const BenchStores &bench_stores()
{
    static const BenchStores stores = make_stores();
    return stores;
}

void bench_cleanup()
{
    const BenchStores &s = bench_stores();
    pc_store_close(s.a);
    pc_store_close(s.b);
    remove_dir(s.a_dir);
    remove_dir(s.b_dir);
}

void bench_session_pair(int32_t *initiator_session, int32_t *responder_session)
{
    const BenchStores &s = bench_stores();
    int32_t i = pc_hs_new(s.a, PC_PATTERN_IK, PC_ROLE_INITIATOR, nullptr, 0, s.b_pub, 32);
    int32_t r = pc_hs_new(s.b, PC_PATTERN_IK, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    relay(i, r);
    relay(r, i);
    *initiator_session = pc_hs_split(i);
    *responder_session = pc_hs_split(r);
    if (*initiator_session < 0 || *responder_session < 0)
        throw std::runtime_error("split");
}

void bench_drain_pool()
{
    uint8_t secret[32], pub[32];
    while (pci_keypool_ready() > 0)
        pci_keypool_take(secret, pub);
    pci_be_wipe(secret, sizeof secret);
}
