// SPDX-License-Identifier: MIT
/*
 * transport.h - a call's secure channel after the handshake: per-direction
 * keys with explicit counters and a replay window, the symmetric epoch
 * ratchet, and the in-call DH re-key. Static table of PC_MAX_SESSIONS.
 * "transport" is Noise's name for the phase after Split(); the exported
 * calls on it are pc_session_* (api_session.c) and its handle a session.
 */
#ifndef PC_TRANSPORT_H
#define PC_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

#include "split.h"

/* New session from a finished handshake: its handle, or PC_E_NO_SLOT. */
int32_t pci_transport_create(const pc_split_result *split);

/* What the key store needs to pin or remember the peer (all native). */
typedef struct pc_transport_peer {
    uint8_t remote_static[32];
    uint8_t resumption[32];
    uint32_t psk_generation;
    uint8_t has_remote_static;
    uint8_t hybrid;             /* the handshake mixed an ML-KEM secret (may pin PC_CONTACT_HYBRID) */
} pc_transport_peer;

/* Copies the peer view (caller wipes it), or PC_E_HANDLE. */
int pci_transport_peer_view(int32_t session, pc_transport_peer *out);

void pci_transport_wipe_all(void);

#ifdef PC_TEST_HOOKS
/* Tests only: the counter the next sealed packet gets (nonce exhaustion). */
int pc_test_session_set_send_counter(int32_t session, uint64_t next);
#endif

#endif /* PC_TRANSPORT_H */
