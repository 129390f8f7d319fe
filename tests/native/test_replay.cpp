// SPDX-License-Identifier: MIT
// test_replay.cpp - the replay window on its own (native/src/replay.c):
// edges of the window, reordering, jumps, the reserved counter, and a
// randomised comparison with an obviously correct model.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <set>

#include <gtest/gtest.h>

extern "C" {
#include "replay.h"
}

namespace {

const uint64_t kWindow = PC_REPLAY_WINDOW;
const uint64_t kMax = UINT64_MAX;

// Check, then commit what passed: what pc_session_open does after a good tag.
int accept(pc_replay &w, uint64_t counter)
{
    int rc = pci_replay_check(&w, counter);
    if (rc == PC_OK)
        pci_replay_commit(&w, counter);
    return rc;
}

// The specification, with no cleverness: a counter is new and within the
// last PC_REPLAY_WINDOW counters up to the highest one accepted.
struct Model {
    std::set<uint64_t> seen;
    bool any = false;
    uint64_t highest = 0;

    bool accept(uint64_t c)
    {
        if (c == kMax || seen.count(c))
            return false;
        if (any && c < highest && highest - c >= kWindow)
            return false;
        seen.insert(c);
        if (!any || c > highest)
            highest = c;
        any = true;
        return true;
    }
};

} // namespace

TEST(Replay, FirstPacketAcceptedOnceDuplicateRefused)
{
    pc_replay w{};
    EXPECT_EQ(accept(w, 0), PC_OK);
    EXPECT_EQ(accept(w, 0), PC_E_REPLAY);
}

TEST(Replay, FirstPacketMayStartAnywhere)
{
    pc_replay w{};
    EXPECT_EQ(accept(w, 1000), PC_OK);
    EXPECT_EQ(accept(w, 1000 - (kWindow - 1)), PC_OK); // oldest counter still inside
    EXPECT_EQ(accept(w, 1000 - kWindow), PC_E_REPLAY); // one beyond the edge
    EXPECT_EQ(accept(w, 999), PC_OK);
}

TEST(Replay, InOrderStreamEachOnce)
{
    pc_replay w{};
    for (uint64_t c = 0; c < 5000; c++) {
        ASSERT_EQ(accept(w, c), PC_OK) << c;
        ASSERT_EQ(accept(w, c), PC_E_REPLAY) << c;
    }
}

TEST(Replay, OutOfOrderInsideWindowAccepted)
{
    pc_replay w{};
    ASSERT_EQ(accept(w, 300), PC_OK);
    for (uint64_t c = 299; c > 300 - kWindow; c--)
        ASSERT_EQ(accept(w, c), PC_OK) << c;
    for (uint64_t c = 300; c > 300 - kWindow; c--)
        ASSERT_EQ(accept(w, c), PC_E_REPLAY) << c;
}

TEST(Replay, ExactlyAtTheEdgeAndOneBeyond)
{
    pc_replay w{};
    const uint64_t h = 10'000;
    ASSERT_EQ(accept(w, h), PC_OK);
    EXPECT_EQ(pci_replay_check(&w, h - (kWindow - 1)), PC_OK);
    EXPECT_EQ(pci_replay_check(&w, h - kWindow), PC_E_REPLAY);
    EXPECT_EQ(pci_replay_check(&w, 0), PC_E_REPLAY);
    // The edge moves with the highest counter, one step at a time.
    ASSERT_EQ(accept(w, h + 1), PC_OK);
    EXPECT_EQ(pci_replay_check(&w, h + 1 - (kWindow - 1)), PC_OK);
    EXPECT_EQ(pci_replay_check(&w, h + 1 - kWindow), PC_E_REPLAY);
}

TEST(Replay, HugeJumpForgetsTheOldRing)
{
    pc_replay w{};
    for (uint64_t c = 0; c < 600; c++)
        ASSERT_EQ(accept(w, c), PC_OK);
    const uint64_t far = (uint64_t)1 << 40;
    ASSERT_EQ(accept(w, far), PC_OK);
    EXPECT_EQ(accept(w, 599), PC_E_REPLAY); // far behind now
    // Counters that share ring words with the old ones must read as unseen.
    for (uint64_t c = far - (kWindow - 1); c < far; c++)
        ASSERT_EQ(accept(w, c), PC_OK) << c;
}

TEST(Replay, JumpOfExactlyOneRingClearsStaleBits)
{
    pc_replay w{};
    const uint64_t ring = PC_REPLAY_WORDS * PC_REPLAY_WORD_BITS;
    ASSERT_EQ(accept(w, 10), PC_OK);
    ASSERT_EQ(accept(w, 10 + ring), PC_OK);       // same ring bit as 10
    EXPECT_EQ(accept(w, 10 + ring - 1), PC_OK);   // word re-entered: cleared
    EXPECT_EQ(accept(w, 10), PC_E_REPLAY);        // out of the window
}

TEST(Replay, TopOfTheCounterSpace)
{
    pc_replay w{};
    EXPECT_EQ(accept(w, kMax), PC_E_REPLAY); // reserved, even as the first packet
    EXPECT_EQ(accept(w, kMax - 1), PC_OK);   // the last counter a sender may use
    EXPECT_EQ(accept(w, kMax - 1), PC_E_REPLAY);
    EXPECT_EQ(accept(w, kMax), PC_E_REPLAY);
    EXPECT_EQ(accept(w, kMax - kWindow), PC_OK);
    EXPECT_EQ(accept(w, kMax - 1 - kWindow), PC_E_REPLAY);
}

TEST(Replay, CheckChangesNothingOnlyCommitMoves)
{
    pc_replay w{};
    ASSERT_EQ(accept(w, 5), PC_OK);
    pc_replay before = w;
    // A packet far ahead passes the check, but its tag has not verified yet:
    EXPECT_EQ(pci_replay_check(&w, 100'000), PC_OK);
    EXPECT_EQ(memcmp(&before, &w, sizeof w), 0);
    EXPECT_EQ(pci_replay_check(&w, 4), PC_OK); // window did not move
    EXPECT_EQ(pci_replay_check(&w, 5), PC_E_REPLAY);
}

TEST(Replay, MatchesModelOnRandomTraffic)
{
    std::mt19937_64 rng(20261125);
    for (int run = 0; run < 40; run++) {
        pc_replay w{};
        Model m;
        uint64_t base = run % 4 == 0 ? kMax - 5000 : rng() % 100'000;
        uint64_t next = base;
        for (int i = 0; i < 4000; i++) {
            uint64_t c;
            switch (rng() % 6) {
            case 0: c = next - std::min<uint64_t>(next, rng() % (2 * kWindow + 64)); break;
            case 1: c = next + rng() % 3000; break;
            case 2: c = m.highest - std::min<uint64_t>(m.highest, kWindow - 1 + rng() % 3); break;
            default: c = next++; break;
            }
            c = std::min(c, kMax);
            ASSERT_EQ(accept(w, c) == PC_OK, m.accept(c)) << "run " << run << " counter " << c;
            if (c > next && c < kMax)
                next = c;
        }
    }
}
