// SPDX-License-Identifier: MIT
/*
 * transport_keys.c - the symmetric part of a session's key schedule: the
 * epoch ratchet (Noise REKEY) on both sides and the receive side's move to
 * a new key once a packet under it has verified.
 */
#include <string.h>

#include "backend.h"
#include "cipher_state.h"
#include "phone_crypto_api.h"
#include "test_vectors.h"
#include "transport_state.h"

void pci_phase_key_wipe(pc_phase_key *k)
{
    pci_be_wipe(k, sizeof *k);
}

int pci_transport_ratchet_send(pc_transport_state *s)
{
    pci_cs_rekey(s->send.key, s->send.key); /* overwrites (wipes) the old key */
    s->send.epoch = (uint8_t)((s->send.epoch + 1u) & PC_PHASE_MASK);
    PCI_TRACE("ratchet_send", s->role, pci_phase_of(&s->send), s->send.key, 32);
    return PC_OK;
}

/* The current receiving key becomes the previous one (the older previous is wiped). */
static void recv_shift(pc_transport_state *s)
{
    pci_phase_key_wipe(&s->recv_prev);
    s->recv_prev = s->recv;
}

void pci_transport_recv_advance(pc_transport_state *s, const uint8_t next_key[32])
{
    recv_shift(s);
    memcpy(s->recv.key, next_key, 32);
    s->recv.epoch = (uint8_t)((s->recv.epoch + 1u) & PC_PHASE_MASK);
}

/* A packet under the peer's new generation verified: the peer holds the
 * new keys, so this side's sending key may move to its pending one too. */
void pci_transport_recv_take_pending(pc_transport_state *s)
{
    recv_shift(s);
    s->recv = s->recv_pending;
    pci_phase_key_wipe(&s->recv_pending);
    if (s->send_pending.held) {
        s->send = s->send_pending;
        pci_phase_key_wipe(&s->send_pending);
    }
}

void pci_transport_forget_prev(pc_transport_state *s)
{
    pci_phase_key_wipe(&s->recv_prev);
}
