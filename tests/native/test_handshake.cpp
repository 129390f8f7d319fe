// SPDX-License-Identifier: MIT
// test_handshake.cpp - the handshake state machine under misuse and hostile
// input: wrong call order, truncated / oversized / forged messages, low-order
// points, stale handles, a full table, argument checks, and when the
// ephemeral secret is wiped. Every rejected message must leave the handshake
// unchanged, so the genuine message still works afterwards.
#include <cstdlib>
#include <iostream>
#include <vector>

#include "test_util.hpp"

extern "C" {
#include "backend.h"
#include "pc_limits.h"
#include "pc_platform.h"
#include "test_hooks.h"
}

namespace {

struct Keys {
    Bytes priv = Bytes(32), pub = Bytes(32);
    Keys()
    {
        EXPECT_EQ(pc_random(priv.data(), 32), 32);
        pci_be_x25519_public(pub.data(), priv.data());
    }
};

// A handshake pair with random static keys (the responder's known to an
// IK initiator) and, for IKpsk2, one PSK on both sides.
struct Pair {
    int pattern;
    Keys si, sr;
    Bytes psk = Bytes(32, 0x5a);
    int32_t init = -1, resp = -1;

    explicit Pair(int p, const Bytes &rs_override = {}) : pattern(p)
    {
        bool ik = p != PC_PATTERN_XX;
        const Bytes &rs = rs_override.empty() ? sr.pub : rs_override;
        const uint8_t *k = p == PC_PATTERN_IKPSK2 ? psk.data() : nullptr;
        init = pc_test_hs_new(p, PC_ROLE_INITIATOR, nullptr, 0, si.priv.data(), nullptr,
                              ik ? rs.data() : nullptr, k);
        resp = pc_test_hs_new(p, PC_ROLE_RESPONDER, nullptr, 0, sr.priv.data(), nullptr,
                              nullptr, k);
    }
    ~Pair()
    {
        pc_hs_free(init);
        pc_hs_free(resp);
    }
};

Bytes write_msg(int32_t hs, const std::string &payload = "hello")
{
    Bytes out(PC_MAX_HS_MSG_LEN);
    int32_t n = pc_hs_write(hs, reinterpret_cast<const uint8_t *>(payload.data()),
                            (int32_t)payload.size(), out.data(), (int32_t)out.size(), 0);
    EXPECT_GT(n, 0) << "write: " << n;
    out.resize(n > 0 ? (size_t)n : 0);
    return out;
}

int32_t read_msg(int32_t hs, const Bytes &msg)
{
    Bytes payload(PC_MAX_HS_MSG_LEN + 64);
    return pc_hs_read(hs, msg.data(), (int32_t)msg.size(), 0, (int32_t)msg.size(),
                      payload.data(), (int32_t)payload.size());
}

// Public view of a handshake: status + hash. Equal snapshots = unchanged.
std::string snapshot(int32_t hs)
{
    Bytes h(64);
    int32_t n = pc_hs_hash(hs, h.data(), 64);
    return std::to_string(pc_hs_status(hs)) + ":" + std::string(pc_test_hs_state_name(hs))
           + ":" + (n == 64 ? to_hex(h) : std::to_string(n));
}

// Runs the rest of a handshake (both sides alternate) to the end.
void finish(Pair &p)
{
    for (int i = 0; i < 3 && pc_hs_status(p.init) != PC_HS_DONE; i++) {
        bool init_writes = pc_hs_status(p.init) == PC_HS_WRITE;
        int32_t tx = init_writes ? p.init : p.resp, rx = init_writes ? p.resp : p.init;
        ASSERT_EQ(read_msg(rx, write_msg(tx)), 5);
    }
    ASSERT_EQ(pc_hs_status(p.init), PC_HS_DONE);
    ASSERT_EQ(pc_hs_status(p.resp), PC_HS_DONE);
}

// Low-order points on curve25519 (all give an all-zero X25519 result).
const char *kLowOrder[] = {
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000000",
    "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
    "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
};

} // namespace

class Handshake : public ::testing::Test {
protected:
    static void SetUpTestSuite() { require_selftest(); }
};

// ---- complete handshakes ----------------------------------------------------

