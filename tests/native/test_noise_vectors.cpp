// SPDX-License-Identifier: MIT
// test_noise_vectors.cpp - every XX, IK and IKpsk2 vector of our suite in
// tests/vectors/noise_*.json replayed byte for byte through the public
// pc_hs_* calls (fixed keys via the test hook), then the transport messages
// through the split CipherStates. Other patterns in those files are skipped
// with a printed, counted reason; the totals are asserted so a filter that
// silently dropped everything fails.
#include <iostream>
#include <map>

#include "test_util.hpp"

extern "C" {
#include "cipher_state.h"
#include "test_hooks.h"
}

namespace {

const char *kSuffix = "_25519_ChaChaPoly_BLAKE2b";

struct FileTally {
    int replayed = 0, skipped = 0, messages = 0, hashes = 0;
};

// Our pattern enum for a vector, or 0 with the reason it is not ours.
int pattern_of(const nlohmann::json &v, std::string &reason)
{
    std::string name = v.contains("protocol_name") ? v["protocol_name"] : v["name"];
    std::string pattern = name.substr(6, name.size() - 6 - std::string(kSuffix).size());
    size_t psks = v.contains("init_psks") ? v["init_psks"].size() : 0;
    if (v.contains("fallback") && v["fallback"].get<bool>())
        reason = "fallback pattern (Noise Pipes), not one of ours";
    else if (pattern == "XX" && psks == 0)
        return PC_PATTERN_XX;
    else if (pattern == "IK" && psks == 0)
        return PC_PATTERN_IK;
    else if (pattern == "IKpsk2" && psks == 1)
        return PC_PATTERN_IKPSK2;
    else if (pattern.find('+') != std::string::npos || psks > 1)
        reason = "multi-psk modifier (" + pattern + "), not one of ours";
    else if (pattern == "XX1" || pattern == "IK1")
        reason = "deferred pattern " + pattern + ", not one of ours";
    else
        reason = "pattern " + pattern + " is not XX, IK or IKpsk2";
    return 0;
}

Bytes field(const nlohmann::json &v, const char *name)
{
    if (!v.contains(name))
        return {};
    if (v[name].is_array())
        return v[name].empty() ? Bytes{} : hex(v[name][0]);
    return hex(v[name]);
}

const uint8_t *ptr_or_null(const Bytes &b)
{
    return b.empty() ? nullptr : b.data();
}

int32_t new_side(const nlohmann::json &v, int pattern, int role)
{
    const char *p = role == PC_ROLE_INITIATOR ? "init_" : "resp_";
    auto get = [&](const char *what) { return field(v, (std::string(p) + what).c_str()); };
    Bytes prologue = get("prologue"), s = get("static"), e = get("ephemeral");
    Bytes rs = get("remote_static"), psk = get("psks");
    return pc_test_hs_new(pattern, role, ptr_or_null(prologue), prologue.size(), s.data(),
                          e.data(), ptr_or_null(rs), ptr_or_null(psk));
}

// Handshake message i: the sender writes it byte-exact, the receiver reads it.
void replay_handshake_message(int32_t tx, int32_t rx, const nlohmann::json &m, int i)
{
    Bytes payload = hex(m["payload"]), out(PC_MAX_HS_MSG_LEN), got(PC_MAX_HS_MSG_LEN);
    int32_t len = pc_hs_write(tx, payload.data(), (int32_t)payload.size(), out.data(),
                              (int32_t)out.size(), 0);
    ASSERT_GT(len, 0) << "message " << i << " write: " << len;
    EXPECT_EQ(to_hex(out.data(), (size_t)len), m["ciphertext"]) << "message " << i;
    int32_t n = pc_hs_read(rx, out.data(), len, 0, len, got.data(), (int32_t)got.size());
    ASSERT_EQ(n, (int32_t)payload.size()) << "message " << i << " read";
    EXPECT_EQ(Bytes(got.begin(), got.begin() + n), payload) << "message " << i;
}

// Transport message i through the split CipherStates (nonces from 0 per direction).
void replay_transport_message(pc_cipher_state &send, pc_cipher_state &recv,
                              const nlohmann::json &m, int i)
{
    Bytes payload = hex(m["payload"]), ct(payload.size() + 16), back(payload.size());
    ASSERT_EQ(pci_cs_encrypt(&send, nullptr, 0, payload.data(), payload.size(), ct.data()), 0);
    EXPECT_EQ(to_hex(ct), m["ciphertext"]) << "transport message " << i;
    ASSERT_EQ(pci_cs_decrypt(&recv, nullptr, 0, ct.data(), ct.size(), back.data()), 0);
    EXPECT_EQ(back, payload) << "transport message " << i;
}

void replay_transport(int32_t init, int32_t resp, const nlohmann::json &msgs, int first)
{
    pc_split_result si, sr;
    ASSERT_EQ(pc_test_hs_split(init, &si), PC_OK);
    ASSERT_EQ(pc_test_hs_split(resp, &sr), PC_OK);
    pc_cipher_state i2r_tx, i2r_rx, r2i_tx, r2i_rx;
    pci_cs_init(&i2r_tx, si.k_i2r);
    pci_cs_init(&r2i_rx, si.k_r2i);
    pci_cs_init(&i2r_rx, sr.k_i2r);
    pci_cs_init(&r2i_tx, sr.k_r2i);
    for (int i = first; i < (int)msgs.size(); i++) {
        if (i % 2 == 0)
            replay_transport_message(i2r_tx, i2r_rx, msgs[i], i);
        else
            replay_transport_message(r2i_tx, r2i_rx, msgs[i], i);
    }
}

void replay(const nlohmann::json &v, int pattern, FileTally &tally)
{
    int32_t init = new_side(v, pattern, PC_ROLE_INITIATOR);
    int32_t resp = new_side(v, pattern, PC_ROLE_RESPONDER);
    ASSERT_GE(init, 0);
    ASSERT_GE(resp, 0);
    const auto &msgs = v["messages"];
    int i = 0;
    for (; pc_hs_status(init) != PC_HS_DONE; i++) {
        ASSERT_LT(i, (int)msgs.size()) << "vector ran out of messages";
        if (i % 2 == 0)
            replay_handshake_message(init, resp, msgs[i], i);
        else
            replay_handshake_message(resp, init, msgs[i], i);
        if (::testing::Test::HasFatalFailure())
            return;
    }
    EXPECT_EQ(pc_hs_status(resp), PC_HS_DONE);
    Bytes hi(64), hr(64);
    ASSERT_EQ(pc_hs_hash(init, hi.data(), 64), 64);
    ASSERT_EQ(pc_hs_hash(resp, hr.data(), 64), 64);
    EXPECT_EQ(hi, hr);
    if (v.contains("handshake_hash")) {
        EXPECT_EQ(to_hex(hi), v["handshake_hash"]);
        tally.hashes++;
    }
    replay_transport(init, resp, msgs, i);
    tally.messages += (int)msgs.size();
    tally.replayed++;
    pc_hs_free(init);
    pc_hs_free(resp);
}

FileTally run_file(const char *file)
{
    FileTally tally;
    auto doc = load_vectors(file);
    for (auto &v : doc["vectors"]) {
        std::string name = v.contains("protocol_name") ? v["protocol_name"] : v["name"];
        std::string reason;
        int pattern = pattern_of(v, reason);
        if (pattern == 0) {
            std::cout << "  skip " << name << ": " << reason << "\n";
            tally.skipped++;
            continue;
        }
        SCOPED_TRACE(std::string(file) + ": " + name);
        replay(v, pattern, tally);
        std::cout << "  replayed " << name << "\n";
    }
    std::cout << file << ": " << tally.replayed << " replayed (" << tally.messages
              << " messages, " << tally.hashes << " handshake hashes), " << tally.skipped
              << " skipped\n";
    return tally;
}

} // namespace

