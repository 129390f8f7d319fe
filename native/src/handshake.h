// SPDX-License-Identifier: MIT
/*
 * handshake.h - Noise HandshakeState (spec rev 34, §5.3) for
 * Noise_{XX,IK,IKpsk2}_25519_ChaChaPoly_BLAKE2b.
 *
 * A pc_handshake is plain caller-owned state (hs_table.c keeps the slots the
 * API hands out; the self-test keeps two in its static scratch). Every step
 * works on a copy and commits it only when the whole message succeeded, so a
 * truncated, forged or out-of-order message leaves the handshake exactly as
 * it was and the genuine message still works afterwards (DoS resistance).
 * That copy and the message being written are one static scratch area, so
 * pci_handshake_write/read are not reentrant: callers hold the platform lock.
 */
#ifndef PC_HANDSHAKE_H
#define PC_HANDSHAKE_H

#include <stddef.h>
#include <stdint.h>

#include "phone_crypto_api.h"
#include "split.h"
#include "symmetric_state.h"

/* Local static key owned by a key store, or (self-test, test hooks) held here. */
#define PC_STORE_NONE (-1)

typedef struct pc_local_static {
    int32_t store;      /* key store handle, or PC_STORE_NONE: secret below */
    uint8_t secret[PC_KEY_LEN]; /* only when store == PC_STORE_NONE */
    uint8_t pub[PC_KEY_LEN];
} pc_local_static;

/* Explicit state, checked at the top of every step (printable names for
 * test failures: pc_test_hs_state_name, test builds only). */
typedef enum pc_hs_state {
    PC_HSS_UNUSED = 0,  /* zeroed / wiped */
    PC_HSS_NEED_PSK,    /* IKpsk2: the PSK must be set before this side writes */
    PC_HSS_WRITE,       /* next: write a message */
    PC_HSS_READ,        /* next: read a message */
    PC_HSS_DONE         /* all messages done: split */
} pc_hs_state;

/* Hybrid step (api_kem.c): NONE, or the initiator holds its ML-KEM key
 * (OFFERED), or the KEM secret is in ck (MIXED). */
typedef enum pc_hs_kem_state {
    PC_HS_KEM_NONE = 0,
    PC_HS_KEM_OFFERED,
    PC_HS_KEM_MIXED
} pc_hs_kem_state;

struct pc_pattern_def; /* handshake.c: the pattern's name and token table */

typedef struct pc_handshake {
    const struct pc_pattern_def *def; /* set by init; NULL while unused */
    uint8_t pattern;    /* enum pc_pattern */
    uint8_t role;       /* enum pc_role */
    uint8_t state;      /* pc_hs_state */
    uint8_t msg_index;  /* next message of the pattern */
    pc_symmetric_state ss;
    pc_local_static s;
    uint8_t e[PC_KEY_LEN];      /* local ephemeral secret: wiped after its last DH */
    uint8_t e_pub[PC_KEY_LEN];
    uint8_t e_rs[PC_KEY_LEN];   /* DH(e, rs) done in idle time (precompute.h): wiped when used */
    uint8_t re[PC_KEY_LEN];
    uint8_t rs[PC_KEY_LEN];
    uint8_t psk[PC_KEY_LEN];    /* wiped once the psk token has used it */
    uint8_t has_e, has_re, has_rs, psk_set;
    uint8_t has_e_rs;   /* e is a bound ephemeral and e_rs holds its DH with rs */
    uint32_t psk_generation;
    uint8_t kem_state;  /* pc_hs_kem_state: hybrid (ML-KEM-768) step, api_kem.c */
    int32_t kem_key;    /* kem_table handle while kem_state is OFFERED */
#ifdef PC_TEST_HOOKS
    uint8_t fixed_e[PC_KEY_LEN]; /* vectors: ephemeral to use instead of the pool */
    uint8_t has_fixed_e;
#endif
} pc_handshake;

/* Initialize(pattern, role, prologue, s, rs). rs: 32 bytes for IK/IKpsk2
 * initiators, NULL otherwise. PC_E_ARG for any other combination. */
int pci_handshake_init(pc_handshake *hs, int pattern, int role, const uint8_t *prologue,
                      size_t prologue_len, const pc_local_static *s, const uint8_t *rs);

/* IKpsk2 only, once, before the message that uses it. PC_E_STATE otherwise. */
int pci_handshake_set_psk(pc_handshake *hs, const uint8_t psk[PC_KEY_LEN], uint32_t generation);

/* WriteMessage: out gets the message (at most PC_MAX_HS_MSG_LEN bytes).
 * PC_E_STATE, PC_E_ARG (payload too long for one message), PC_E_SPACE,
 * PC_E_BAD_KEY, PC_E_RNG; out is untouched on failure. */
int pci_handshake_write(pc_handshake *hs, const uint8_t *payload, size_t payload_len,
                       uint8_t *out, size_t out_cap, size_t *out_len);

/* ReadMessage: payload gets the decrypted payload. PC_E_STATE,
 * PC_E_MALFORMED (too short / too long), PC_E_SPACE (payload buffer),
 * PC_E_AUTH, PC_E_BAD_KEY; hs and payload are untouched on failure. */
int pci_handshake_read(pc_handshake *hs, const uint8_t *msg, size_t len, uint8_t *payload,
                      size_t payload_cap, size_t *payload_len);

/* Split() and the phone's extra keys (split.h) of a finished handshake. */
int pci_handshake_split(const pc_handshake *hs, pc_split_result *out);

/* Length of the next message for a payload of that size (0 if not writing). */
size_t pci_handshake_message_len(const pc_handshake *hs, size_t payload_len);

void pci_handshake_wipe(pc_handshake *hs);

#endif /* PC_HANDSHAKE_H */