TEST_F(Handshake, EveryPatternCompletesAndSplitsAgree)
{
    for (int pattern : {PC_PATTERN_XX, PC_PATTERN_IK, PC_PATTERN_IKPSK2}) {
        SCOPED_TRACE(pattern);
        Pair p(pattern);
        finish(p);
        pc_split_result a, b;
        ASSERT_EQ(pc_test_hs_split(p.init, &a), PC_OK);
        ASSERT_EQ(pc_test_hs_split(p.resp, &b), PC_OK);
        EXPECT_EQ(to_hex(a.k_i2r, 32), to_hex(b.k_i2r, 32));
        EXPECT_EQ(to_hex(a.k_r2i, 32), to_hex(b.k_r2i, 32));
        EXPECT_NE(to_hex(a.k_i2r, 32), to_hex(a.k_r2i, 32));
        EXPECT_EQ(to_hex(a.handshake_hash, 64), to_hex(b.handshake_hash, 64));
        EXPECT_EQ(pci_be_equal(a.root, b.root, 32), 1);
        EXPECT_EQ(pci_be_equal(a.resumption, b.resumption, 32), 1);
        EXPECT_EQ(pci_be_equal(a.root, a.resumption, 32), 0);
        EXPECT_EQ(to_hex(a.remote_static, 32), to_hex(p.sr.pub));
        EXPECT_EQ(to_hex(b.remote_static, 32), to_hex(p.si.pub));
        EXPECT_EQ(a.psk_generation, pattern == PC_PATTERN_IKPSK2 ? 1u : 0u);
        pci_be_wipe(&a, sizeof a);
        pci_be_wipe(&b, sizeof b);
    }
}

// Message lengths from the Noise spec (rev 34) for 25519 + ChaChaPoly, with an
// empty payload: e is DHLEN = 32 bytes; s is 32 bytes plus a 16-byte tag once a
// key is set (§5.2 EncryptAndHash), and so is the payload. A key is set by the
// first ee/es/se/ss (MixKey), by psk, and under the psk modifier by e (§9.2):
//   XX      -> e                32
//           <- e, ee, s, es     32 + 48 + 16 = 96
//           -> s, se            48 + 16      = 64
//   IK      -> e, es, s, ss     32 + 48 + 16 = 96
//           <- e, ee, se        32 + 16      = 48
//   IKpsk2  the same as IK (the psk token adds no bytes)
// handshake.c's table states these lengths; writing and reading every message
// of every pattern checks the table against them.
TEST_F(Handshake, EveryMessageHasTheSpecLength)
{
    const struct {
        int pattern;
        std::vector<size_t> empty_len;
    } kSpec[] = {{PC_PATTERN_XX, {32, 96, 64}},
                 {PC_PATTERN_IK, {96, 48}},
                 {PC_PATTERN_IKPSK2, {96, 48}}};
    for (const auto &spec : kSpec) {
        for (const std::string payload : {"", "seven b"}) {
            SCOPED_TRACE(std::to_string(spec.pattern) + " payload " + std::to_string(payload.size()));
            Pair p(spec.pattern);
            for (size_t m = 0; m < spec.empty_len.size(); m++) {
                int32_t tx = m % 2 == 0 ? p.init : p.resp, rx = m % 2 == 0 ? p.resp : p.init;
                Bytes msg = write_msg(tx, payload);
                ASSERT_EQ(msg.size(), spec.empty_len[m] + payload.size()) << "message " << m;
                if (payload.empty()) {
                    Bytes short_msg(msg.begin(), msg.end() - 1);
                    EXPECT_EQ(read_msg(rx, short_msg), PC_E_MALFORMED) << "message " << m;
                }
                ASSERT_EQ(read_msg(rx, msg), (int32_t)payload.size()) << "message " << m;
            }
            EXPECT_EQ(pc_hs_status(p.init), PC_HS_DONE);
            EXPECT_EQ(pc_hs_status(p.resp), PC_HS_DONE);
        }
    }
}

