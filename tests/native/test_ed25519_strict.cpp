// SPDX-License-Identifier: MIT
// test_ed25519_strict.cpp - the checks both backends run before their
// Ed25519 equation (native/src/ed25519_strict.c), which make Monocypher's
// lenient crypto_ed25519_check refuse what libsodium refuses: non-canonical
// A/R, small-order A/R, S >= L. Monocypher itself cannot run here (no device,
// its source is not ours to build), so these tests pin the precheck's own
// verdicts and check them against libsodium's on crafted cases and on
// Wycheproof: the precheck never refuses what libsodium accepts, and it
// refuses on its own every case of the classes Monocypher would accept.
#include <algorithm>
#include <array>
#include <iostream>

#include "test_util.hpp"

extern "C" {
#include "backend.h"
#include "ed25519_strict.h"
}
#include <sodium.h>

namespace {

using Point = std::array<uint8_t, 32>;

// p = 2^255 - 19 plus a small y, little-endian: the non-canonical encodings.
Point p_plus(uint8_t y)
{
    Point e;
    e.fill(0xff);
    e[31] = 0x7f;
    e[0] = static_cast<uint8_t>(0xed + y); // 0xed + 18 = 0xff: no carry for y < 19
    return e;
}

Point from_hex(const std::string &s)
{
    Bytes b = hex(s);
    Point e{};
    std::copy(b.begin(), b.end(), e.begin());
    return e;
}

// The small-order encodings (sign bit clear), derived independently of the
// C table: y = 0, 1, p - 1, the order-8 pair, and y = p, p + 1.
std::vector<Point> small_order_points()
{
    std::vector<Point> pts;
    pts.push_back(Point{});
    Point one{};
    one[0] = 1;
    pts.push_back(one);
    Point minus_one = p_plus(0);
    minus_one[0] = 0xec;
    pts.push_back(minus_one);
    pts.push_back(from_hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"));
    pts.push_back(from_hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));
    pts.push_back(p_plus(0));
    pts.push_back(p_plus(1));
    return pts;
}

Point with_sign(Point e)
{
    e[31] |= 0x80;
    return e;
}

bool libsodium_verify(const uint8_t sig[64], const Bytes &msg, const uint8_t pub[32])
{
    return crypto_sign_ed25519_verify_detached(sig, msg.data(), msg.size(), pub) == 0;
}

struct Signed {
    Point pub;
    std::array<uint8_t, 64> sig;
    Bytes msg;
};

Signed sign_random(size_t msg_len)
{
    Signed s;
    uint8_t sk[64];
    crypto_sign_ed25519_keypair(s.pub.data(), sk);
    s.msg.resize(msg_len);
    if (!s.msg.empty())
        randombytes_buf(s.msg.data(), s.msg.size());
    crypto_sign_ed25519_detached(s.sig.data(), nullptr, s.msg.data(), s.msg.size(), sk);
    sodium_memzero(sk, sizeof sk);
    return s;
}

} // namespace

class Ed25519Strict : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ASSERT_EQ(pci_be_init(), 0); }
};

// Every small-order encoding, with either sign bit, is on the list; libsodium
// agrees none of them is a usable point.
TEST_F(Ed25519Strict, SmallOrderListComplete)
{
    int listed = 0;
    for (auto pt : small_order_points()) {
        for (auto e : {pt, with_sign(pt)}) {
            EXPECT_EQ(pci_ed25519_is_small_order(e.data()), 1) << to_hex(e.data(), 32);
            EXPECT_EQ(crypto_core_ed25519_is_valid_point(e.data()), 0) << to_hex(e.data(), 32);
            listed++;
        }
    }
    EXPECT_EQ(listed, 14);
    // a one-bit change of a listed encoding is not listed (no prefix matching)
    Point near = small_order_points()[3];
    near[15] ^= 1;
    EXPECT_EQ(pci_ed25519_is_small_order(near.data()), 0);
}

// y >= p is non-canonical: exactly the 19 encodings p..p+18, either sign bit.
TEST_F(Ed25519Strict, CanonicalBoundary)
{
    for (uint8_t y = 0; y < 19; y++) {
        EXPECT_EQ(pci_ed25519_is_canonical(p_plus(y).data()), 0) << int(y);
        EXPECT_EQ(pci_ed25519_is_canonical(with_sign(p_plus(y)).data()), 0) << int(y);
    }
    Point p_minus_one = p_plus(0);
    p_minus_one[0] = 0xec;
    EXPECT_EQ(pci_ed25519_is_canonical(p_minus_one.data()), 1);
    EXPECT_EQ(pci_ed25519_is_canonical(with_sign(p_minus_one).data()), 1);
    Point high = p_plus(5);
    high[30] = 0xfe; // below p whatever byte 0 says
    EXPECT_EQ(pci_ed25519_is_canonical(high.data()), 1);
    Point zero{};
    EXPECT_EQ(pci_ed25519_is_canonical(zero.data()), 1);
}

// S < L: L - 1 passes, L and anything above is refused.
TEST_F(Ed25519Strict, ScalarBoundary)
{
    Point order = from_hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    EXPECT_EQ(pci_ed25519_scalar_is_canonical(order.data()), 0);
    Point below = order;
    below[0]--;
    EXPECT_EQ(pci_ed25519_scalar_is_canonical(below.data()), 1);
    Point above = order;
    above[0]++;
    EXPECT_EQ(pci_ed25519_scalar_is_canonical(above.data()), 0);
    Point middle = order;
    middle[16] = 1; // larger in a middle byte
    EXPECT_EQ(pci_ed25519_scalar_is_canonical(middle.data()), 0);
    Point max;
    max.fill(0xff);
    EXPECT_EQ(pci_ed25519_scalar_is_canonical(max.data()), 0);
    Point zero{};
    EXPECT_EQ(pci_ed25519_scalar_is_canonical(zero.data()), 1);
}

