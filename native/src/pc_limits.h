// SPDX-License-Identifier: MIT
/*
 * pc_limits.h - sizes of the static tables. Defaults fit a desk phone (one
 * identity store); the host library raises PC_MAX_STORES so tests and the
 * simulator can run several phones in one process. docs/performance.md
 * states the static RAM this costs.
 */
#ifndef PC_LIMITS_H
#define PC_LIMITS_H

#ifndef PC_MAX_STORES
#define PC_MAX_STORES 1
#endif
#ifndef PC_MAX_HANDSHAKES
#define PC_MAX_HANDSHAKES 4
#endif
#ifndef PC_MAX_SESSIONS
#define PC_MAX_SESSIONS 4
#endif
#ifndef PC_POOL_SIZE
#define PC_POOL_SIZE 4
#endif
/* ML-KEM-768 decapsulation keys held by hybrid pairings in flight (2,400 B
 * each): a phone runs one pairing at a time. */
#ifndef PC_MAX_KEM_KEYS
#define PC_MAX_KEM_KEYS 1
#endif
/* Precomputed key exchange (precompute.h): hot contacts, each holding ss and
 * one bound ephemeral (176 B), and recently used contacts holding ss only
 * (76 B). docs/device.md sizes them against the device's RAM. */
#ifndef PC_PRECOMP_CONTACTS
#define PC_PRECOMP_CONTACTS 8
#endif
#ifndef PC_PRECOMP_SS_LRU
#define PC_PRECOMP_SS_LRU 8
#endif
/* Contacts of a store: a desk phone's book (Yealink T5x: 1,000). Each is a
 * flash record; RAM holds only its index entry (book_index.h). */
#ifndef PC_MAX_CONTACTS
#define PC_MAX_CONTACTS 1000
#endif

#endif /* PC_LIMITS_H */