TEST_F(Handshake, SplitMakesSessionsAndFreesTheHandshake)
{
    Pair p(PC_PATTERN_IK);
    finish(p);
    int32_t si = pc_hs_split(p.init), sr = pc_hs_split(p.resp);
    ASSERT_GE(si, 0);
    ASSERT_GE(sr, 0);
    EXPECT_EQ(pc_hs_status(p.init), PC_E_HANDLE);
    EXPECT_EQ(pc_hs_split(p.init), PC_E_HANDLE);
    uint8_t pkt[64] = {0};
    memcpy(pkt + PC_PKT_MIN_HDR_LEN, "media", 5);
    int32_t len = pc_session_seal(si, pkt, sizeof pkt, 0, PC_PKT_MIN_HDR_LEN, 5);
    ASSERT_EQ(len, PC_PKT_MIN_HDR_LEN + 5 + PC_TAG_LEN);
    EXPECT_EQ(pc_session_open(sr, pkt, sizeof pkt, 0, PC_PKT_MIN_HDR_LEN, len), 5);
    EXPECT_EQ(memcmp(pkt + PC_PKT_MIN_HDR_LEN, "media", 5), 0);
    pc_session_free(si);
    pc_session_free(sr);
}

TEST_F(Handshake, PrologueMismatchFailsAuthentication)
{
    Keys si, sr;
    const uint8_t a[] = "v1", b[] = "v2";
    int32_t init = pc_test_hs_new(PC_PATTERN_IK, PC_ROLE_INITIATOR, a, 2, si.priv.data(),
                                  nullptr, sr.pub.data(), nullptr);
    int32_t resp = pc_test_hs_new(PC_PATTERN_IK, PC_ROLE_RESPONDER, b, 2, sr.priv.data(),
                                  nullptr, nullptr, nullptr);
    EXPECT_EQ(read_msg(resp, write_msg(init)), PC_E_AUTH);
    pc_hs_free(init);
    pc_hs_free(resp);
}

// ---- wrong order of calls ------------------------------------------------------

TEST_F(Handshake, WrongOrderIsStateErrorAndChangesNothing)
{
    Pair p(PC_PATTERN_XX);
    std::string before_i = snapshot(p.init), before_r = snapshot(p.resp);
    Bytes junk(64, 1), out(PC_MAX_HS_MSG_LEN);
    EXPECT_EQ(pc_hs_write(p.resp, nullptr, 0, out.data(), (int32_t)out.size(), 0), PC_E_STATE);
    EXPECT_EQ(read_msg(p.init, junk), PC_E_STATE);
    EXPECT_EQ(pc_hs_split(p.init), PC_E_STATE);
    EXPECT_EQ(snapshot(p.init), before_i);
    EXPECT_EQ(snapshot(p.resp), before_r);
    Bytes m1 = write_msg(p.init);
    EXPECT_EQ(pc_hs_write(p.init, nullptr, 0, out.data(), (int32_t)out.size(), 0), PC_E_STATE);
    ASSERT_EQ(read_msg(p.resp, m1), 5);
    EXPECT_EQ(read_msg(p.resp, m1), PC_E_STATE); // a replayed message 1
    finish(p);
    EXPECT_EQ(pc_hs_write(p.init, nullptr, 0, out.data(), (int32_t)out.size(), 0), PC_E_STATE);
    EXPECT_EQ(read_msg(p.resp, junk), PC_E_STATE);
}

TEST_F(Handshake, Ikpsk2WithoutPskRefusesToWrite)
{
    Keys si, sr;
    int32_t init = pc_test_hs_new(PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, nullptr, 0,
                                  si.priv.data(), nullptr, sr.pub.data(), nullptr);
    ASSERT_GE(init, 0);
    EXPECT_STREQ(pc_test_hs_state_name(init), "need-psk");
    EXPECT_EQ(pc_hs_status(init), PC_HS_WRITE);
    Bytes out(PC_MAX_HS_MSG_LEN);
    EXPECT_EQ(pc_hs_write(init, nullptr, 0, out.data(), (int32_t)out.size(), 0), PC_E_STATE);
    // Resumption PSKs come from a store: this handshake has none.
    EXPECT_EQ(pc_hs_use_resumption(init, 0, 0, 1), PC_E_ARG);
    EXPECT_EQ(pc_hs_use_resumption(init, -1, 0, 0), PC_E_ARG);
    pc_hs_free(init);
}

TEST_F(Handshake, UseResumptionRefusedOutsideIkpsk2)
{
    Pair p(PC_PATTERN_IK);
    EXPECT_EQ(pc_hs_use_resumption(p.init, -1, 0, 1), PC_E_STATE);
}

// ---- hostile messages ------------------------------------------------------------

