// SPDX-License-Identifier: MIT
/*
 * replay.h - the receive side's replay window (RFC 6479's ring of words, as
 * WireGuard's counter.c): the last PC_REPLAY_WINDOW counters below and
 * including the highest one accepted are remembered, anything older is
 * refused. Checking and recording are separate so the window moves only
 * after a packet's tag has verified.
 */
#ifndef PC_REPLAY_H
#define PC_REPLAY_H

#include <stdint.h>

#include "phone_crypto_api.h"

/* 32-bit words (no wide shifts on a 32-bit core), a power of two of them,
 * one word more than the window needs: the word the highest counter sits in
 * is only partly inside the window. */
#define PC_REPLAY_WORD_BITS 32u
#define PC_REPLAY_WORDS 16u

typedef struct pc_replay {
    uint64_t top;                     /* highest accepted counter + 1; 0 = none yet */
    uint32_t bits[PC_REPLAY_WORDS];   /* ring: bit (c % 32) of word (c / 32) % WORDS */
} pc_replay;

/* PC_OK if counter may be accepted, else PC_E_REPLAY (already seen, older
 * than the window, or the reserved 2^64-1). Changes nothing. */
int pci_replay_check(const pc_replay *w, uint64_t counter);

/* Records counter as accepted; only for a counter pci_replay_check passed. */
void pci_replay_commit(pc_replay *w, uint64_t counter);

#endif /* PC_REPLAY_H */
