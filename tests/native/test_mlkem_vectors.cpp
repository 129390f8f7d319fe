// SPDX-License-Identifier: MIT
// ML-KEM-768 through the core (mlkem.c -> PQClean): every Wycheproof ML-KEM-768
// test of the three files, counts asserted. Seeds and messages are replayed as
// the coins of the production code path (test_hooks_kem.h).
#include <iostream>

#include "test_util.hpp"

extern "C" {
#include "test_hooks_kem.h"
}

namespace {

struct Counts {
    int total = 0, valid = 0, invalid = 0, passed = 0;
};

Counts run_keygen_seed()
{
    Counts c;
    auto doc = load_vectors("wycheproof/mlkem_768_keygen_seed_test.json");
    for (const auto &g : doc["testGroups"])
        for (const auto &t : g["tests"]) {
            c.total++;
            Bytes seed = hex(t["seed"]), ek = hex(t["ek"]), dk = hex(t["dk"]);
            Bytes pk(PC_KEM_PUBLIC_LEN), sk(PC_TEST_MLKEM_SECRET_LEN);
            EXPECT_EQ(t["result"], "valid");
            c.valid++;
            int32_t rc = pc_test_mlkem_keypair(seed.data(), seed.size(), pk.data(), sk.data());
            bool ok = rc == PC_OK && pk == ek && sk == dk;
            EXPECT_TRUE(ok) << "keygen tcId " << t["tcId"];
            c.passed += ok;
        }
    return c;
}

// Seed -> key pair (ek checked), then decapsulation of c: K for valid cases
// (including implicit rejection, where K is the pseudo-random value), an
// error for a seed or ciphertext of the wrong length.
Counts run_decaps()
{
    Counts c;
    auto doc = load_vectors("wycheproof/mlkem_768_test.json");
    for (const auto &g : doc["testGroups"])
        for (const auto &t : g["tests"]) {
            c.total++;
            Bytes seed = hex(t["seed"]), ct = hex(t["c"]);
            Bytes pk(PC_KEM_PUBLIC_LEN), sk(PC_TEST_MLKEM_SECRET_LEN), ss(32, 0);
            bool valid = t["result"] == "valid";
            c.valid += valid;
            c.invalid += !valid;
            int32_t krc = pc_test_mlkem_keypair(seed.data(), seed.size(), pk.data(), sk.data());
            bool ok;
            if (krc != PC_OK) {
                ok = !valid && krc == PC_E_ARG; // private key (seed) too short / too long
            } else {
                bool ek_ok = !t.contains("ek") || pk == hex(t["ek"]);
                int32_t drc = pc_test_mlkem_decaps(ct.data(), ct.size(), sk.data(), ss.data());
                if (valid)
                    ok = ek_ok && drc == PC_OK && ss == hex(t["K"]);
                else
                    ok = ek_ok && drc == PC_E_MALFORMED; // ciphertext too short / too long
            }
            EXPECT_TRUE(ok) << "decaps tcId " << t["tcId"] << " " << t.value("comment", "");
            c.passed += ok;
        }
    return c;
}

Counts run_encaps()
{
    Counts c;
    auto doc = load_vectors("wycheproof/mlkem_768_encaps_test.json");
    for (const auto &g : doc["testGroups"])
        for (const auto &t : g["tests"]) {
            c.total++;
            Bytes m = hex(t["m"]), ek = hex(t["ek"]);
            Bytes ct(PC_KEM_CIPHERTEXT_LEN, 0), ss(32, 0);
            bool valid = t["result"] == "valid";
            c.valid += valid;
            c.invalid += !valid;
            int32_t rc = pc_test_mlkem_encaps(m.data(), m.size(), ek.data(), ek.size(),
                                              ct.data(), ss.data());
            bool ok = valid ? rc == PC_OK && ct == hex(t["c"]) && ss == hex(t["K"])
                            : rc == PC_E_MALFORMED;
            EXPECT_TRUE(ok) << "encaps tcId " << t["tcId"] << " " << t.value("comment", "");
            c.passed += ok;
        }
    return c;
}

} // namespace

TEST(MlKemVectors, KeyGenFromSeedAll100)
{
    Counts c = run_keygen_seed();
    std::cout << "wycheproof mlkem_768_keygen_seed: " << c.passed << "/" << c.total << "\n";
    EXPECT_EQ(c.total, 100);
    EXPECT_EQ(c.passed, 100);
}

TEST(MlKemVectors, DecapsAll193)
{
    Counts c = run_decaps();
    std::cout << "wycheproof mlkem_768: " << c.passed << "/" << c.total << " (" << c.valid
              << " valid, " << c.invalid << " invalid)\n";
    EXPECT_EQ(c.total, 193);
    EXPECT_EQ(c.valid, 153);
    EXPECT_EQ(c.invalid, 40);
    EXPECT_EQ(c.passed, 193);
}

TEST(MlKemVectors, EncapsAll265)
{
    Counts c = run_encaps();
    std::cout << "wycheproof mlkem_768_encaps: " << c.passed << "/" << c.total << " ("
              << c.valid << " valid, " << c.invalid << " invalid)\n";
    EXPECT_EQ(c.total, 265);
    EXPECT_EQ(c.valid, 133);
    EXPECT_EQ(c.invalid, 132);
    EXPECT_EQ(c.passed, 265);
}

// pq_glue.c's fixed Keccak-context pool (2 slots) stands in for PQClean's
// malloc: ML-KEM must never need more than it has.
TEST(MlKemVectors, KeccakContextPoolIsLargeEnough)
{
    run_keygen_seed();
    run_encaps();
    run_decaps();
    int32_t peak = pc_test_mlkem_ctx_peak();
    EXPECT_GE(peak, 1);
    EXPECT_LE(peak, 2);
}
