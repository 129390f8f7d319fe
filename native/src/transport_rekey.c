// SPDX-License-Identifier: MIT
/*
 * transport_rekey.c - the in-call DH re-key (one round trip on the control
 * channel) that gives the call post-compromise security:
 *
 *   offerer                                answerer
 *   offer:    e1 (kept)       -- e1 -->    accept: e2, dh = DH(e2, e1), e2 wiped
 *   complete: dh = DH(e1, e2) <-- e2 --    send key pending until proof
 *             e1 wiped, sends on gen+1 --> first gen+1 packet verifies: answerer
 *                                          switches its sending key too
 *
 *   (root', k_i2r', k_r2i') = HKDF(root, dh, 3); the resumption secret is
 *   not touched. Both refuse a new offer while a pending key is unused.
 */
#include <string.h>

#include "backend.h"
#include "hkdf.h"
#include "keypool.h"
#include "phone_crypto_api.h"
#include "test_vectors.h"
#include "transport_state.h"

typedef struct next_generation {
    uint8_t root[32];
    uint8_t own[32];    /* this side's sending direction */
    uint8_t peer[32];   /* the peer's sending direction */
} next_generation;

/* The generation a re-key of s makes (vector-mode trace labels only). */
#define NEXT_GENERATION(s) (((s)->send.generation + 1u) & PC_PHASE_MASK)

static int pending_held(const pc_transport_state *s)
{
    return s->send_pending.held || s->recv_pending.held;
}

/* dh = X25519(secret, peer_e), then (root', k_i2r', k_r2i') = HKDF(root, dh, 3)
 * as this side's directions. 0, or PC_E_BAD_KEY (next untouched). HKDF's
 * chaining key is HASHLEN (64) bytes; HMAC zero-pads its key to the block
 * anyway, so root || 32 zero bytes is the same HMAC key as root. */
static int derive(const pc_transport_state *s, const uint8_t secret[32], const uint8_t peer_e[32],
                  next_generation *next)
{
    uint8_t dh[32];
    uint8_t ck[PC_HASH_OUT_LEN] = {0};
    int initiator = s->role == PC_ROLE_INITIATOR;

    int rc = pci_be_x25519(dh, secret, peer_e);
    if (rc == 0) {
        memcpy(ck, s->root, sizeof s->root);
        pci_hkdf_keys(ck, dh, sizeof dh, next->root, initiator ? next->own : next->peer,
                     initiator ? next->peer : next->own);
        PCI_TRACE("rekey_dh", s->role, NEXT_GENERATION(s), dh, sizeof dh);
        PCI_TRACE("rekey_root", s->role, NEXT_GENERATION(s), next->root, 32);
        PCI_TRACE("rekey_k_i2r", s->role, NEXT_GENERATION(s), initiator ? next->own : next->peer, 32);
        PCI_TRACE("rekey_k_r2i", s->role, NEXT_GENERATION(s), initiator ? next->peer : next->own, 32);
    }
    pci_be_wipe(dh, sizeof dh);
    pci_be_wipe(ck, sizeof ck);
    return rc;
}

/* k := key as the generation after from's (k may be from: read first). */
static void set_next_generation(pc_phase_key *k, const uint8_t key[32], const pc_phase_key *from)
{
    uint8_t generation = (uint8_t)((from->generation + 1u) & PC_PHASE_MASK);
    pci_phase_key_wipe(k);
    memcpy(k->key, key, 32);
    k->generation = generation;
    k->held = 1;
}

static void drop_offer(pc_transport_state *s)
{
    pci_be_wipe(s->rekey_secret, sizeof s->rekey_secret);
    s->rekey_state = PC_REKEY_NONE;
}

int pci_transport_offer(pc_transport_state *s, uint8_t e_pub[32])
{
    uint8_t secret[32];
    uint8_t pub[32];

    if (s->rekey_state != PC_REKEY_NONE || pending_held(s))
        return PC_E_STATE;
    int rc = pci_keypool_take(secret, pub);
    if (rc == 0) {
        PCI_TRACE("rekey_e", s->role, NEXT_GENERATION(s), secret, 32);
        memcpy(s->rekey_secret, secret, sizeof secret);
        s->rekey_state = PC_REKEY_OFFERED;
        memcpy(e_pub, pub, sizeof pub);
        rc = PC_KEY_LEN;
    }
    pci_be_wipe(secret, sizeof secret);
    return rc;
}

/* The new generation: root', this side's sending key into `own` (the
 * current sending key, or the pending one), the peer's direction pending
 * until a packet under it verifies, and no offer left outstanding. */
static void commit(pc_transport_state *s, const next_generation *next, pc_phase_key *own)
{
    memcpy(s->root, next->root, sizeof s->root);
    set_next_generation(own, next->own, &s->send);
    set_next_generation(&s->recv_pending, next->peer, &s->recv);
    drop_offer(s);
}

int pci_transport_accept(pc_transport_state *s, const uint8_t peer_e[32], uint8_t e_pub[32])
{
    uint8_t secret[32];
    uint8_t pub[32];
    next_generation next;

    if (pending_held(s))
        return PC_E_STATE;
    int rc = pci_keypool_take(secret, pub);
    if (rc == 0) {
        PCI_TRACE("rekey_e", s->role, NEXT_GENERATION(s), secret, 32);
        rc = derive(s, secret, peer_e, &next);
    }
    pci_be_wipe(secret, sizeof secret); /* its single DH is done */
    if (rc == 0) {
        /* own direction waits for proof; glare: the peer's offer wins over ours */
        commit(s, &next, &s->send_pending);
        memcpy(e_pub, pub, sizeof pub);
        rc = PC_KEY_LEN;
    }
    pci_be_wipe(&next, sizeof next);
    return rc;
}

int pci_transport_complete(pc_transport_state *s, const uint8_t peer_e[32])
{
    next_generation next;

    if (s->rekey_state != PC_REKEY_OFFERED)
        return PC_E_STATE;
    int rc = derive(s, s->rekey_secret, peer_e, &next);
    if (rc == 0) /* the answerer already holds both keys: send on the new one now */
        commit(s, &next, &s->send);
    pci_be_wipe(&next, sizeof next);
    return rc;
}