// Every truncation of every message is refused (MALFORMED below the fixed
// part, AUTH once a tag is cut) and the genuine message still works.
TEST_F(Handshake, TruncatedMessagesRejectedThenGenuineWorks)
{
    for (int pattern : {PC_PATTERN_XX, PC_PATTERN_IK, PC_PATTERN_IKPSK2}) {
        SCOPED_TRACE(pattern);
        Pair p(pattern);
        for (int i = 0; pc_hs_status(p.init) != PC_HS_DONE; i++) {
            bool init_writes = pc_hs_status(p.init) == PC_HS_WRITE;
            int32_t tx = init_writes ? p.init : p.resp, rx = init_writes ? p.resp : p.init;
            Bytes msg = write_msg(tx);
            std::string before = snapshot(rx);
            // XX message 1 is e and a plaintext payload: any cut >= 32 is
            // itself a valid message, so only the ephemeral can be cut short.
            size_t cuts = pattern == PC_PATTERN_XX && i == 0 ? 32 : msg.size();
            for (size_t cut = 0; cut < cuts; cut++) {
                int32_t rc = read_msg(rx, Bytes(msg.begin(), msg.begin() + cut));
                EXPECT_TRUE(rc == PC_E_MALFORMED || rc == PC_E_AUTH) << "cut " << cut << ": " << rc;
                if (cut < 32) {
                    EXPECT_EQ(rc, PC_E_MALFORMED) << "cut " << cut;
                }
            }
            EXPECT_EQ(snapshot(rx), before);
            ASSERT_EQ(read_msg(rx, msg), 5) << "message " << i;
        }
    }
}

TEST_F(Handshake, OversizedMessageIsMalformed)
{
    Pair p(PC_PATTERN_XX);
    Bytes msg = write_msg(p.init);
    Bytes big(PC_MAX_HS_MSG_LEN + 1, 0);
    std::copy(msg.begin(), msg.end(), big.begin());
    std::string before = snapshot(p.resp);
    EXPECT_EQ(read_msg(p.resp, big), PC_E_MALFORMED);
    EXPECT_EQ(snapshot(p.resp), before);
    EXPECT_EQ(read_msg(p.resp, msg), 5);
}

// Any flipped bit fails the tag (AUTH), or in an ephemeral may give a
// low-order point (BAD_KEY). XX message 1 is the exception: e and a plaintext
// payload, nothing authenticated yet (Noise gives it no integrity).
TEST_F(Handshake, FlippedBitsRejectedThenGenuineWorks)
{
    for (int pattern : {PC_PATTERN_XX, PC_PATTERN_IK, PC_PATTERN_IKPSK2}) {
        SCOPED_TRACE(pattern);
        Pair p(pattern);
        for (int i = 0; pc_hs_status(p.init) != PC_HS_DONE; i++) {
            bool init_writes = pc_hs_status(p.init) == PC_HS_WRITE;
            int32_t tx = init_writes ? p.init : p.resp, rx = init_writes ? p.resp : p.init;
            Bytes msg = write_msg(tx);
            std::string before = snapshot(rx);
            bool unauthenticated = pattern == PC_PATTERN_XX && i == 0;
            for (size_t byte = 0; byte < msg.size() && !unauthenticated; byte += 3) {
                Bytes bad = msg;
                bad[byte] ^= 0x04;
                int32_t rc = read_msg(rx, bad);
                EXPECT_TRUE(rc == PC_E_AUTH || rc == PC_E_BAD_KEY) << "byte " << byte << ": " << rc;
            }
            EXPECT_EQ(snapshot(rx), before);
            ASSERT_EQ(read_msg(rx, msg), 5);
        }
    }
}

TEST_F(Handshake, LowOrderEphemeralRejected)
{
    for (const char *point : kLowOrder) {
        SCOPED_TRACE(point);
        // IK: the responder's es with a low-order e fails on read.
        Pair ik(PC_PATTERN_IK);
        Bytes m1 = write_msg(ik.init), bad = m1, lo = hex(point);
        std::copy(lo.begin(), lo.end(), bad.begin());
        std::string before = snapshot(ik.resp);
        EXPECT_EQ(read_msg(ik.resp, bad), PC_E_BAD_KEY);
        EXPECT_EQ(snapshot(ik.resp), before);
        EXPECT_EQ(read_msg(ik.resp, m1), 5);

        // XX: message 1 is unauthenticated, so the low-order e is refused at
        // the responder's ee (its write), which changes nothing.
        Pair xx(PC_PATTERN_XX);
        Bytes x1 = write_msg(xx.init);
        std::copy(lo.begin(), lo.end(), x1.begin());
        ASSERT_EQ(read_msg(xx.resp, x1), 5);
        before = snapshot(xx.resp);
        Bytes out(PC_MAX_HS_MSG_LEN);
        EXPECT_EQ(pc_hs_write(xx.resp, nullptr, 0, out.data(), (int32_t)out.size(), 0),
                  PC_E_BAD_KEY);
        EXPECT_EQ(snapshot(xx.resp), before);
    }
}

