// SPDX-License-Identifier: MIT
// test_kem_handshake.cpp - the hybrid pairing calls (pc_hs_kem_*): ML-KEM-768
// mixed into an XX handshake between messages 1 and 2. Both sides must end with
// the same handshake hash and keys, different from the classical run; a modified
// ciphertext (implicit rejection) makes message 2 fail; misuse and hostile input
// leave the handshake unchanged; the initiator cannot skip the KEM once offered.
#include <cstring>

#include "test_util.hpp"

extern "C" {
#include "split.h"
#include "test_hooks.h"
}

namespace {

Bytes rand_bytes(size_t n)
{
    EXPECT_EQ(pc_selftest(), PC_OK); // the gate opens before any member key is drawn
    Bytes b(n);
    EXPECT_EQ(pc_random(b.data(), (int32_t)n), (int32_t)n);
    return b;
}

struct XxPair {
    Bytes si = rand_bytes(32), sr = rand_bytes(32), ei = rand_bytes(32), er = rand_bytes(32);
    int32_t init, resp;
    XxPair()
    {
        require_selftest();
        init = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, si.data(), ei.data(),
                              nullptr, nullptr);
        resp = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, sr.data(), er.data(),
                              nullptr, nullptr);
        EXPECT_GE(init, 0);
        EXPECT_GE(resp, 0);
    }
    ~XxPair()
    {
        pc_hs_free(init);
        pc_hs_free(resp);
    }
};

Bytes write_msg(int32_t hs)
{
    Bytes out(PC_MAX_HS_MSG_LEN);
    int32_t n = pc_hs_write(hs, nullptr, 0, out.data(), (int32_t)out.size(), 0);
    EXPECT_GT(n, 0) << "write: " << n;
    out.resize(n > 0 ? n : 0);
    return out;
}

int32_t read_msg(int32_t hs, const Bytes &m)
{
    Bytes payload(PC_MAX_HS_MSG_LEN);
    return pc_hs_read(hs, m.data(), (int32_t)m.size(), 0, (int32_t)m.size(), payload.data(),
                      (int32_t)payload.size());
}

Bytes hash_of(int32_t hs)
{
    Bytes h(PC_HASH_LEN);
    EXPECT_EQ(pc_hs_hash(hs, h.data(), (int32_t)h.size()), PC_HASH_LEN);
    return h;
}

struct Outcome {
    Bytes hi, hr;
    pc_split_result si{}, sr{};
};

// A whole XX run, hybrid or not, on the same static and ephemeral keys.
Outcome run(XxPair &p, bool hybrid)
{
    Outcome o;
    EXPECT_GT(read_msg(p.resp, write_msg(p.init)), -1);
    if (hybrid) {
        Bytes pk(PC_KEM_PUBLIC_LEN), ct(PC_KEM_CIPHERTEXT_LEN);
        EXPECT_EQ(pc_hs_kem_offer(p.init, pk.data(), (int32_t)pk.size()), PC_KEM_PUBLIC_LEN);
        EXPECT_EQ(pc_hs_kem_accept(p.resp, pk.data(), (int32_t)pk.size(), ct.data(),
                                   (int32_t)ct.size()),
                  PC_KEM_CIPHERTEXT_LEN);
        EXPECT_EQ(pc_hs_kem_finish(p.init, ct.data(), (int32_t)ct.size()), PC_OK);
    }
    EXPECT_GE(read_msg(p.init, write_msg(p.resp)), 0);
    EXPECT_GE(read_msg(p.resp, write_msg(p.init)), 0);
    o.hi = hash_of(p.init);
    o.hr = hash_of(p.resp);
    EXPECT_EQ(pc_test_hs_split(p.init, &o.si), PC_OK);
    EXPECT_EQ(pc_test_hs_split(p.resp, &o.sr), PC_OK);
    EXPECT_EQ(pc_hs_kem_mixed(p.init), hybrid ? 1 : 0);
    EXPECT_EQ(pc_hs_kem_mixed(p.resp), hybrid ? 1 : 0);
    return o;
}

bool same(const uint8_t *a, const uint8_t *b, size_t n)
{
    return std::memcmp(a, b, n) == 0;
}

} // namespace

