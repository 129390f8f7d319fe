// SPDX-License-Identifier: MIT
// test_ed25519.cpp - Ed25519 verification through the backend (backend.h,
// pci_be_ed25519_verify) against RFC 8032 §7.1 and Wycheproof's 151 cases.
#include <algorithm>
#include <iostream>

#include "test_util.hpp"

extern "C" {
#include "backend.h"
}
#include <sodium.h>

namespace {

bool verify(const Bytes &sig, const Bytes &msg, const Bytes &pub)
{
    return pci_be_ed25519_verify(sig.data(), msg.data(), msg.size(), pub.data()) == 1;
}

bool has_flag(const nlohmann::json &t, const char *flag)
{
    auto flags = t["flags"].get<std::vector<std::string>>();
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

} // namespace

class Ed25519 : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ASSERT_EQ(pci_be_init(), 0); }
};

// Every RFC vector verifies; the public key is the one its secret key gives
// (libsodium's keypair from seed, the same library the test build signs with).
TEST_F(Ed25519, Rfc8032Section71)
{
    auto doc = load_vectors("rfc8032_ed25519.json");
    int n = 0;
    for (auto &v : doc["vectors"]) {
        Bytes seed = hex(v["secret_key"]), pub = hex(v["public_key"]);
        Bytes msg = hex(v["message"]), sig = hex(v["signature"]);
        std::string name = v["name"];
        EXPECT_TRUE(verify(sig, msg, pub)) << name;
        Bytes derived(32), sk(64);
        crypto_sign_seed_keypair(derived.data(), sk.data(), seed.data());
        EXPECT_EQ(derived, pub) << name;
        n++;
    }
    EXPECT_EQ(n, 5);
}

// A changed bit anywhere (signature, message, key) is refused.
TEST_F(Ed25519, Rfc8032AnyFlipRefused)
{
    auto v = load_vectors("rfc8032_ed25519.json")["vectors"][2]; // TEST 3: 2-byte message
    Bytes pub = hex(v["public_key"]), msg = hex(v["message"]), sig = hex(v["signature"]);
    ASSERT_TRUE(verify(sig, msg, pub));
    int refused = 0;
    for (size_t bit = 0; bit < sig.size() * 8; bit++) {
        Bytes bad = sig;
        bad[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
        refused += verify(bad, msg, pub) ? 0 : 1;
    }
    EXPECT_EQ(refused, 512);
    for (size_t bit = 0; bit < msg.size() * 8; bit++) {
        Bytes bad = msg;
        bad[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
        EXPECT_FALSE(verify(sig, bad, pub)) << "message bit " << bit;
    }
    Bytes other = pub;
    other[0] ^= 1;
    EXPECT_FALSE(verify(sig, msg, other));
}

// Wycheproof: every valid case accepted, every invalid one refused -
// including the malleable (S + L) and non-canonical encodings. Signatures of
// another length than 64 bytes cannot reach the fixed-size interface: the
// caller refuses them by size, as the certificate parser does.
TEST_F(Ed25519, Wycheproof)
{
    auto doc = load_vectors("wycheproof/ed25519_test.json");
    int accepted = 0, refused = 0, refused_by_size = 0, malleable_refused = 0;
    for (auto &group : doc["testGroups"]) {
        Bytes pub = hex(group["publicKey"]["pk"]);
        ASSERT_EQ(pub.size(), 32u);
        for (auto &t : group["tests"]) {
            std::string id = "tcId " + std::to_string(t["tcId"].get<int>()) + " " +
                             t["comment"].get<std::string>();
            Bytes sig = hex(t["sig"]), msg = hex(t["msg"]);
            bool valid = t["result"] == "valid";
            if (sig.size() != 64) {
                EXPECT_FALSE(valid) << id;
                refused_by_size++;
                continue;
            }
            bool ok = verify(sig, msg, pub);
            EXPECT_EQ(ok, valid) << id;
            if (valid && ok)
                accepted++;
            if (!valid && !ok) {
                refused++;
                if (has_flag(t, "SignatureMalleability"))
                    malleable_refused++;
            }
        }
    }
    std::cout << "wycheproof ed25519: " << accepted << " valid accepted, " << refused
              << " invalid refused (" << malleable_refused << " malleable), " << refused_by_size
              << " refused by size\n";
    EXPECT_EQ(accepted, 88);
    EXPECT_EQ(refused + refused_by_size, 63);
    EXPECT_EQ(malleable_refused, 8);
    EXPECT_EQ(accepted + refused + refused_by_size, doc["numberOfTests"].get<int>());
    EXPECT_EQ(doc["numberOfTests"].get<int>(), 151);
}