TEST_F(Handshake, LowOrderStaticRejected)
{
    for (const char *point : kLowOrder) {
        Pair p(PC_PATTERN_IK, hex(point));
        ASSERT_GE(p.init, 0);
        std::string before = snapshot(p.init);
        Bytes out(PC_MAX_HS_MSG_LEN);
        EXPECT_EQ(pc_hs_write(p.init, nullptr, 0, out.data(), (int32_t)out.size(), 0),
                  PC_E_BAD_KEY)
            << point;
        EXPECT_EQ(snapshot(p.init), before);
    }
}

// ---- handles and table -----------------------------------------------------------

TEST_F(Handshake, StaleAndForgedHandlesRefused)
{
    Keys s;
    int32_t hs = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, s.priv.data(),
                                nullptr, nullptr, nullptr);
    ASSERT_GE(hs, 0);
    ASSERT_EQ(pc_hs_free(hs), PC_OK);
    Bytes h(64), out(PC_MAX_HS_MSG_LEN);
    EXPECT_EQ(pc_hs_free(hs), PC_E_HANDLE);
    EXPECT_EQ(pc_hs_status(hs), PC_E_HANDLE);
    EXPECT_EQ(pc_hs_hash(hs, h.data(), 64), PC_E_HANDLE);
    EXPECT_EQ(pc_hs_write(hs, nullptr, 0, out.data(), (int32_t)out.size(), 0), PC_E_HANDLE);
    EXPECT_EQ(pc_hs_split(hs), PC_E_HANDLE);
    // The slot is reused with a new generation; the old handle stays dead.
    int32_t again = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, s.priv.data(),
                                   nullptr, nullptr, nullptr);
    ASSERT_GE(again, 0);
    EXPECT_NE(again, hs);
    EXPECT_EQ(pc_hs_status(hs), PC_E_HANDLE);
    for (int32_t forged : {-1, -1000, 0x7fffffff, again + 1, again ^ 0x100})
        EXPECT_EQ(pc_hs_status(forged), PC_E_HANDLE) << forged;
    pc_hs_free(again);
}

// The table size is the library's (host: raised by native/CMakeLists.txt),
// so fill until refused rather than assume it.
TEST_F(Handshake, FullTableThenFreeSlot)
{
    pci_wipe_all();
    ASSERT_EQ(pc_selftest(), PC_OK);
    Keys s;
    auto make = [&] {
        return pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, s.priv.data(),
                              nullptr, nullptr, nullptr);
    };
    std::vector<int32_t> handles;
    int32_t rc = 0;
    while (handles.size() < 256 && (rc = make()) >= 0)
        handles.push_back(rc);
    EXPECT_EQ(rc, PC_E_NO_SLOT);
    EXPECT_GE(handles.size(), (size_t)PC_MAX_HANDSHAKES); // at least the device default
    std::cout << "handshake table: " << handles.size() << " slots\n";
    ASSERT_EQ(pc_hs_free(handles[3]), PC_OK);
    int32_t again = make();
    EXPECT_GE(again, 0);
    EXPECT_EQ(make(), PC_E_NO_SLOT);
    pci_wipe_all();
    EXPECT_EQ(pc_hs_status(again), PC_E_HANDLE);
    EXPECT_EQ(pc_hs_status(handles[0]), PC_E_HANDLE);
}

// ---- arguments -------------------------------------------------------------------

