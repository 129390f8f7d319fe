// SPDX-License-Identifier: MIT
// session_fixture.hpp - session pairs for the session and store tests:
// straight from a made-up Split() result (pci_transport_create, the way
// pc_hs_split hands over), or through a real XX handshake.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include "test_util.hpp"

extern "C" {
#include "transport.h"
#include "split.h"
#include "test_hooks.h"
}

struct SessionPair {
    int32_t initiator = -1;
    int32_t responder = -1;
};

inline Bytes random_bytes(size_t n)
{
    Bytes b(n);
    EXPECT_EQ(pc_random(b.data(), (int32_t)n), (int32_t)n);
    return b;
}

// Both sides of one finished handshake: same keys, each side's role.
// remote_static is the initiator's view of the responder (and vice versa
// the responder sees initiator_static).
struct SplitPair {
    pc_split_result initiator{};
    pc_split_result responder{};
};

inline SplitPair make_splits(const Bytes &initiator_static, const Bytes &responder_static,
                             uint32_t psk_generation = 0)
{
    SplitPair p;
    Bytes i2r = random_bytes(32), r2i = random_bytes(32), root = random_bytes(32),
          res = random_bytes(32);
    for (pc_split_result *s : {&p.initiator, &p.responder}) {
        memcpy(s->k_i2r, i2r.data(), 32);
        memcpy(s->k_r2i, r2i.data(), 32);
        memcpy(s->root, root.data(), 32);
        memcpy(s->resumption, res.data(), 32);
        s->has_remote_static = 1;
        s->psk_generation = psk_generation;
    }
    p.initiator.role = PC_ROLE_INITIATOR;
    p.responder.role = PC_ROLE_RESPONDER;
    memcpy(p.initiator.remote_static, responder_static.data(), 32);
    memcpy(p.responder.remote_static, initiator_static.data(), 32);
    return p;
}

inline SessionPair sessions_from(const SplitPair &p)
{
    SessionPair s;
    s.initiator = pci_transport_create(&p.initiator);
    s.responder = pci_transport_create(&p.responder);
    EXPECT_GE(s.initiator, 0);
    EXPECT_GE(s.responder, 0);
    return s;
}

inline SessionPair random_session_pair()
{
    return sessions_from(make_splits(random_bytes(32), random_bytes(32)));
}

inline void free_pair(const SessionPair &s)
{
    pc_session_free(s.initiator);
    pc_session_free(s.responder);
}

// A real Noise XX between two fresh random identities, split into sessions.
inline SessionPair xx_session_pair()
{
    int32_t hs[2] = {
        pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, nullptr, nullptr,
                       nullptr),
        pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr, nullptr, nullptr,
                       nullptr)};
    EXPECT_GE(hs[0], 0);
    EXPECT_GE(hs[1], 0);
    uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
    for (int turn = 0; turn < 3; turn++) {
        int32_t writer = hs[turn % 2], reader = hs[(turn + 1) % 2];
        int32_t len = pc_hs_write(writer, nullptr, 0, msg, sizeof msg, 0);
        EXPECT_GT(len, 0);
        EXPECT_GE(pc_hs_read(reader, msg, len, 0, len, payload, sizeof payload), 0);
    }
    EXPECT_EQ(pc_hs_status(hs[0]), PC_HS_DONE);
    EXPECT_EQ(pc_hs_status(hs[1]), PC_HS_DONE);
    SessionPair s;
    s.initiator = pc_hs_split(hs[0]);
    s.responder = pc_hs_split(hs[1]);
    return s;
}

// ---- packets ----------------------------------------------------------------

inline const int32_t kHdr = 20; // 16 bytes the core owns in part + 4 of the caller's (RTP-like)

struct Packet {
    Bytes bytes;
    Bytes body; // the plaintext it carries
};

inline Packet seal_packet(int32_t session, size_t body_len = 40, uint8_t type = 7)
{
    Packet p;
    p.body = random_bytes(body_len);
    p.bytes.assign(kHdr + body_len + PC_TAG_LEN, 0);
    p.bytes[0] = 1;    // version
    p.bytes[1] = type; // type
    p.bytes[3] = 0x5A;
    for (int i = 4; i < 8; i++)
        p.bytes[i] = (uint8_t)(0xA0 + i); // receiver id
    for (int i = 16; i < kHdr; i++)
        p.bytes[i] = (uint8_t)i;
    if (body_len > 0)
        memcpy(p.bytes.data() + kHdr, p.body.data(), body_len);
    int32_t n = pc_session_seal(session, p.bytes.data(), (int32_t)p.bytes.size(), 0, kHdr,
                                (int32_t)body_len);
    EXPECT_EQ(n, (int32_t)p.bytes.size());
    return p;
}

inline int32_t open_packet(int32_t session, Bytes &pkt)
{
    return pc_session_open(session, pkt.data(), (int32_t)pkt.size(), 0, kHdr, (int32_t)pkt.size());
}

// Opens a copy; true if it opened to the packet's body.
inline bool opens(int32_t session, const Packet &p)
{
    Bytes b = p.bytes;
    int32_t n = open_packet(session, b);
    return n == (int32_t)p.body.size() && Bytes(b.begin() + kHdr, b.begin() + kHdr + n) == p.body;
}

inline Bytes info(int32_t session)
{
    Bytes out(4, 0xEE);
    EXPECT_EQ(pc_session_info(session, out.data(), 4), 4);
    return out;
}

inline uint64_t counter_of(const Packet &p)
{
    uint64_t c = 0;
    for (int i = 7; i >= 0; i--)
        c = c << 8 | p.bytes[PC_PKT_COUNTER_OFFSET + i];
    return c;
}

