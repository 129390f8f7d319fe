// SPDX-License-Identifier: MIT
// test_kem_contact_flag.cpp - PC_CONTACT_HYBRID is the session's fact: a pin from
// a hybrid XX (pc_hs_kem_*) sets it whether or not the caller asks, a classical
// session cannot claim it, and pc_contact_set_flags / pc_contact_remember_flags can
// neither add nor clear it.
#include <cstdlib>
#include <string>

#include "test_util.hpp"

namespace {

struct Store {
    std::string dir;
    int32_t handle;
    Store()
    {
        require_selftest();
        char tmpl[] = "/tmp/pc_kem_flag_XXXXXX";
        dir = mkdtemp(tmpl);
        handle = pc_store_open(reinterpret_cast<const uint8_t *>(dir.data()), (int32_t)dir.size());
        EXPECT_GE(handle, 0);
    }
    ~Store()
    {
        pc_store_close(handle);
        std::string cmd = "rm -rf '" + dir + "'";
        EXPECT_EQ(system(cmd.c_str()), 0);
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

// XX between two stores, hybrid or not; the two sessions.
void run_xx(Store &a, Store &b, bool hybrid, int32_t &sa, int32_t &sb)
{
    int32_t ha = pc_hs_new(a.handle, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0);
    int32_t hb = pc_hs_new(b.handle, PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    ASSERT_GE(ha, 0);
    ASSERT_GE(hb, 0);
    ASSERT_GE(read_msg(hb, write_msg(ha)), 0);
    if (hybrid) {
        Bytes pk(PC_KEM_PUBLIC_LEN), ct(PC_KEM_CIPHERTEXT_LEN);
        ASSERT_EQ(pc_hs_kem_offer(ha, pk.data(), (int32_t)pk.size()), PC_KEM_PUBLIC_LEN);
        ASSERT_EQ(pc_hs_kem_accept(hb, pk.data(), (int32_t)pk.size(), ct.data(), (int32_t)ct.size()),
                  PC_KEM_CIPHERTEXT_LEN);
        ASSERT_EQ(pc_hs_kem_finish(ha, ct.data(), (int32_t)ct.size()), PC_OK);
    }
    ASSERT_GE(read_msg(ha, write_msg(hb)), 0);
    ASSERT_GE(read_msg(hb, write_msg(ha)), 0);
    sa = pc_hs_split(ha);
    sb = pc_hs_split(hb);
    ASSERT_GE(sa, 0);
    ASSERT_GE(sb, 0);
}

int flags_of(Store &s, int32_t index)
{
    Bytes rec(PC_CONTACT_RECORD_LEN);
    EXPECT_EQ(pc_contact_read(s.handle, index, rec.data(), (int32_t)rec.size()), PC_CONTACT_RECORD_LEN);
    return rec[PC_CONTACT_FLAGS_OFFSET];
}

const uint8_t kName[] = { 'p' };

} // namespace

TEST(KemContactFlag, HybridSessionPinsTheFlagEvenUnasked)
{
    Store a, b;
    int32_t sa = -1, sb = -1;
    run_xx(a, b, true, sa, sb);
    int32_t ia = pc_contact_pin(a.handle, sa, kName, 1, PC_CONTACT_VERIFIED | PC_CONTACT_HYBRID);
    int32_t ib = pc_contact_pin(b.handle, sb, kName, 1, PC_CONTACT_VERIFIED);
    ASSERT_GE(ia, 0);
    ASSERT_GE(ib, 0);
    EXPECT_EQ(flags_of(a, ia), PC_CONTACT_USED | PC_CONTACT_VERIFIED | PC_CONTACT_HYBRID);
    EXPECT_EQ(flags_of(b, ib), PC_CONTACT_USED | PC_CONTACT_VERIFIED | PC_CONTACT_HYBRID);
    pc_session_free(sa);
    pc_session_free(sb);
}

TEST(KemContactFlag, ClassicalSessionCannotClaimIt)
{
    Store a, b;
    int32_t sa = -1, sb = -1;
    run_xx(a, b, false, sa, sb);
    EXPECT_EQ(pc_contact_pin(a.handle, sa, kName, 1, PC_CONTACT_VERIFIED | PC_CONTACT_HYBRID), PC_E_ARG);
    Bytes rec(PC_CONTACT_RECORD_LEN);
    EXPECT_EQ(pc_contact_read(a.handle, 0, rec.data(), (int32_t)rec.size()), PC_E_NOT_FOUND)
        << "a refused pin stored nothing";
    int32_t ia = pc_contact_pin(a.handle, sa, kName, 1, PC_CONTACT_VERIFIED);
    ASSERT_GE(ia, 0);
    EXPECT_EQ(flags_of(a, ia), PC_CONTACT_USED | PC_CONTACT_VERIFIED);
    pc_session_free(sa);
    pc_session_free(sb);
}

TEST(KemContactFlag, SetFlagsNeitherAddsNorClearsIt)
{
    Store a, b, c, d;
    int32_t sa = -1, sb = -1, sc = -1, sd = -1;
    run_xx(a, b, true, sa, sb);
    run_xx(c, d, false, sc, sd);
    int32_t ia = pc_contact_pin(a.handle, sa, kName, 1, PC_CONTACT_VERIFIED);
    int32_t ic = pc_contact_pin(c.handle, sc, kName, 1, PC_CONTACT_VERIFIED);
    ASSERT_GE(ia, 0);
    ASSERT_GE(ic, 0);
    EXPECT_EQ(pc_contact_set_flags(a.handle, ia, PC_CONTACT_VERIFIED), PC_OK);
    EXPECT_EQ(flags_of(a, ia) & PC_CONTACT_HYBRID, PC_CONTACT_HYBRID) << "cleared by set_flags";
    EXPECT_EQ(pc_contact_set_flags(c.handle, ic, PC_CONTACT_VERIFIED | PC_CONTACT_HYBRID), PC_OK);
    EXPECT_EQ(flags_of(c, ic) & PC_CONTACT_HYBRID, 0) << "added by set_flags";
    for (int32_t s : { sa, sb, sc, sd })
        pc_session_free(s);
}

TEST(KemContactFlag, RememberFlagsNeitherAddsNorClearsIt)
{
    Store a, b, c, d;
    int32_t sa = -1, sb = -1, sc = -1, sd = -1;
    run_xx(a, b, true, sa, sb);
    run_xx(c, d, false, sc, sd);
    int32_t ia = pc_contact_pin(a.handle, sa, kName, 1, PC_CONTACT_VERIFIED);
    int32_t ic = pc_contact_pin(c.handle, sc, kName, 1, PC_CONTACT_VERIFIED);
    ASSERT_GE(ia, 0);
    ASSERT_GE(ic, 0);
    // The per-record store's one-write resumption step replaces the flags: not this one.
    EXPECT_EQ(pc_contact_remember_flags(a.handle, ia, sa, PC_CONTACT_VERIFIED | PC_CONTACT_NEWEST_UNPROVEN), PC_OK);
    EXPECT_EQ(flags_of(a, ia), PC_CONTACT_USED | PC_CONTACT_VERIFIED | PC_CONTACT_NEWEST_UNPROVEN | PC_CONTACT_HYBRID)
        << "cleared by remember_flags";
    EXPECT_EQ(pc_contact_remember_flags(c.handle, ic, sc, PC_CONTACT_VERIFIED | PC_CONTACT_HYBRID), PC_OK);
    EXPECT_EQ(flags_of(c, ic) & PC_CONTACT_HYBRID, 0) << "added by remember_flags";
    for (int32_t s : { sa, sb, sc, sd })
        pc_session_free(s);
}
