// SPDX-License-Identifier: MIT
// test_cookie.cpp - pc_cookie_*: mac1/mac2 on a first message, the sealed
// cookie reply and the rotating secret (docs/protocol.md §11), and keyed
// BLAKE2b through the backend against the published keyed vectors. The same
// construction is checked against Python's hashlib in the interop stage
// (tests/interop/cookie_hashlib.py).
#include <cstring>

#include "test_util.hpp"

extern "C" {
#include "backend.h"
}

namespace {

constexpr int32_t kKey = PC_COOKIE_KEY_LEN;

class Cookie : public ::testing::Test {
protected:
    void SetUp() override
    {
        require_selftest();
        mac1_key = Bytes(kKey, 0x11);
        cookie_key = Bytes(kKey, 0x22);
        source = {127, 3, 4, 5, 0x34, 0x12};
        dgram = Bytes(171, 0);
        for (size_t i = 0; i < 139; i++)
            dgram[i] = (uint8_t)(i * 7 + 1);
    }

    int32_t check(const Bytes &d, int32_t epoch, const Bytes &src)
    {
        return pc_cookie_check(mac1_key.data(), kKey, src.data(), (int32_t)src.size(), epoch, d.data(),
                               (int32_t)d.size(), 0, (int32_t)d.size());
    }

    // The cookie the responder hands out at `epoch`, as the initiator opens it.
    Bytes cookie_at(int32_t epoch)
    {
        Bytes reply(PC_COOKIE_SEALED_LEN), cookie(PC_MAC_LEN);
        EXPECT_EQ(pc_cookie_reply(cookie_key.data(), kKey, source.data(), (int32_t)source.size(), epoch,
                                  dgram.data(), (int32_t)dgram.size(), 0, (int32_t)dgram.size(), reply.data(),
                                  (int32_t)reply.size(), 0),
                  PC_COOKIE_SEALED_LEN);
        EXPECT_EQ(pc_cookie_open(cookie_key.data(), kKey, dgram.data() + dgram.size() - PC_MACS_LEN, PC_MAC_LEN,
                                 reply.data(), (int32_t)reply.size(), 0, cookie.data(), PC_MAC_LEN),
                  PC_MAC_LEN);
        return cookie;
    }

    void stamp(const Bytes *cookie)
    {
        ASSERT_EQ(pc_cookie_stamp(mac1_key.data(), kKey, cookie ? cookie->data() : nullptr,
                                  cookie ? PC_MAC_LEN : 0, dgram.data(), (int32_t)dgram.size(), 0,
                                  (int32_t)dgram.size()),
                  (int32_t)dgram.size());
    }

    Bytes mac1_key, cookie_key, source, dgram;
};

} // namespace

Bytes keyed_blake2b(const Bytes &key, const Bytes &in, size_t out_len)
{
    pc_blake2b_ctx ctx;
    Bytes out(out_len);
    pci_be_blake2b_init_keyed(&ctx, out_len, key.data(), key.size());
    pci_be_blake2b_update(&ctx, in.data(), in.size());
    pci_be_blake2b_final(&ctx, out.data(), out_len);
    return out;
}

// The official BLAKE2 KAT's keyed entries (key 00..3f, inputs of 0..255 bytes, 64-byte digest).
TEST(KeyedBlake2b, OfficialKatKeyed)
{
    auto doc = load_vectors("blake2-official/blake2b-kat.json");
    int run = 0;
    for (auto &c : doc) {
        if (c["key"].get<std::string>().empty())
            continue;
        EXPECT_EQ(to_hex(keyed_blake2b(hex(c["key"]), hex(c["in"]), 64)), c["out"]);
        run++;
    }
    EXPECT_EQ(run, 256);
}

// RFC 7693 Appendix E's keyed self-test cases: digest lengths other than 64 too.
TEST(KeyedBlake2b, Rfc7693SelftestCasesKeyed)
{
    auto doc = load_vectors("rfc7693_blake2b.json");
    int run = 0;
    for (auto &c : doc["selftest_cases_derived"]) {
        if (c["key"].get<std::string>().empty())
            continue;
        EXPECT_EQ(to_hex(keyed_blake2b(hex(c["key"]), hex(c["input"]), c["outlen"])), c["out"]) << c["inlen"];
        run++;
    }
    EXPECT_EQ(run, 24);
}

TEST_F(Cookie, Mac1WithoutCookieChecksAndMac2IsZero)
{
    stamp(nullptr);
    EXPECT_EQ(check(dgram, 7, source), PC_COOKIE_MAC1_OK);
    EXPECT_EQ(to_hex(dgram.data() + dgram.size() - PC_MAC_LEN, PC_MAC_LEN), std::string(32, '0'));
}

TEST_F(Cookie, CookieFromReplyMakesMac2Valid)
{
    Bytes cookie = cookie_at(7);
    stamp(&cookie);
    EXPECT_EQ(check(dgram, 7, source), PC_COOKIE_MAC1_OK | PC_COOKIE_MAC2_OK);
}

