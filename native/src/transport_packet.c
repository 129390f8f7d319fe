// SPDX-License-Identifier: MIT
/*
 * transport_packet.c - sealing and opening session packets in place.
 *
 * Header: [2] key phase and [8..16) counter (LE64) are written here on seal;
 * every header byte is associated data. Nonce = 4 zero bytes || LE64(counter).
 * Open: key phase -> replay window (cheap reject) -> tag; only a verified
 * packet moves the window or the receiving key. The backend verifies before
 * it decrypts, so a rejected packet's bytes are left as they arrived.
 */
#include <string.h>

#include "backend.h"
#include "bytes_le.h"
#include "cipher_state.h"
#include "phone_crypto_api.h"
#include "transport_state.h"

#define COUNTER_RESERVED UINT64_MAX

/* Which receiving key a packet's phase names. */
enum key_choice {
    KEY_NONE,
    KEY_CURRENT,
    KEY_PREVIOUS,
    KEY_NEXT_EPOCH,     /* the peer ratcheted: try REKEY(current) */
    KEY_SKIP_EPOCH,     /* the peer ratcheted twice unseen (an outage): REKEY(REKEY(current)) */
    KEY_PENDING         /* the peer moved to the re-keyed generation */
};

int pci_transport_seal_packet(pc_transport_state *s, uint8_t *pkt, size_t hdr_len, size_t body_len)
{
    uint8_t nonce[PC_AEAD_NONCE_LEN];
    uint8_t *body = pkt + hdr_len;

    if (s->send_next >= COUNTER_RESERVED)
        return PC_E_NONCE_EXHAUSTED;
    pkt[PC_PKT_PHASE_OFFSET] = pci_phase_of(&s->send);
    pci_store_le64(pkt + PC_PKT_COUNTER_OFFSET, s->send_next);
    pci_cs_nonce(nonce, s->send_next);
    pci_be_aead_seal(body, body + body_len, s->send.key, nonce, pkt, hdr_len, body, body_len);
    s->send_next++;
    return (int)(hdr_len + body_len + PC_TAG_LEN);
}

static enum key_choice choose_key(const pc_transport_state *s, uint8_t phase)
{
    if (phase == pci_phase_of(&s->recv))
        return KEY_CURRENT;
    if (s->recv_prev.held && phase == pci_phase_of(&s->recv_prev))
        return KEY_PREVIOUS;
    if (phase == pci_phase_make(s->recv.generation, s->recv.epoch + 1u))
        return KEY_NEXT_EPOCH;
    if (phase == pci_phase_make(s->recv.generation, s->recv.epoch + 2u))
        return KEY_SKIP_EPOCH;
    if (s->recv_pending.held && phase == pci_phase_of(&s->recv_pending))
        return KEY_PENDING;
    return KEY_NONE;
}

/* The key to try; a next-epoch key is derived into `derived` (skipping one:
 * the skipped epoch's key into `skipped`). */
static const uint8_t *key_for(const pc_transport_state *s, enum key_choice choice,
                              uint8_t derived[32], uint8_t skipped[32])
{
    switch (choice) {
    case KEY_SKIP_EPOCH:
        pci_cs_rekey(skipped, s->recv.key);
        pci_cs_rekey(derived, skipped);
        return derived;
    case KEY_PREVIOUS:
        return s->recv_prev.key;
    case KEY_NEXT_EPOCH:
        pci_cs_rekey(derived, s->recv.key);
        return derived;
    case KEY_PENDING:
        return s->recv_pending.key;
    default:
        return s->recv.key;
    }
}

/* The tag verified: record the counter and move to the key it proved. */
static void commit_open(pc_transport_state *s, enum key_choice choice, const uint8_t derived[32],
                        const uint8_t skipped[32], uint64_t counter)
{
    pci_replay_commit(&s->replay, counter);
    if (choice == KEY_SKIP_EPOCH) {
        pci_transport_recv_advance(s, skipped); /* previous := the skipped epoch (late packets) */
        pci_transport_recv_advance(s, derived);
    } else if (choice == KEY_NEXT_EPOCH)
        pci_transport_recv_advance(s, derived);
    else if (choice == KEY_PENDING)
        pci_transport_recv_take_pending(s);
}

int pci_transport_open_packet(pc_transport_state *s, uint8_t *pkt, size_t hdr_len, size_t pkt_len)
{
    uint8_t derived[32];
    uint8_t skipped[32];
    uint8_t nonce[PC_AEAD_NONCE_LEN];
    size_t body_len = pkt_len - hdr_len - PC_TAG_LEN;
    uint8_t *body = pkt + hdr_len;
    uint64_t counter = pci_load_le64(pkt + PC_PKT_COUNTER_OFFSET);

    enum key_choice choice = choose_key(s, pkt[PC_PKT_PHASE_OFFSET]);
    if (choice == KEY_NONE)
        return PC_E_KEY_PHASE;
    int rc = pci_replay_check(&s->replay, counter);
    if (rc != PC_OK)
        return rc;
    const uint8_t *key = key_for(s, choice, derived, skipped);
    pci_cs_nonce(nonce, counter);
    rc = pci_be_aead_open(body, key, nonce, pkt, hdr_len, body, body_len, body + body_len);
    if (rc == 0) {
        commit_open(s, choice, derived, skipped, counter);
        rc = (int)body_len;
    }
    pci_be_wipe(derived, sizeof derived);
    pci_be_wipe(skipped, sizeof skipped);
    return rc;
}
