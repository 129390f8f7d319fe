/*
 * session.h - a call's secure channel after the handshake: per-direction
 * keys with explicit counters and a replay window, the symmetric epoch
 * ratchet, and the in-call DH re-key. Static table of PC_MAX_SESSIONS.
 */
#ifndef PC_SESSION_H
#define PC_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "split.h"

/* New session from a finished handshake: its handle, or PC_E_NO_SLOT. */
int32_t pc_session_create(const pc_split_result *split);

/* What the key store needs to pin or remember the peer (all native). */
typedef struct pc_session_peer {
    uint8_t remote_static[32];
    uint8_t resumption[32];
    uint32_t psk_generation;
    uint8_t has_remote_static;
} pc_session_peer;

/* Copies the peer view (caller wipes it), or PC_E_HANDLE. */
int pc_session_peer_view(int32_t session, pc_session_peer *out);

void pc_session_wipe_all(void);

#ifdef PC_TEST_HOOKS
/* Tests only: the counter the next sealed packet gets (nonce exhaustion). */
int pc_test_session_set_send_counter(int32_t session, uint64_t next);
#endif

#endif /* PC_SESSION_H */
