// SPDX-License-Identifier: MIT
// test_selftest.cpp - the power-on self-test and the gate it opens. Runs in
// its own process, so the gate is observed closed before the first pass.
#include "test_util.hpp"

#include <vector>

extern "C" {
#include "pc_platform.h"
#include "test_hooks.h"
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
    pci_wipe_all();
    EXPECT_EQ(pc_pool_ready(), 0);
    int32_t ready = pc_pool_refill();
    EXPECT_GT(ready, 0);
    EXPECT_EQ(pc_pool_ready(), ready);
    EXPECT_EQ(pc_pool_refill(), ready); // already full
    pci_wipe_all();
    EXPECT_EQ(pc_pool_ready(), 0);
}

// The self-test's packet round trip runs on its own transport state, not in
// the session table: a re-run while every slot holds a call passes, and the
// calls' sessions are left as they were.
TEST(SelfTest, RerunWithFullSessionTablePassesAndLeavesTheSessionsAlone)
{
    require_selftest();
    std::vector<int32_t> sessions;
    for (int i = 0; i < 256; i++) {
        int32_t a = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr,
                                   nullptr, nullptr, nullptr);
        int32_t b = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr,
                                   nullptr, nullptr, nullptr);
        uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
        for (int m = 0; m < 3; m++) {
            int32_t tx = m % 2 == 0 ? a : b, rx = m % 2 == 0 ? b : a;
            int32_t n = pc_hs_write(tx, nullptr, 0, msg, sizeof msg, 0);
            ASSERT_EQ(pc_hs_read(rx, msg, n, 0, n, payload, sizeof payload), 0);
        }
        int32_t s = pc_hs_split(a);
        pc_hs_free(a);
        pc_hs_free(b);
        if (s == PC_E_NO_SLOT)
            break;
        ASSERT_GE(s, 0);
        sessions.push_back(s);
    }
    ASSERT_FALSE(sessions.empty());
    std::vector<std::vector<uint8_t>> before;
    for (int32_t s : sessions) {
        std::vector<uint8_t> info(4);
        ASSERT_EQ(pc_session_info(s, info.data(), 4), 4);
        before.push_back(info);
    }
    EXPECT_EQ(pc_selftest(), PC_OK);
    uint8_t out[8];
    EXPECT_EQ(pc_random(out, 8), 8); // still open
    for (size_t i = 0; i < sessions.size(); i++) {
        std::vector<uint8_t> info(4);
        EXPECT_EQ(pc_session_info(sessions[i], info.data(), 4), 4);
        EXPECT_EQ(info, before[i]);
        EXPECT_EQ(pc_session_free(sessions[i]), PC_OK);
    }
}

// Nothing re-enters the API any more, so the host lock is a plain mutex that
// checks for errors: a re-entry (a bug) stops the process instead of
// deadlocking it.
TEST(SelfTestDeathTest, ReenteringThePlatformLockStopsTheProcess)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            pci_platform_lock();
            pci_platform_lock();
        },
        "");
}
