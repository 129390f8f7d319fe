// SPDX-License-Identifier: MIT
/*
 * precompute.h - key-exchange work done before a call needs it (issue 11):
 *
 *   ss cache   DH(s_local, s_contact) per contact, computed once (idle time,
 *              or learned when a handshake computed it anyway) and reused;
 *   bindings   for the hot contacts (the N most frequently / recently called,
 *              tracked here from finished handshakes), one pool ephemeral
 *              bound to the contact with DH(e, s_contact) already done: es
 *              when this phone calls, se when it answers. A binding is used
 *              by at most one handshake, only with that contact, and wiped
 *              when taken or dropped.
 *
 * Both tables are static and bounded (pc_limits.h: PC_PRECOMP_CONTACTS hot
 * contacts with ss and a binding each, PC_PRECOMP_SS_LRU more ss values for
 * recently used contacts). Entries are keyed by (store handle, contact
 * static key); the key store drops them on forget, pin, close and factory
 * reset. Secrets never leave native memory. Callers hold the platform lock.
 * None of this changes a byte on the wire: only when the DHs run.
 */
#ifndef PC_PRECOMPUTE_H
#define PC_PRECOMPUTE_H

#include <stdint.h>

/* 1 and out = the cached DH(s_local, rs), or 0 (not cached: compute it). */
int pci_precomp_ss(int32_t store, const uint8_t rs[32], uint8_t out[32]);

/* A handshake computed ss for rs: kept (least recently used entry replaced)
 * when rs is a contact pinned in store, else ignored. */
void pci_precomp_ss_learned(int32_t store, const uint8_t rs[32], const uint8_t ss[32]);

/* 1 and the ephemeral bound to rs with its precomputed DH(e, rs), the
 * binding wiped from the table; or 0 (no binding: use the pool). */
int pci_precomp_take(int32_t store, const uint8_t rs[32], uint8_t e[32], uint8_t e_pub[32],
                     uint8_t e_rs[32]);

/* A handshake with rs finished: rs counts as called (frequency, recency) if
 * it is a pinned contact; a new hot contact may replace the coldest. */
void pci_precomp_note_call(int32_t store, const uint8_t rs[32]);

/* Idle time (pc_pool_refill): per store, the first hot contact lacking its
 * ss or a bound ephemeral gets both (at most 2 DH per store and call).
 * 0, or PC_E_RNG. */
int pci_precomp_idle(void);

/* Contact forgotten or (re)pinned: its binding and ss are wiped. */
void pci_precomp_forget(int32_t store, const uint8_t pub[32]);

/* Store closed or factory reset: everything of that store is wiped. */
void pci_precomp_drop_store(int32_t store);

/* How many hot contacts get bindings, 0..PC_PRECOMP_CONTACTS (default the
 * maximum). 0 turns precomputation off (ss cache included): every handshake
 * then does all its DHs itself, as the benchmarks' "cold" rows need. Entries
 * beyond the new limit are wiped. */
void pci_precomp_set_limit(int contacts);

/* Everything wiped (soft reboot, tests). */
void pci_precomp_wipe_all(void);

#ifdef PC_TEST_HOOKS
/* Test-only: a hot entry for (store, rs) with the given ss and binding. */
int pci_precomp_install(int32_t store, const uint8_t rs[32], const uint8_t ss[32],
                        const uint8_t e[32]);
/* 1 and e_pub (may be NULL) of the binding for rs, or 0. */
int pci_precomp_bound(int32_t store, const uint8_t rs[32], uint8_t e_pub[32]);
/* 1 if ss for rs is cached (hot or LRU), else 0. */
int pci_precomp_ss_held(int32_t store, const uint8_t rs[32]);
#endif

#endif /* PC_PRECOMPUTE_H */
