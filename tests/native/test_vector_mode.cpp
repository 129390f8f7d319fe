// SPDX-License-Identifier: MIT
// test_vector_mode.cpp - the test build's vector mode (src/test_vectors.h): the seeded random
// source follows its documented definition and repeats per seed, the trace records what the
// core derives (and not the self-test's handshakes), overflows loudly, and stops with the mode.
#include <cstring>
#include <sodium.h>
#include <string>

#include "test_util.hpp"

extern "C" {
#include "phone_crypto_api.h"
#include "test_hooks.h"
#include "test_vectors.h"
}

namespace {

const Bytes kSeed(32, 0x5a);

Bytes draw(size_t n)
{
    Bytes out(n);
    EXPECT_EQ(static_cast<int32_t>(n), pc_random(out.data(), static_cast<int32_t>(n)));
    return out;
}

struct VectorMode : ::testing::Test {
    void SetUp() override
    {
        ASSERT_EQ(PC_OK, pc_selftest());
        ASSERT_EQ(PC_OK, pc_test_vectors_begin(kSeed.data(), 32));
    }
    void TearDown() override { pc_test_vectors_end(); }
};

std::string label_of(int32_t index, Bytes *data = nullptr)
{
    Bytes entry(2048);
    int32_t n = pc_test_trace_read(index, entry.data(), static_cast<int32_t>(entry.size()));
    EXPECT_GT(n, 10);
    std::string label(reinterpret_cast<const char *>(entry.data() + 10), entry[9]);
    if (data)
        data->assign(entry.begin() + 10 + entry[9], entry.begin() + n);
    return label;
}

} // namespace

TEST_F(VectorMode, DrawIIsTheKeystreamUnderBlake2bOfTheSeedAndI)
{
    Bytes first = draw(40), second = draw(7);
    for (uint64_t i = 0; i < 2; i++) {
        uint8_t index[8], key[32];
        for (int b = 0; b < 8; b++)
            index[b] = static_cast<uint8_t>(i >> (8 * b));
        crypto_generichash(key, sizeof key, index, sizeof index, kSeed.data(), kSeed.size());
        Bytes expected(i == 0 ? 40 : 7);
        randombytes_buf_deterministic(expected.data(), expected.size(), key);
        EXPECT_EQ(to_hex(expected), to_hex(i == 0 ? first : second));
    }
}

TEST_F(VectorMode, TheSameSeedRepeatsAndAnotherDoesNot)
{
    Bytes a = draw(32);
    ASSERT_EQ(PC_OK, pc_test_vectors_begin(kSeed.data(), 32));
    EXPECT_EQ(to_hex(a), to_hex(draw(32)));
    Bytes other(32, 0x5b);
    ASSERT_EQ(PC_OK, pc_test_vectors_begin(other.data(), 32));
    EXPECT_NE(to_hex(a), to_hex(draw(32)));
    EXPECT_EQ(PC_E_ARG, pc_test_vectors_begin(other.data(), 31));
}

TEST_F(VectorMode, EndGivesThePlatformSourceBack)
{
    Bytes seeded = draw(32);
    pc_test_vectors_end();
    EXPECT_NE(to_hex(seeded), to_hex(draw(32)));
    EXPECT_EQ(0, pc_test_trace_count());
    pci_trace("after-end", 0, 0, seeded.data(), 32);
    EXPECT_EQ(0, pc_test_trace_count());
}

TEST_F(VectorMode, TheTraceShowsAHandshakeButNotTheSelfTest)
{
    ASSERT_EQ(PC_OK, pc_selftest());
    EXPECT_EQ(0, pc_test_trace_count());
    const std::string prologue = "phone/v1/pair";
    int32_t hs = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR,
                                reinterpret_cast<const uint8_t *>(prologue.data()), prologue.size(),
                                nullptr, nullptr, nullptr, nullptr);
    ASSERT_GE(hs, 0);
    Bytes msg(64);
    ASSERT_EQ(32 + 3, pc_hs_write(hs, reinterpret_cast<const uint8_t *>("abc"), 3, msg.data(), 64, 0));
    ASSERT_EQ(4, pc_test_trace_count()); // prologue, e, payload, h
    Bytes data;
    EXPECT_EQ("prologue", label_of(0, &data));
    EXPECT_EQ(prologue, std::string(data.begin(), data.end()));
    EXPECT_EQ("e", label_of(1));
    EXPECT_EQ("payload", label_of(2, &data));
    EXPECT_EQ("abc", std::string(data.begin(), data.end()));
    EXPECT_EQ("h", label_of(3, &data));
    EXPECT_EQ(64u, data.size());
    Bytes h(64);
    ASSERT_EQ(64, pc_hs_hash(hs, h.data(), 64));
    EXPECT_EQ(to_hex(h), to_hex(data));
    pc_hs_free(hs);
}

TEST_F(VectorMode, AFullTraceSaysSoInsteadOfDroppingQuietly)
{
    uint8_t byte = 1;
    for (int i = 0; i <= PC_TRACE_ENTRIES; i++)
        pci_trace("filler", 0, static_cast<uint32_t>(i), &byte, 1);
    EXPECT_EQ(PC_E_SPACE, pc_test_trace_count());
    EXPECT_EQ(PC_OK, pc_test_trace_clear());
    EXPECT_EQ(0, pc_test_trace_count());
}
