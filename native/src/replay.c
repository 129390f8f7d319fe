// SPDX-License-Identifier: MIT
/* replay.c - the replay window: check (read only) and commit (after the tag). */
#include "replay.h"

#define WORD_SHIFT 5u
#define WORD_MASK (PC_REPLAY_WORDS - 1u)
#define COUNTER_RESERVED UINT64_MAX /* never sent: REKEY's nonce */

typedef char pc_check_replay_words_pow2[(PC_REPLAY_WORDS & WORD_MASK) == 0 ? 1 : -1];
typedef char pc_check_replay_covers_window[
    (PC_REPLAY_WORDS - 1u) * PC_REPLAY_WORD_BITS >= PC_REPLAY_WINDOW ? 1 : -1];

static unsigned word_of(uint64_t counter)
{
    return (unsigned)((counter >> WORD_SHIFT) & WORD_MASK);
}

static uint32_t bit_of(uint64_t counter)
{
    return (uint32_t)1u << (unsigned)(counter & (PC_REPLAY_WORD_BITS - 1u));
}

int pci_replay_check(const pc_replay *w, uint64_t counter)
{
    if (counter == COUNTER_RESERVED)
        return PC_E_REPLAY;
    uint64_t next = counter + 1u;
    if (next > w->top)
        return PC_OK; /* ahead of everything seen */
    if (w->top - next >= PC_REPLAY_WINDOW)
        return PC_E_REPLAY; /* fell out of the window */
    return (w->bits[word_of(counter)] & bit_of(counter)) ? PC_E_REPLAY : PC_OK;
}

/* The highest counter moves to `counter`: clear the words it passes into
 * (at most the whole ring), they hold bits of counters a ring ago. */
static void advance(pc_replay *w, uint64_t counter)
{
    if (w->top != 0) {
        uint64_t from = (w->top - 1u) >> WORD_SHIFT;
        uint64_t steps = (counter >> WORD_SHIFT) - from;
        if (steps > PC_REPLAY_WORDS)
            steps = PC_REPLAY_WORDS;
        for (uint64_t i = 1; i <= steps; i++)
            w->bits[(unsigned)((from + i) & WORD_MASK)] = 0;
    }
    w->top = counter + 1u;
}

void pci_replay_commit(pc_replay *w, uint64_t counter)
{
    if (counter + 1u > w->top)
        advance(w, counter);
    w->bits[word_of(counter)] |= bit_of(counter);
}