TEST_F(Handshake, NewChecksArguments)
{
    Bytes rs(32, 9);
    EXPECT_EQ(pc_hs_new(-1, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0),
              PC_E_HANDLE);
    EXPECT_EQ(pc_hs_new(12345, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0),
              PC_E_HANDLE);
    EXPECT_EQ(pc_hs_new(0, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 5, nullptr, 0), PC_E_ARG);
    EXPECT_EQ(pc_hs_new(0, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, rs.data(), 31),
              PC_E_ARG);
    Keys s;
    EXPECT_EQ(pc_test_hs_new(0, PC_ROLE_INITIATOR, nullptr, 0, s.priv.data(), nullptr, nullptr,
                             nullptr),
              PC_E_ARG);
    EXPECT_EQ(pc_test_hs_new(PC_PATTERN_XX, 3, nullptr, 0, s.priv.data(), nullptr, nullptr,
                             nullptr),
              PC_E_ARG);
    EXPECT_EQ(pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, s.priv.data(),
                             nullptr, rs.data(), nullptr),
              PC_E_ARG); // XX knows no remote static up front
    EXPECT_EQ(pc_test_hs_new(PC_PATTERN_IK, PC_ROLE_INITIATOR, nullptr, 0, s.priv.data(),
                             nullptr, nullptr, nullptr),
              PC_E_ARG); // IK initiator must know it
    EXPECT_EQ(pc_test_hs_new(PC_PATTERN_IK, PC_ROLE_INITIATOR, nullptr, 0, s.priv.data(),
                             nullptr, rs.data(), rs.data()),
              PC_E_STATE); // a PSK for a pattern without one
}

TEST_F(Handshake, WriteAndReadCheckBuffersAndChangeNothing)
{
    Pair p(PC_PATTERN_IK);
    std::string before = snapshot(p.init);
    Bytes out(PC_MAX_HS_MSG_LEN + 100), payload(PC_MAX_HS_MSG_LEN);
    int32_t cap = (int32_t)out.size();
    EXPECT_EQ(pc_hs_write(p.init, payload.data(), -1, out.data(), cap, 0), PC_E_ARG);
    EXPECT_EQ(pc_hs_write(p.init, nullptr, 4, out.data(), cap, 0), PC_E_ARG);
    EXPECT_EQ(pc_hs_write(p.init, nullptr, 0, out.data(), cap, cap + 1), PC_E_ARG);
    EXPECT_EQ(pc_hs_write(p.init, nullptr, 0, out.data(), cap, -1), PC_E_ARG);
    EXPECT_EQ(pc_hs_write(p.init, nullptr, 0, out.data(), 50, 0), PC_E_SPACE);
    EXPECT_EQ(pc_hs_write(p.init, nullptr, 0, out.data(), cap, cap - 50), PC_E_SPACE);
    EXPECT_EQ(pc_hs_write(p.init, payload.data(), (int32_t)payload.size(), out.data(), cap, 0),
              PC_E_ARG); // the payload cannot fit one message
    EXPECT_EQ(snapshot(p.init), before);

    // The genuine write at an offset; read it back at that offset.
    int32_t n = pc_hs_write(p.init, payload.data(), 10, out.data(), cap, 7);
    ASSERT_GT(n, 0);
    Bytes got(10);
    EXPECT_EQ(pc_hs_read(p.resp, out.data(), cap, 7, n, got.data(), 9), PC_E_SPACE);
    EXPECT_EQ(pc_hs_read(p.resp, out.data(), cap, 7, cap, got.data(), 10), PC_E_ARG);
    EXPECT_EQ(pc_hs_read(p.resp, out.data(), cap, 7, n, got.data(), 10), 10);
}

TEST_F(Handshake, LargestPayloadFitsOneMessage)
{
    Pair p(PC_PATTERN_XX);
    Bytes out(PC_MAX_HS_MSG_LEN), payload(PC_MAX_HS_MSG_LEN - 32, 3);
    EXPECT_EQ(pc_hs_write(p.init, payload.data(), (int32_t)payload.size() + 1, out.data(),
                          (int32_t)out.size(), 0),
              PC_E_ARG);
    int32_t n = pc_hs_write(p.init, payload.data(), (int32_t)payload.size(), out.data(),
                            (int32_t)out.size(), 0);
    ASSERT_EQ(n, PC_MAX_HS_MSG_LEN);
    Bytes got(payload.size());
    EXPECT_EQ(pc_hs_read(p.resp, out.data(), n, 0, n, got.data(), (int32_t)got.size()),
              (int32_t)payload.size());
}