TEST(KemHandshake, HybridAgreesAndDiffersFromClassical)
{
    XxPair classical;
    Outcome c = run(classical, false);
    // Same static and ephemeral keys: only the KEM differs.
    XxPair h2;
    pc_hs_free(h2.init);
    pc_hs_free(h2.resp);
    h2.init = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, classical.si.data(),
                             classical.ei.data(), nullptr, nullptr);
    h2.resp = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, classical.sr.data(),
                             classical.er.data(), nullptr, nullptr);
    Outcome h = run(h2, true);

    EXPECT_EQ(c.hi, c.hr);
    EXPECT_EQ(h.hi, h.hr);
    EXPECT_NE(h.hi, c.hi) << "the KEM public key and ciphertext must be in h (the code)";
    EXPECT_TRUE(same(h.si.k_i2r, h.sr.k_i2r, 32));
    EXPECT_TRUE(same(h.si.k_r2i, h.sr.k_r2i, 32));
    EXPECT_TRUE(same(h.si.resumption, h.sr.resumption, 32));
    EXPECT_TRUE(same(h.si.root, h.sr.root, 32));
    EXPECT_FALSE(same(h.si.k_i2r, c.si.k_i2r, 32)) << "transport keys must depend on the KEM";
    EXPECT_FALSE(same(h.si.resumption, c.si.resumption, 32)) << "resumption secret too";
    EXPECT_FALSE(same(h.si.root, c.si.root, 32)) << "and the re-key chain";
}

TEST(KemHandshake, ModifiedCiphertextFailsMessage2)
{
    for (size_t pos : {size_t{0}, size_t{500}, size_t{PC_KEM_CIPHERTEXT_LEN - 1}}) {
        XxPair p;
        ASSERT_GE(read_msg(p.resp, write_msg(p.init)), 0);
        Bytes pk(PC_KEM_PUBLIC_LEN), ct(PC_KEM_CIPHERTEXT_LEN);
        ASSERT_EQ(pc_hs_kem_offer(p.init, pk.data(), (int32_t)pk.size()), PC_KEM_PUBLIC_LEN);
        ASSERT_EQ(pc_hs_kem_accept(p.resp, pk.data(), (int32_t)pk.size(), ct.data(),
                                   (int32_t)ct.size()),
                  PC_KEM_CIPHERTEXT_LEN);
        ct[pos] ^= 0x01;
        // Implicit rejection: decapsulation "succeeds" with a different secret...
        ASSERT_EQ(pc_hs_kem_finish(p.init, ct.data(), (int32_t)ct.size()), PC_OK);
        // ...so the responder's message 2 no longer authenticates.
        EXPECT_EQ(read_msg(p.init, write_msg(p.resp)), PC_E_AUTH) << "flipped byte " << pos;
    }
}

TEST(KemHandshake, InitiatorCannotSkipTheKemOnceOffered)
{
    XxPair p;
    ASSERT_GE(read_msg(p.resp, write_msg(p.init)), 0);
    Bytes pk(PC_KEM_PUBLIC_LEN);
    ASSERT_EQ(pc_hs_kem_offer(p.init, pk.data(), (int32_t)pk.size()), PC_KEM_PUBLIC_LEN);
    // The responder answers classically (e.g. a MITM stripped the KEM): refused.
    Bytes m2 = write_msg(p.resp);
    EXPECT_EQ(read_msg(p.init, m2), PC_E_STATE);
    EXPECT_EQ(pc_hs_status(p.init), PC_HS_READ);
}

