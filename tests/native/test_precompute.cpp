// SPDX-License-Identifier: MIT
// test_precompute.cpp - precomputed key exchange for frequent contacts
// (issue 11): the same wire bytes with and without it, X25519 operations on
// each side's critical path (4 in all for a hot contact, 8 for a cold one),
// bound ephemerals used once and only with their contact, and the tables
// dropped on forget, re-pin, close and factory reset.
#include <cstring>
#include <tuple>

#include "store_fixture.hpp"

extern "C" {
#include "backend.h"
#include "keypool.h"
}

namespace {

// ---- fixed keys: the wire is what Noise_IKpsk2 specifies ------------------------

Bytes pub_of(const Bytes &secret)
{
    Bytes pub(32);
    pci_be_x25519_public(pub.data(), secret.data());
    return pub;
}

struct Transcript {
    Bytes msg1, msg2;
    pc_split_result init{}, resp{};
    uint32_t init_before = 0, resp_work = 0, init_after = 0; // X25519 operations
};

Bytes write_msg(int32_t hs, const Bytes &payload)
{
    Bytes out(PC_MAX_HS_MSG_LEN);
    int32_t n = pc_hs_write(hs, payload.data(), (int32_t)payload.size(), out.data(),
                            (int32_t)out.size(), 0);
    EXPECT_GT(n, 0);
    out.resize(n > 0 ? (size_t)n : 0);
    return out;
}

void read_msg(int32_t hs, const Bytes &msg, size_t payload_len)
{
    uint8_t payload[PC_MAX_HS_MSG_LEN];
    EXPECT_EQ(pc_hs_read(hs, msg.data(), (int32_t)msg.size(), 0, (int32_t)msg.size(), payload,
                         sizeof payload),
              (int32_t)payload_len);
}

// One IKpsk2 call between fixed identities; e_i / e_r fixed, or nullptr to
// take the ephemeral the handshake finds (a binding, else the pool).
Transcript fixed_call(const Bytes &s_i, const Bytes &s_r, const uint8_t *e_i, const uint8_t *e_r,
                      const Bytes &psk)
{
    Transcript t;
    const Bytes p1 = {'c', 'a', 'l', 'l'}, p2 = {'r', 'i', 'n', 'g', 's'};
    Bytes rs = pub_of(s_r);
    int32_t i = pc_test_hs_new(PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, nullptr, 0, s_i.data(), e_i,
                               rs.data(), psk.data());
    int32_t r = pc_test_hs_new(PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, nullptr, 0, s_r.data(), e_r,
                               nullptr, psk.data());
    EXPECT_GE(i, 0);
    EXPECT_GE(r, 0);
    uint32_t c1 = pc_test_x25519_count(); // the test hook derives both public keys
    t.msg1 = write_msg(i, p1);
    uint32_t c2 = pc_test_x25519_count();
    read_msg(r, t.msg1, p1.size());
    t.msg2 = write_msg(r, p2);
    uint32_t c3 = pc_test_x25519_count();
    read_msg(i, t.msg2, p2.size());
    uint32_t c4 = pc_test_x25519_count();
    t.init_before = c2 - c1;
    t.resp_work = c3 - c2;
    t.init_after = c4 - c3;
    EXPECT_EQ(pc_test_hs_split(i, &t.init), PC_OK);
    EXPECT_EQ(pc_test_hs_split(r, &t.resp), PC_OK);
    EXPECT_EQ(pc_test_hs_ephemeral_held(i), 0); // wiped after its last DH
    EXPECT_EQ(pc_test_hs_ephemeral_held(r), 0);
    pc_hs_free(i);
    pc_hs_free(r);
    return t;
}

class Precompute : public ::testing::Test {
protected:
    void SetUp() override
    {
        require_selftest();
        pc_test_precomp_wipe();
    }
    void TearDown() override { pc_test_precomp_wipe(); }
};

TEST_F(Precompute, WireBytesAreTheSameWithAndWithoutPrecomputation)
{
    Bytes s_i = random_bytes(32), s_r = random_bytes(32), e_i = random_bytes(32),
          e_r = random_bytes(32), psk = random_bytes(32);
    Transcript plain = fixed_call(s_i, s_r, e_i.data(), e_r.data(), psk);

    // The same ephemerals, now bound in advance with es / se and ss done.
    ASSERT_EQ(pc_test_precomp_install(s_i.data(), pub_of(s_r).data(), e_i.data()), PC_OK);
    ASSERT_EQ(pc_test_precomp_install(s_r.data(), pub_of(s_i).data(), e_r.data()), PC_OK);
    Transcript pre = fixed_call(s_i, s_r, nullptr, nullptr, psk);

    EXPECT_EQ(to_hex(pre.msg1), to_hex(plain.msg1));
    EXPECT_EQ(to_hex(pre.msg2), to_hex(plain.msg2));
    EXPECT_EQ(0, memcmp(pre.init.k_i2r, plain.init.k_i2r, 32));
    EXPECT_EQ(0, memcmp(pre.resp.k_r2i, plain.resp.k_r2i, 32));
    EXPECT_EQ(0, memcmp(pre.init.handshake_hash, plain.init.handshake_hash, PC_HASH_LEN));
    EXPECT_EQ(pre.init_before, 0u); // es precomputed, ss cached
    EXPECT_EQ(pre.resp_work, 2u);   // es + ee (se precomputed, ss cached)
    EXPECT_EQ(pre.init_after, 2u);  // ee + se
    EXPECT_EQ(plain.init_before, 3u); // fixed e: its public key, es, ss
    EXPECT_EQ(plain.resp_work, 5u);   // es, ss, e's public key, ee, se

    // Used once: both bindings are gone, the next handshake is a plain one.
    EXPECT_EQ(pc_test_precomp_bound(-1, pub_of(s_r).data(), nullptr), 0);
    EXPECT_EQ(pc_test_precomp_bound(-1, pub_of(s_i).data(), nullptr), 0);
    Transcript again = fixed_call(s_i, s_r, nullptr, nullptr, psk);
    EXPECT_NE(to_hex(again.msg1).substr(0, 64), to_hex(plain.msg1).substr(0, 64));
}

// ---- real stores: the product path ------------------------------------------------

struct Phone {
    TempDir dir;
    int32_t store = -1;
    Bytes pub;
    void open()
    {
        store = open_store(dir.path());
        ASSERT_GE(store, 0);
        pub = identity_of(store);
    }
};

void relay(int32_t from, int32_t to)
{
    Bytes m = write_msg(from, {});
    read_msg(to, m, 0);
}

// XX between a and b; each pins the other. Returns {a's index of b, b's index of a}.
std::pair<int32_t, int32_t> pair_and_pin(const Phone &a, const Phone &b)
{
    int32_t i = pc_hs_new(a.store, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0);
    int32_t r = pc_hs_new(b.store, PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    relay(i, r);
    relay(r, i);
    relay(i, r);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    int32_t ab = pc_contact_pin(a.store, si, reinterpret_cast<const uint8_t *>("b"), 1, 0);
    int32_t ba = pc_contact_pin(b.store, sr, reinterpret_cast<const uint8_t *>("a"), 1, 0);
    pc_session_free(si);
    pc_session_free(sr);
    EXPECT_GE(ab, 0);
    EXPECT_GE(ba, 0);
    return {ab, ba};
}

struct Call {
    Bytes e_caller, e_callee; // the ephemerals on the wire (message 1, message 2)
    uint32_t caller_before = 0, callee = 0, caller_after = 0;
};

// An IKpsk2 call from a (its contact index ab) to b (index ba), generation 1.
// The pool is filled first (pci_keypool_refill: keys only, no binding), so the
// counts are the DHs alone.
Call ikpsk2_call(const Phone &a, int32_t ab, const Phone &b, int32_t ba)
{
    Call c;
    pci_keypool_refill();
    uint32_t c0 = pc_test_x25519_count();
    int32_t i = pc_hs_new(a.store, PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, nullptr, 0,
                          b.pub.data(), 32);
    EXPECT_EQ(pc_hs_use_resumption(i, a.store, ab, 1), PC_OK);
    Bytes m1 = write_msg(i, {1, 2, 3});
    uint32_t c1 = pc_test_x25519_count();
    int32_t r = pc_hs_new(b.store, PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    read_msg(r, m1, 3);
    EXPECT_EQ(pc_hs_use_resumption(r, b.store, ba, 1), PC_OK);
    Bytes m2 = write_msg(r, {4});
    uint32_t c2 = pc_test_x25519_count();
    read_msg(i, m2, 1);
    uint32_t c3 = pc_test_x25519_count();
    c.caller_before = c1 - c0;
    c.callee = c2 - c1;
    c.caller_after = c3 - c2;
    c.e_caller.assign(m1.begin(), m1.begin() + 32);
    c.e_callee.assign(m2.begin(), m2.begin() + 32);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    EXPECT_GE(si, 0);
    EXPECT_GE(sr, 0);
    Packet p = seal_packet(si);
    EXPECT_TRUE(opens(sr, p)); // both sides hold the same keys
    pc_session_free(si);
    pc_session_free(sr);
    return c;
}

Bytes bound_e(const Phone &p, const Bytes &contact)
{
    Bytes e(32);
    return pc_test_precomp_bound(p.store, contact.data(), e.data()) == 1 ? e : Bytes();
}

class PrecomputeStores : public Precompute {
protected:
    void SetUp() override
    {
        Precompute::SetUp();
        a.open();
        b.open();
        std::tie(ab, ba) = pair_and_pin(a, b);
    }
    void TearDown() override
    {
        pc_store_close(a.store);
        pc_store_close(b.store);
        Precompute::TearDown();
    }
    // A first call makes each the other's hot contact; idle time then binds.
    void warm_up()
    {
        ikpsk2_call(a, ab, b, ba);
        ASSERT_GE(pc_pool_refill(), 1);
    }
    Phone a, b;
    int32_t ab = -1, ba = -1;
};

TEST_F(PrecomputeStores, ColdCallCostsTodaysEightAndWarmCallFour)
{
    Call cold = ikpsk2_call(a, ab, b, ba);
    EXPECT_EQ(cold.caller_before, 2u); // es, ss
    EXPECT_EQ(cold.callee, 4u);        // es, ss, ee, se
    EXPECT_EQ(cold.caller_after, 2u);  // ee, se

    ASSERT_GE(pc_pool_refill(), 1); // idle time: bind for the contact just called
    Bytes bound_a = bound_e(a, b.pub), bound_b = bound_e(b, a.pub);
    ASSERT_EQ(bound_a.size(), 32u);
    ASSERT_EQ(bound_b.size(), 32u);
    EXPECT_EQ(pc_test_precomp_ss_cached(a.store, b.pub.data()), 1);

    Call warm = ikpsk2_call(a, ab, b, ba);
    EXPECT_EQ(warm.caller_before, 0u);
    EXPECT_EQ(warm.callee, 2u);
    EXPECT_EQ(warm.caller_after, 2u);
    EXPECT_EQ(to_hex(warm.e_caller), to_hex(bound_a)); // the bound keys went on the wire
    EXPECT_EQ(to_hex(warm.e_callee), to_hex(bound_b));
    EXPECT_TRUE(bound_e(a, b.pub).empty()); // and were taken: used once
    EXPECT_TRUE(bound_e(b, a.pub).empty());
}

TEST_F(PrecomputeStores, WithoutIdleTimeTheNextCallTakesAFreshKey)
{
    warm_up();
    Call first = ikpsk2_call(a, ab, b, ba);
    Call second = ikpsk2_call(a, ab, b, ba); // no refill in between
    EXPECT_NE(to_hex(second.e_caller), to_hex(first.e_caller));
    EXPECT_NE(to_hex(second.e_callee), to_hex(first.e_callee));
    EXPECT_EQ(second.caller_before, 1u); // es; ss still cached
    EXPECT_EQ(second.callee, 3u);        // es, ee, se
    EXPECT_EQ(second.caller_after, 2u);
}

TEST_F(PrecomputeStores, ABoundKeyIsNeverUsedForAnotherContact)
{
    warm_up();
    Bytes for_b = bound_e(a, b.pub);
    ASSERT_EQ(for_b.size(), 32u);
    Phone c;
    c.open();
    auto [ac, ca] = pair_and_pin(a, c);
    Call to_c = ikpsk2_call(a, ac, c, ca);
    EXPECT_NE(to_hex(to_c.e_caller), to_hex(for_b));
    EXPECT_EQ(to_hex(bound_e(a, b.pub)), to_hex(for_b)); // still there for b
    EXPECT_EQ(to_c.caller_before, 2u); // a cold contact: today's cost, no more
    EXPECT_EQ(to_c.callee, 4u);
    EXPECT_EQ(to_c.caller_after, 2u);
    pc_store_close(c.store);
}

TEST_F(PrecomputeStores, IdleTimePreparesOneContactPerStorePerRefill)
{
    Phone c;
    c.open();
    auto [ac, ca] = pair_and_pin(a, c);
    ikpsk2_call(a, ab, b, ba);
    ikpsk2_call(a, ac, c, ca); // hot: a has b and c, b has a, c has a; none bound yet
    pci_keypool_refill();
    uint32_t before = pc_test_x25519_count();
    ASSERT_GE(pc_pool_refill(), 1);
    EXPECT_LE(pc_test_x25519_count() - before, 3u * (2 + 1)); // per phone: ss + binding + one pool key
    EXPECT_EQ(bound_e(a, b.pub).size() + bound_e(a, c.pub).size(), 32u); // one of a's two
    EXPECT_FALSE(bound_e(b, a.pub).empty()); // each other phone its one
    EXPECT_FALSE(bound_e(c, a.pub).empty());
    ASSERT_GE(pc_pool_refill(), 1);
    EXPECT_FALSE(bound_e(a, b.pub).empty()); // the next idle step a's other one
    EXPECT_FALSE(bound_e(a, c.pub).empty());
    pc_store_close(c.store);
}

TEST_F(PrecomputeStores, HotSetKeepsTheFrequentAndAdmitsTheNewest)
{
    // Four hot slots for the whole process: every call notes both sides.
    pc_test_precomp_limit(4);
    Phone c, d;
    c.open();
    d.open();
    auto [ac, ca] = pair_and_pin(a, c);
    auto [ad, da] = pair_and_pin(a, d);
    for (int k = 0; k < 3; k++)
        ikpsk2_call(a, ab, b, ba); // a-b: 3 calls each side
    ikpsk2_call(a, ac, c, ca);     // a-c: 1 call; the table is full
    ikpsk2_call(a, ad, d, da);     // a-d: newest, replaces the fewest calls (c's, older)
    for (int k = 0; k < 2; k++)
        ASSERT_GE(pc_pool_refill(), 1); // a has two hot contacts: two idle steps
    EXPECT_FALSE(bound_e(a, b.pub).empty()); // the frequent one stays
    EXPECT_FALSE(bound_e(a, d.pub).empty()); // the most recent one entered
    EXPECT_TRUE(bound_e(a, c.pub).empty());  // the rarely called one left
    EXPECT_TRUE(bound_e(c, a.pub).empty());
    EXPECT_EQ(pc_test_precomp_ss_cached(a.store, c.pub.data()), 1); // its ss kept (LRU)
    Call to_c = ikpsk2_call(a, ac, c, ca);
    EXPECT_EQ(to_c.caller_before, 1u); // es only: ss from the LRU table
    pc_store_close(c.store);
    pc_store_close(d.store);
}

TEST_F(PrecomputeStores, ForgetDropsBindingAndSs)
{
    warm_up();
    ASSERT_FALSE(bound_e(a, b.pub).empty());
    ASSERT_EQ(pc_contact_forget(a.store, ab), PC_OK);
    EXPECT_TRUE(bound_e(a, b.pub).empty());
    EXPECT_EQ(pc_test_precomp_ss_cached(a.store, b.pub.data()), 0);
    ASSERT_GE(pc_pool_refill(), 1); // a forgotten contact is not bound again
    EXPECT_TRUE(bound_e(a, b.pub).empty());
    EXPECT_FALSE(bound_e(b, a.pub).empty()); // the other phone is not affected
}

TEST_F(PrecomputeStores, RepinDropsBindingAndSs)
{
    warm_up();
    ASSERT_FALSE(bound_e(a, b.pub).empty());
    pair_and_pin(a, b); // pairing again: the same keys pinned anew
    EXPECT_TRUE(bound_e(a, b.pub).empty());
    EXPECT_EQ(pc_test_precomp_ss_cached(a.store, b.pub.data()), 0);
}

TEST_F(PrecomputeStores, CloseAndFactoryResetDropEverythingOfTheStore)
{
    warm_up();
    int32_t old_a = a.store;
    ASSERT_EQ(pc_store_close(a.store), PC_OK);
    EXPECT_EQ(pc_test_precomp_bound(old_a, b.pub.data(), nullptr), 0);
    EXPECT_EQ(pc_test_precomp_ss_cached(old_a, b.pub.data()), 0);
    a.open();

    int32_t old_b = b.store;
    ASSERT_FALSE(bound_e(b, a.pub).empty());
    b.store = reset_store(b.store, b.dir.path());
    ASSERT_GE(b.store, 0);
    EXPECT_EQ(pc_test_precomp_bound(old_b, a.pub.data(), nullptr), 0);
    EXPECT_EQ(pc_test_precomp_ss_cached(old_b, a.pub.data()), 0);
}

TEST_F(PrecomputeStores, LimitZeroIsTodaysPathForEveryContact)
{
    warm_up();
    pc_test_precomp_limit(0);
    EXPECT_TRUE(bound_e(a, b.pub).empty()); // wiped, not just unused
    EXPECT_EQ(pc_test_precomp_ss_cached(a.store, b.pub.data()), 0);
    ASSERT_GE(pc_pool_refill(), 1);
    Call off = ikpsk2_call(a, ab, b, ba);
    EXPECT_EQ(off.caller_before, 2u);
    EXPECT_EQ(off.callee, 4u);
    EXPECT_EQ(off.caller_after, 2u);
}

TEST_F(PrecomputeStores, StrangersNeverEnterTheTables)
{
    // An IK call from a phone b has not pinned: b computes ss but keeps nothing.
    Phone c;
    c.open();
    pci_keypool_refill();
    int32_t i = pc_hs_new(c.store, PC_PATTERN_IK, PC_ROLE_INITIATOR, nullptr, 0, b.pub.data(), 32);
    int32_t r = pc_hs_new(b.store, PC_PATTERN_IK, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    relay(i, r);
    relay(r, i);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    ASSERT_GE(si, 0);
    ASSERT_GE(sr, 0);
    EXPECT_EQ(pc_test_precomp_ss_cached(b.store, c.pub.data()), 0);
    ASSERT_GE(pc_pool_refill(), 1);
    EXPECT_TRUE(bound_e(b, c.pub).empty());
    pc_session_free(si);
    pc_session_free(sr);
    pc_store_close(c.store);
}

} // namespace