TEST_F(Handshake, RemoteStaticAndHashArePublic)
{
    Pair p(PC_PATTERN_XX);
    Bytes rs(32), h(64);
    EXPECT_EQ(pc_hs_remote_static(p.resp, rs.data(), 32), PC_E_STATE);
    EXPECT_EQ(pc_hs_hash(p.resp, h.data(), 63), PC_E_SPACE);
    finish(p);
    EXPECT_EQ(pc_hs_remote_static(p.resp, rs.data(), 31), PC_E_SPACE);
    ASSERT_EQ(pc_hs_remote_static(p.resp, rs.data(), 32), 32);
    EXPECT_EQ(rs, p.si.pub);
    ASSERT_EQ(pc_hs_remote_static(p.init, rs.data(), 32), 32);
    EXPECT_EQ(rs, p.sr.pub);
}

// ---- ephemeral wiping ----------------------------------------------------------

// The ephemeral secret is gone as soon as no remaining token uses it:
// XX initiator after reading message 2 (its last ee/es), XX responder after
// reading message 3 (se); IK responder right after writing message 2.
TEST_F(Handshake, EphemeralWipedAfterLastUse)
{
    Pair xx(PC_PATTERN_XX);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.init), 0);
    Bytes m1 = write_msg(xx.init);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.init), 1);
    ASSERT_EQ(read_msg(xx.resp, m1), 5);
    Bytes m2 = write_msg(xx.resp);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.resp), 1);
    ASSERT_EQ(read_msg(xx.init, m2), 5);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.init), 0);
    Bytes m3 = write_msg(xx.init);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.resp), 1);
    ASSERT_EQ(read_msg(xx.resp, m3), 5);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.resp), 0);

    Pair ik(PC_PATTERN_IK);
    ASSERT_EQ(read_msg(ik.resp, write_msg(ik.init)), 5);
    EXPECT_EQ(pc_test_hs_ephemeral_held(ik.init), 1);
    Bytes r = write_msg(ik.resp);
    EXPECT_EQ(pc_test_hs_ephemeral_held(ik.resp), 0);
    ASSERT_EQ(read_msg(ik.init, r), 5);
    EXPECT_EQ(pc_test_hs_ephemeral_held(ik.init), 0);
}

// A failed read must not wipe (or keep a copy of) anything the genuine
// message still needs.
TEST_F(Handshake, FailedReadKeepsEphemeral)
{
    Pair xx(PC_PATTERN_XX);
    ASSERT_EQ(read_msg(xx.resp, write_msg(xx.init)), 5);
    Bytes m2 = write_msg(xx.resp), bad = m2;
    bad.back() ^= 1;
    EXPECT_EQ(read_msg(xx.init, bad), PC_E_AUTH);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.init), 1);
    EXPECT_EQ(read_msg(xx.init, m2), 5);
    EXPECT_EQ(pc_test_hs_ephemeral_held(xx.init), 0);
}

TEST_F(Handshake, PoolKeysAreUsedAndConsumed)
{
    pci_wipe_all();
    ASSERT_EQ(pc_selftest(), PC_OK);
    int32_t ready = pc_pool_refill();
    ASSERT_GT(ready, 1);
    Pair p(PC_PATTERN_IK);
    finish(p);
    EXPECT_EQ(pc_pool_ready(), ready - 2);
}

// ---- with real key stores (identity DH and resumption PSK from keystore.c) ------