TEST(KemHandshake, MisuseAndHostileInputLeaveTheHandshakeUnchanged)
{
    XxPair p;
    Bytes pk(PC_KEM_PUBLIC_LEN), ct(PC_KEM_CIPHERTEXT_LEN);
    // Before message 1: no KEM step anywhere.
    EXPECT_EQ(pc_hs_kem_offer(p.init, pk.data(), (int32_t)pk.size()), PC_E_STATE);
    ASSERT_GE(read_msg(p.resp, write_msg(p.init)), 0);
    // Wrong roles.
    EXPECT_EQ(pc_hs_kem_offer(p.resp, pk.data(), (int32_t)pk.size()), PC_E_STATE);
    EXPECT_EQ(pc_hs_kem_finish(p.init, ct.data(), (int32_t)ct.size()), PC_E_STATE);
    // Short output buffer.
    EXPECT_EQ(pc_hs_kem_offer(p.init, pk.data(), (int32_t)pk.size() - 1), PC_E_SPACE);
    Bytes hi = hash_of(p.init), hr = hash_of(p.resp);
    ASSERT_EQ(pc_hs_kem_offer(p.init, pk.data(), (int32_t)pk.size()), PC_KEM_PUBLIC_LEN);
    EXPECT_EQ(pc_hs_kem_offer(p.init, pk.data(), (int32_t)pk.size()), PC_E_STATE) << "once";

    // A key of the wrong size, and one with a coefficient >= q (3329 = 0xD01).
    EXPECT_EQ(pc_hs_kem_accept(p.resp, pk.data(), (int32_t)pk.size() - 1, ct.data(),
                               (int32_t)ct.size()),
              PC_E_MALFORMED);
    Bytes bad = pk;
    bad[0] = 0xFF;
    bad[1] = (uint8_t)((bad[1] & 0xF0) | 0x0F); // first coefficient 0xFFF
    EXPECT_EQ(pc_hs_kem_accept(p.resp, bad.data(), (int32_t)bad.size(), ct.data(),
                               (int32_t)ct.size()),
              PC_E_MALFORMED);
    EXPECT_EQ(hash_of(p.resp), hr);
    ASSERT_EQ(pc_hs_kem_accept(p.resp, pk.data(), (int32_t)pk.size(), ct.data(),
                               (int32_t)ct.size()),
              PC_KEM_CIPHERTEXT_LEN);
    EXPECT_NE(hash_of(p.resp), hr);

    // A ciphertext of the wrong size: refused, the initiator unchanged, then the real one.
    Bytes hi_offered = hash_of(p.init);
    EXPECT_NE(hi_offered, hi);
    EXPECT_EQ(pc_hs_kem_finish(p.init, ct.data(), (int32_t)ct.size() - 1), PC_E_MALFORMED);
    EXPECT_EQ(hash_of(p.init), hi_offered);
    ASSERT_EQ(pc_hs_kem_finish(p.init, ct.data(), (int32_t)ct.size()), PC_OK);
    EXPECT_EQ(pc_hs_kem_finish(p.init, ct.data(), (int32_t)ct.size()), PC_E_STATE) << "once";
    EXPECT_GE(read_msg(p.init, write_msg(p.resp)), 0);
    EXPECT_EQ(hash_of(p.init), hash_of(p.resp));
}

TEST(KemHandshake, OnlyXx)
{
    require_selftest();
    Bytes s = rand_bytes(32), rs = rand_bytes(32), pk(PC_KEM_PUBLIC_LEN);
    int32_t ik = pc_test_hs_new(PC_PATTERN_IK, PC_ROLE_INITIATOR, nullptr, 0, s.data(), nullptr,
                                rs.data(), nullptr);
    ASSERT_GE(ik, 0);
    Bytes m1 = write_msg(ik);
    EXPECT_EQ(pc_hs_kem_offer(ik, pk.data(), (int32_t)pk.size()), PC_E_STATE);
    pc_hs_free(ik);
}

// The decapsulation key slots (PC_MAX_KEM_KEYS: 4 on the host, 1 on the device)
// are bounded, and released with the handshake.
TEST(KemHandshake, KeySlotsAreBoundedAndFreedWithTheHandshake)
{
    require_selftest();
    Bytes pk(PC_KEM_PUBLIC_LEN);
    std::vector<int32_t> held;
    int32_t rc = PC_OK;
    while (rc >= 0 && held.size() < 8) {
        int32_t hs = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr,
                                    nullptr, nullptr, nullptr);
        ASSERT_GE(hs, 0);
        write_msg(hs);
        held.push_back(hs);
        rc = pc_hs_kem_offer(hs, pk.data(), (int32_t)pk.size());
    }
    EXPECT_EQ(rc, PC_E_NO_SLOT);
    EXPECT_EQ(held.size(), 5u) << "4 keys, the fifth offer refused";
    int32_t last = held.back();
    EXPECT_EQ(pc_hs_status(last), PC_HS_READ);
    EXPECT_EQ(pc_hs_free(held.front()), PC_OK);
    EXPECT_EQ(pc_hs_kem_offer(last, pk.data(), (int32_t)pk.size()), PC_KEM_PUBLIC_LEN);
    for (size_t i = 1; i < held.size(); i++)
        EXPECT_EQ(pc_hs_free(held[i]), PC_OK);
}
