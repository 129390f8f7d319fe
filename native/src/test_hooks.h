// SPDX-License-Identifier: MIT
/*
 * test_hooks.h - test-build-only access (PC_TEST_HOOKS): handshakes with
 * fixed keys so the published Noise vectors replay byte for byte, and a
 * look at state the API deliberately keeps native. Never in the library
 * the firmware loads (native/CMakeLists.txt builds it only into
 * phonecrypto_testhooks). These calls skip the self-test gate but take the
 * table lock.
 */
#ifndef PC_TEST_HOOKS_H
#define PC_TEST_HOOKS_H

#ifdef PC_TEST_HOOKS

#include <stddef.h>
#include <stdint.h>

#include "split.h"

#ifdef __cplusplus
extern "C" {
#endif

/* New handshake with the local static secret s_priv (NULL: random), the
 * first ephemeral fixed to e_priv (NULL: from the pool), the responder's
 * static rs (IK/IKpsk2 initiators) and the PSK (IKpsk2; generation 1).
 * Returns a handshake handle for the ordinary pc_hs_* calls. */
int32_t pc_test_hs_new(int pattern, int role, const uint8_t *prologue, size_t plen,
                       const uint8_t *s_priv, const uint8_t *e_priv, const uint8_t *rs,
                       const uint8_t *psk);

/* Split() and the phone keys of a finished handshake, without consuming it
 * (tests build CipherStates from k_i2r/k_r2i to replay transport messages). */
int pc_test_hs_split(int32_t hs, pc_split_result *out);

/* 1 while the handshake holds its ephemeral secret (non-zero bytes), 0 once
 * wiped, PC_E_HANDLE for a bad handle. */
int pc_test_hs_ephemeral_held(int32_t hs);

/* Printable internal state ("write", "need-psk", ...), or "bad-handle". */
const char *pc_test_hs_state_name(int32_t hs);

/* ---- precomputed key exchange (precompute.h; test_hooks_precomp.c) ---- */
/* A hot entry for handshakes from pc_test_hs_new with local secret s_priv
 * and peer rs: ss = DH(s_priv, rs) cached, e_priv bound to rs. PC_OK. */
int pc_test_precomp_install(const uint8_t *s_priv, const uint8_t *rs, const uint8_t *e_priv);
/* 1 while an ephemeral is bound to rs in store (its public key into e_pub
 * unless NULL), else 0. Store -1: entries of pc_test_precomp_install. */
int pc_test_precomp_bound(int32_t store, const uint8_t *rs, uint8_t *e_pub);
/* 1 while ss for rs in store is cached (hot or LRU table), else 0. */
int pc_test_precomp_ss_cached(int32_t store, const uint8_t *rs);
/* pci_precomp_set_limit: hot contacts 0 (off) .. PC_PRECOMP_CONTACTS. */
void pc_test_precomp_limit(int contacts);
/* Every table wiped, the limit back to its default. */
void pc_test_precomp_wipe(void);
/* X25519 operations so far (pci_be_x25519_count). */
uint32_t pc_test_x25519_count(void);

#ifdef __cplusplus
}
#endif

#endif /* PC_TEST_HOOKS */
#endif /* PC_TEST_HOOKS_H */