TEST_F(Cookie, Mac2IsBoundToTheSourceAddressAndPort)
{
    Bytes cookie = cookie_at(7);
    stamp(&cookie);
    Bytes other = source;
    other[5] ^= 1; // another port
    EXPECT_EQ(check(dgram, 7, other), PC_COOKIE_MAC1_OK);
    other = source;
    other[1] ^= 1; // another address
    EXPECT_EQ(check(dgram, 7, other), PC_COOKIE_MAC1_OK);
}

TEST_F(Cookie, AnyFlippedBitFailsItsMac)
{
    Bytes cookie = cookie_at(7);
    stamp(&cookie);
    for (size_t i = 0; i < dgram.size(); i += 5) {
        Bytes d = dgram;
        d[i] ^= 0x01;
        int32_t flags = check(d, 7, source);
        // mac2 covers every byte before it (mac1 included); mac1 covers the bytes before it and itself.
        if (i < dgram.size() - PC_MAC_LEN) {
            EXPECT_EQ(flags & PC_COOKIE_MAC2_OK, 0) << "byte " << i;
            EXPECT_EQ(flags & PC_COOKIE_MAC1_OK, 0) << "byte " << i;
        } else {
            EXPECT_EQ(flags, PC_COOKIE_MAC1_OK) << "byte " << i;
        }
    }
}

TEST_F(Cookie, CookieLivesOneEpochAfterItsOwnThenDies)
{
    int32_t e = 1000;
    Bytes cookie = cookie_at(e);
    stamp(&cookie);
    EXPECT_TRUE(check(dgram, e + 1, source) & PC_COOKIE_MAC2_OK); // previous secret still held
    EXPECT_FALSE(check(dgram, e + 2, source) & PC_COOKIE_MAC2_OK);
    EXPECT_FALSE(check(dgram, e + 1, source) & PC_COOKIE_MAC2_OK); // no rotation back
}

TEST_F(Cookie, ReplyOpensOnlyWithTheRightKeyAndMac1)
{
    stamp(nullptr);
    Bytes reply(PC_COOKIE_SEALED_LEN), cookie(PC_MAC_LEN, 0xEE);
    ASSERT_EQ(pc_cookie_reply(cookie_key.data(), kKey, source.data(), 6, 5000, dgram.data(), (int32_t)dgram.size(),
                              0, (int32_t)dgram.size(), reply.data(), (int32_t)reply.size(), 0),
              PC_COOKIE_SEALED_LEN);
    Bytes wrong_mac1(dgram.end() - PC_MACS_LEN, dgram.end() - PC_MAC_LEN);
    wrong_mac1[0] ^= 1;
    EXPECT_EQ(pc_cookie_open(cookie_key.data(), kKey, wrong_mac1.data(), PC_MAC_LEN, reply.data(),
                             (int32_t)reply.size(), 0, cookie.data(), PC_MAC_LEN),
              PC_E_AUTH);
    Bytes wrong_key(kKey, 0x23);
    EXPECT_EQ(pc_cookie_open(wrong_key.data(), kKey, dgram.data() + dgram.size() - PC_MACS_LEN, PC_MAC_LEN,
                             reply.data(), (int32_t)reply.size(), 0, cookie.data(), PC_MAC_LEN),
              PC_E_AUTH);
    EXPECT_EQ(cookie, Bytes(PC_MAC_LEN, 0xEE)); // untouched on failure
}

TEST_F(Cookie, BadArgumentsAreRefusedAndWriteNothing)
{
    Bytes before = dgram;
    EXPECT_EQ(pc_cookie_stamp(mac1_key.data(), 31, nullptr, 0, dgram.data(), 171, 0, 171), PC_E_ARG);
    EXPECT_EQ(pc_cookie_stamp(mac1_key.data(), kKey, nullptr, 0, dgram.data(), 171, 0, PC_MACS_LEN), PC_E_ARG);
    EXPECT_EQ(pc_cookie_stamp(mac1_key.data(), kKey, nullptr, 0, dgram.data(), 171, 100, 100), PC_E_ARG);
    EXPECT_EQ(pc_cookie_stamp(mac1_key.data(), kKey, mac1_key.data(), 15, dgram.data(), 171, 0, 171), PC_E_ARG);
    EXPECT_EQ(dgram, before);
    EXPECT_EQ(pc_cookie_check(mac1_key.data(), kKey, source.data(), 0, 1, dgram.data(), 171, 0, 171), PC_E_ARG);
    EXPECT_EQ(pc_cookie_check(mac1_key.data(), kKey, source.data(), PC_COOKIE_SOURCE_MAX + 1, 1, dgram.data(), 171,
                              0, 171),
              PC_E_ARG);
    Bytes out(PC_COOKIE_SEALED_LEN - 1);
    EXPECT_EQ(pc_cookie_reply(cookie_key.data(), kKey, source.data(), 6, 1, dgram.data(), 171, 0, 171, out.data(),
                              (int32_t)out.size(), 0),
              PC_E_ARG);
}