// The forgery a cofactored check without a blocklist allows: a small-order key
// and R with S = 0 satisfy 8(SB - hA - R) = 0 for every message. Refused by the
// precheck (so by the device backend) as libsodium refuses it, for every pair.
TEST_F(Ed25519Strict, SmallOrderUniversalForgeryRefused)
{
    const Bytes msg = {'p', 'h', 'o', 'n', 'e'};
    int refused = 0;
    for (auto a : small_order_points()) {
        for (auto r : small_order_points()) {
            std::array<uint8_t, 64> sig{};
            std::copy(r.begin(), r.end(), sig.begin());
            EXPECT_EQ(pci_ed25519_precheck(sig.data(), a.data()), 0);
            EXPECT_EQ(pci_ed25519_verify(sig.data(), msg.data(), msg.size(), a.data()), 0);
            EXPECT_FALSE(libsodium_verify(sig.data(), msg, a.data()));
            refused++;
        }
    }
    EXPECT_EQ(refused, 49);
}

// A genuine signature with R or A swapped for a non-canonical or small-order
// encoding is refused by the precheck; S + L (malleable) too.
TEST_F(Ed25519Strict, CraftedEncodingsRefused)
{
    Signed s = sign_random(40);
    ASSERT_EQ(pci_ed25519_precheck(s.sig.data(), s.pub.data()), 1);
    ASSERT_TRUE(libsodium_verify(s.sig.data(), s.msg, s.pub.data()));
    int refused = 0;
    for (uint8_t y = 0; y < 19; y++) {
        auto sig = s.sig;
        Point r = p_plus(y);
        std::copy(r.begin(), r.end(), sig.begin());
        EXPECT_EQ(pci_ed25519_precheck(sig.data(), s.pub.data()), 0) << "R = p + " << int(y);
        EXPECT_FALSE(libsodium_verify(sig.data(), s.msg, s.pub.data()));
        EXPECT_EQ(pci_ed25519_precheck(s.sig.data(), p_plus(y).data()), 0) << "A = p + " << int(y);
        EXPECT_FALSE(libsodium_verify(s.sig.data(), s.msg, p_plus(y).data()));
        refused += 2;
    }
    EXPECT_EQ(refused, 38);
    // S + L: the same signature, malleated
    auto sig = s.sig;
    unsigned carry = 0;
    Point order = from_hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    for (size_t i = 0; i < 32; i++) {
        unsigned sum = sig[32 + i] + order[i] + carry;
        sig[32 + i] = static_cast<uint8_t>(sum);
        carry = sum >> 8;
    }
    EXPECT_EQ(pci_ed25519_precheck(sig.data(), s.pub.data()), 0);
    EXPECT_FALSE(libsodium_verify(sig.data(), s.msg, s.pub.data()));
}

// The precheck never refuses a genuine signature: 500 random keys and messages.
TEST_F(Ed25519Strict, GenuineSignaturesPass)
{
    int passed = 0;
    for (int i = 0; i < 500; i++) {
        Signed s = sign_random(static_cast<size_t>(1 + i % 200));
        passed += pci_ed25519_precheck(s.sig.data(), s.pub.data());
        EXPECT_EQ(pci_ed25519_verify(s.sig.data(), s.msg.data(), s.msg.size(), s.pub.data()), 1);
    }
    EXPECT_EQ(passed, 500);
}

// Wycheproof: every valid case passes the precheck; every case it refuses,
// libsodium refuses too; the backend's verdict is libsodium's everywhere.
TEST_F(Ed25519Strict, WycheproofAgrees)
{
    auto doc = load_vectors("wycheproof/ed25519_test.json");
    int valid_passed = 0, refused_by_precheck = 0, checked = 0;
    for (auto &group : doc["testGroups"]) {
        Bytes pub = hex(group["publicKey"]["pk"]);
        for (auto &t : group["tests"]) {
            Bytes sig = hex(t["sig"]), msg = hex(t["msg"]);
            if (sig.size() != 64)
                continue;
            std::string id = "tcId " + std::to_string(t["tcId"].get<int>());
            bool valid = t["result"] == "valid";
            bool pre = pci_ed25519_precheck(sig.data(), pub.data()) == 1;
            bool sodium = libsodium_verify(sig.data(), msg, pub.data());
            bool backend =
                pci_ed25519_verify(sig.data(), msg.data(), msg.size(), pub.data()) == 1;
            EXPECT_EQ(backend, sodium) << id;
            if (valid) {
                EXPECT_TRUE(pre) << id;
                valid_passed += pre ? 1 : 0;
            }
            if (!pre) {
                EXPECT_FALSE(sodium) << id;
                refused_by_precheck++;
            }
            checked++;
        }
    }
    std::cout << "wycheproof ed25519 precheck: " << valid_passed << " valid passed, "
              << refused_by_precheck << " invalid refused before the equation, of " << checked
              << "\n";
    EXPECT_EQ(valid_passed, 88);
    EXPECT_EQ(refused_by_precheck, 29);
}
