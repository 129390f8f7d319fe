// test_selftest.cpp - the power-on self-test and the gate it opens. Runs in
// its own process, so the gate is observed closed before the first pass.
#include "test_util.hpp"

extern "C" {
#include "platform.h"
}

TEST(SelfTest, GateClosedUntilSelftestThenOpen)
{
    uint8_t out[32];
    EXPECT_EQ(pc_api_version(), PC_API_VERSION); // exempt from the gate
    EXPECT_EQ(pc_random(out, 32), PC_E_SELFTEST);
    EXPECT_EQ(pc_hash(out, 32, out, 32), PC_E_SELFTEST);
    EXPECT_EQ(pc_pool_refill(), PC_E_SELFTEST);
    EXPECT_EQ(pc_hs_status(0), PC_E_SELFTEST);
    ASSERT_EQ(pc_selftest(), PC_OK);
    EXPECT_EQ(pc_random(out, 32), 32);
    EXPECT_EQ(pc_hs_status(0), PC_E_HANDLE);
    ASSERT_EQ(pc_selftest(), PC_OK); // idempotent
}

TEST(SelfTest, HashMatchesRfc7693AndChecksLengths)
{
    require_selftest();
    const uint8_t abc[] = {'a', 'b', 'c'};
    uint8_t out[64];
    ASSERT_EQ(pc_hash(abc, 3, out, 64), 64);
    EXPECT_EQ(to_hex(out, 64), load_vectors("rfc7693_blake2b.json")["blake2b_512_abc"]["out"]);
    EXPECT_EQ(pc_hash(abc, 3, out, 0), PC_E_ARG);
    EXPECT_EQ(pc_hash(abc, 3, out, 65), PC_E_ARG);
    EXPECT_EQ(pc_hash(nullptr, 3, out, 32), PC_E_ARG);
    EXPECT_EQ(pc_hash(abc, -1, out, 32), PC_E_ARG);
    EXPECT_EQ(pc_hash(nullptr, 0, out, 32), 32);
}

TEST(SelfTest, RandomFillsAndChecksArguments)
{
    require_selftest();
    uint8_t a[32] = {0}, b[32] = {0};
    ASSERT_EQ(pc_random(a, 32), 32);
    ASSERT_EQ(pc_random(b, 32), 32);
    EXPECT_NE(to_hex(a, 32), to_hex(b, 32));
    EXPECT_EQ(pc_random(nullptr, 4), PC_E_ARG);
    EXPECT_EQ(pc_random(a, -1), PC_E_ARG);
    EXPECT_EQ(pc_random(nullptr, 0), 0);
}

TEST(SelfTest, PoolRefillsAndIsTakenByHandshakes)
{
    require_selftest();
    pc_wipe_all();
    EXPECT_EQ(pc_pool_ready(), 0);
    int32_t ready = pc_pool_refill();
    EXPECT_GT(ready, 0);
    EXPECT_EQ(pc_pool_ready(), ready);
    EXPECT_EQ(pc_pool_refill(), ready); // already full
    pc_wipe_all();
    EXPECT_EQ(pc_pool_ready(), 0);
}