namespace {

struct Store {
    std::string dir;
    int32_t handle = -1;
    Bytes pub = Bytes(32);
    Store()
    {
        char tmpl[] = "/tmp/pc_hs_store_XXXXXX";
        dir = mkdtemp(tmpl);
        handle = pc_store_open(reinterpret_cast<const uint8_t *>(dir.data()), (int32_t)dir.size());
        EXPECT_GE(handle, 0);
        EXPECT_EQ(pc_store_identity(handle, pub.data(), 32), 32);
    }
    ~Store()
    {
        pc_store_close(handle);
        std::string cmd = "rm -rf '" + dir + "'";
        EXPECT_EQ(system(cmd.c_str()), 0);
    }
};

// XX between two stores, then each pins the other: contact index on each side.
void pair_and_pin(Store &a, Store &b, int32_t &a_contact, int32_t &b_contact)
{
    int32_t ha = pc_hs_new(a.handle, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0);
    int32_t hb = pc_hs_new(b.handle, PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    ASSERT_GE(ha, 0);
    ASSERT_GE(hb, 0);
    ASSERT_EQ(read_msg(hb, write_msg(ha)), 5);
    ASSERT_EQ(read_msg(ha, write_msg(hb)), 5);
    ASSERT_EQ(read_msg(hb, write_msg(ha)), 5);
    int32_t sa = pc_hs_split(ha), sb = pc_hs_split(hb);
    ASSERT_GE(sa, 0);
    ASSERT_GE(sb, 0);
    a_contact = pc_contact_pin(a.handle, sa, reinterpret_cast<const uint8_t *>("b"), 1, 0);
    b_contact = pc_contact_pin(b.handle, sb, reinterpret_cast<const uint8_t *>("a"), 1, 0);
    ASSERT_GE(a_contact, 0);
    ASSERT_GE(b_contact, 0);
    pc_session_free(sa);
    pc_session_free(sb);
}

} // namespace

TEST_F(Handshake, Ikpsk2WithStoredResumptionSecrets)
{
    Store a, b;
    int32_t a_contact = -1, b_contact = -1;
    pair_and_pin(a, b, a_contact, b_contact);
    if (HasFatalFailure())
        return;

    int32_t hi = pc_hs_new(a.handle, PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, nullptr, 0,
                           b.pub.data(), 32);
    int32_t hr = pc_hs_new(b.handle, PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    ASSERT_GE(hi, 0);
    ASSERT_GE(hr, 0);
    EXPECT_EQ(pc_hs_use_resumption(hi, a.handle, a_contact, 2), PC_E_NO_PSK);
    EXPECT_EQ(pc_hs_use_resumption(hi, b.handle, a_contact, 1), PC_E_ARG); // other store
    EXPECT_EQ(pc_hs_use_resumption(hr, b.handle, b_contact, 1), PC_E_STATE); // peer unknown yet
    ASSERT_EQ(pc_hs_use_resumption(hi, a.handle, a_contact, 1), PC_OK);
    EXPECT_EQ(pc_hs_use_resumption(hi, a.handle, a_contact, 1), PC_E_STATE); // only once

    ASSERT_EQ(read_msg(hr, write_msg(hi)), 5);
    Bytes rs(32);
    ASSERT_EQ(pc_hs_remote_static(hr, rs.data(), 32), 32);
    EXPECT_EQ(rs, a.pub);
    EXPECT_EQ(pc_contact_find(b.handle, rs.data(), 32), b_contact);
    ASSERT_EQ(pc_hs_use_resumption(hr, b.handle, b_contact, 1), PC_OK);
    ASSERT_EQ(read_msg(hi, write_msg(hr)), 5);
    EXPECT_EQ(pc_hs_status(hi), PC_HS_DONE);

    int32_t si = pc_hs_split(hi), sr = pc_hs_split(hr);
    ASSERT_GE(si, 0);
    ASSERT_GE(sr, 0);
    EXPECT_EQ(pc_contact_remember(a.handle, a_contact, si), PC_OK);
    pc_session_free(si);
    pc_session_free(sr);
}

// A PSK the responder does not share: message 2 fails the initiator's tag,
// and the initiator's handshake stays usable for the genuine answer.
TEST_F(Handshake, Ikpsk2WrongPskFailsAtMessage2)
{
    Keys si, sr;
    Bytes k1(32, 1), k2(32, 2);
    int32_t init = pc_test_hs_new(PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, nullptr, 0,
                                  si.priv.data(), nullptr, sr.pub.data(), k1.data());
    int32_t good = pc_test_hs_new(PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, nullptr, 0,
                                  sr.priv.data(), nullptr, nullptr, k1.data());
    int32_t bad = pc_test_hs_new(PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, nullptr, 0,
                                 sr.priv.data(), nullptr, nullptr, k2.data());
    Bytes m1 = write_msg(init);
    ASSERT_EQ(read_msg(good, m1), 5);
    ASSERT_EQ(read_msg(bad, m1), 5);
    EXPECT_EQ(read_msg(init, write_msg(bad)), PC_E_AUTH);
    EXPECT_EQ(read_msg(init, write_msg(good)), 5);
    pc_hs_free(init);
    pc_hs_free(good);
    pc_hs_free(bad);
}