class NoiseVectors : public ::testing::Test {
protected:
    static void SetUpTestSuite() { require_selftest(); }
};

TEST_F(NoiseVectors, Cacophony)
{
    FileTally t = run_file("noise_cacophony_XX_IK_25519_ChaChaPoly_BLAKE2b.json");
    EXPECT_EQ(t.replayed, 3); // XX, IK, IKpsk2
    EXPECT_EQ(t.skipped, 4);  // XXpsk3, IKpsk1, XX1, IK1
    EXPECT_EQ(t.hashes, 3);
    EXPECT_EQ(t.messages, 18);
}

TEST_F(NoiseVectors, Snow)
{
    FileTally t = run_file("noise_snow_XX_IK_25519_ChaChaPoly_BLAKE2b.json");
    EXPECT_EQ(t.replayed, 2); // XX, IK
    EXPECT_EQ(t.skipped, 7);  // XX1, IK1 and five multi-psk vectors
    EXPECT_EQ(t.messages, 9);
}

TEST_F(NoiseVectors, NoiseC)
{
    FileTally t = run_file("noise_noise-c_XX_IK_XXfallback_25519_ChaChaPoly_BLAKE2b.json");
    EXPECT_EQ(t.replayed, 2); // XX, IK
    EXPECT_EQ(t.skipped, 1);  // XXfallback
    EXPECT_EQ(t.hashes, 2);
    EXPECT_EQ(t.messages, 12);
}
