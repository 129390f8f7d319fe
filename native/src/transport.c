// SPDX-License-Identifier: MIT
/*
 * transport.c - the session table: a session is born from a finished
 * handshake (pci_transport_create), read through handles, and wiped on free.
 * Packet protection is in transport_packet.c, the key schedule in
 * transport_keys.c and transport_rekey.c.
 */
#include "transport.h"

#include <string.h>

#include "pc_limits.h"
#include "phone_crypto_api.h"
#include "test_vectors.h"
#include "transport_state.h"

static pc_transport_state s_sessions[PC_MAX_SESSIONS];

#define TABLE s_sessions, PC_MAX_SESSIONS, sizeof s_sessions[0]

pc_transport_state *pci_transport_lookup(int32_t session)
{
    return pci_slot_get(session, TABLE);
}

static void load_key(pc_phase_key *k, const uint8_t key[32])
{
    memcpy(k->key, key, 32);
    k->generation = 0;
    k->epoch = 0;
    k->held = 1;
}

/* Generation 0, epoch 0 of each direction: Split()'s keys as the role reads them. */
static void load_split(pc_transport_state *s, const pc_split_result *split)
{
    int initiator = split->role == PC_ROLE_INITIATOR;
    s->role = split->role;
    load_key(&s->send, initiator ? split->k_i2r : split->k_r2i);
    load_key(&s->recv, initiator ? split->k_r2i : split->k_i2r);
    memcpy(s->root, split->root, sizeof s->root);
    memcpy(s->peer.remote_static, split->remote_static, 32);
    memcpy(s->peer.resumption, split->resumption, 32);
    s->peer.psk_generation = split->psk_generation;
    s->peer.has_remote_static = split->has_remote_static ? 1 : 0;
    s->peer.hybrid = split->hybrid ? 1 : 0;
}

void pci_transport_init(pc_transport_state *s, const pc_split_result *split)
{
    memset(s, 0, sizeof *s);
    load_split(s, split);
}

int32_t pci_transport_create(const pc_split_result *split)
{
    if (split->role != PC_ROLE_INITIATOR && split->role != PC_ROLE_RESPONDER)
        return PC_E_ARG;
    int32_t handle = pci_slot_alloc(TABLE);
    if (handle >= 0) {
        load_split(pci_transport_lookup(handle), split); /* into a wiped slot */
        PCI_TRACE("k_i2r", split->role, 0, split->k_i2r, 32);
        PCI_TRACE("k_r2i", split->role, 0, split->k_r2i, 32);
        PCI_TRACE("root", split->role, 0, split->root, 32);
        PCI_TRACE("resumption", split->role, 0, split->resumption, 32);
    }
    return handle;
}

/* Keys, window and peer are wiped with the slot. */
void pci_transport_release(pc_transport_state *s)
{
    pci_slot_free(s, sizeof *s);
}

int pci_transport_peer_view(int32_t session, pc_transport_peer *out)
{
    const pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    memcpy(out, &s->peer, sizeof *out);
    return PC_OK;
}

void pci_transport_info_bytes(const pc_transport_state *s, uint8_t out[4])
{
    out[0] = pci_phase_of(&s->send);
    out[1] = pci_phase_of(&s->recv);
    out[2] = s->recv_prev.held;
    out[3] = (uint8_t)(s->rekey_state != PC_REKEY_NONE || s->send_pending.held
                       || s->recv_pending.held);
}

void pci_transport_wipe_all(void)
{
    pci_slot_wipe_all(TABLE);
}

#ifdef PC_TEST_HOOKS
int pc_test_session_set_send_counter(int32_t session, uint64_t next)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    s->send_next = next;
    return PC_OK;
}
#endif
