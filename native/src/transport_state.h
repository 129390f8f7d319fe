// SPDX-License-Identifier: MIT
/*
 * transport_state.h - the session slot, private to transport*.c,
 * api_session.c and selftest.c. One slot per call: the sending key with its
 * counter, the receiving keys (current, previous for late packets, pending
 * from a DH re-key), the replay window, the re-key chain and what the key
 * store needs.
 *
 * Generations and epochs are kept modulo 16, the width they have in the
 * key-phase byte (phase = generation << 4 | epoch).
 */
#ifndef PC_TRANSPORT_STATE_H
#define PC_TRANSPORT_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "handles.h"
#include "replay.h"
#include "transport.h"

#define PC_PHASE_MASK 0x0Fu

enum pc_rekey_state {
    PC_REKEY_NONE = 0,      /* no offer outstanding */
    PC_REKEY_OFFERED = 1    /* own ephemeral sent, waiting for the answer */
};

typedef struct pc_phase_key {
    uint8_t key[32];
    uint8_t generation;     /* 0..15 */
    uint8_t epoch;          /* 0..15 */
    uint8_t held;
} pc_phase_key;

typedef struct pc_transport_state {
    pc_slot slot;                   /* first member (handles.h) */
    uint8_t role;                   /* PC_ROLE_* of this side */
    uint8_t rekey_state;            /* enum pc_rekey_state */
    uint64_t send_next;             /* counter of the next sealed packet */
    pc_phase_key send;              /* current sending key */
    pc_phase_key send_pending;      /* next generation, used once the peer proves it has it */
    pc_phase_key recv;              /* current receiving key */
    pc_phase_key recv_prev;         /* kept for late packets */
    pc_phase_key recv_pending;      /* next generation from a DH re-key */
    pc_replay replay;               /* one counter space for the whole session */
    uint8_t rekey_secret[32];       /* own ephemeral while OFFERED */
    uint8_t root[32];               /* chain of the DH re-keys */
    pc_transport_peer peer;
} pc_transport_state;

/* ---- transport.c: the table */
/* The live slot of a handle, or NULL. */
pc_transport_state *pci_transport_lookup(int32_t session);
void pci_transport_release(pc_transport_state *s);
/* A state outside the table (the self-test's loopback): zeroed, then keyed
 * from the split as pci_transport_create keys a slot. The caller wipes it. */
void pci_transport_init(pc_transport_state *s, const pc_split_result *split);
/* pc_session_info's 4 bytes. */
void pci_transport_info_bytes(const pc_transport_state *s, uint8_t out[4]);

static inline uint8_t pci_phase_make(unsigned generation, unsigned epoch)
{
    return (uint8_t)((generation & PC_PHASE_MASK) << 4 | (epoch & PC_PHASE_MASK));
}

static inline uint8_t pci_phase_of(const pc_phase_key *k)
{
    return pci_phase_make(k->generation, k->epoch);
}

/* ---- transport_packet.c: arguments already checked by api_session.c */
/* Seals pkt[0..hdr_len+body_len) in place, appends the tag: the packet length. */
int pci_transport_seal_packet(pc_transport_state *s, uint8_t *pkt, size_t hdr_len, size_t body_len);
/* Opens pkt[0..pkt_len) in place: the body length. */
int pci_transport_open_packet(pc_transport_state *s, uint8_t *pkt, size_t hdr_len, size_t pkt_len);

/* ---- transport_keys.c: the key schedule (the next epoch's key is Noise's
 * REKEY, pci_cs_rekey) */
/* Sending key one epoch forward, the old one wiped. */
int pci_transport_ratchet_send(pc_transport_state *s);
/* Receive side, after a packet's tag verified under the next epoch's key
 * (next_key) or under the pending generation: current becomes previous. */
void pci_transport_recv_advance(pc_transport_state *s, const uint8_t next_key[32]);
void pci_transport_recv_take_pending(pc_transport_state *s);
void pci_transport_forget_prev(pc_transport_state *s);
void pci_phase_key_wipe(pc_phase_key *k);

/* ---- transport_rekey.c: the in-call DH re-key */
int pci_transport_offer(pc_transport_state *s, uint8_t e_pub[32]);
int pci_transport_accept(pc_transport_state *s, const uint8_t peer_e[32], uint8_t e_pub[32]);
int pci_transport_complete(pc_transport_state *s, const uint8_t peer_e[32]);

#endif /* PC_TRANSPORT_STATE_H */
