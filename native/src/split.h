// SPDX-License-Identifier: MIT
/*
 * split.h - what a finished handshake hands to a session (handshake.c
 * produces it, transport.c consumes it). All of it stays native.
 */
#ifndef PC_SPLIT_H
#define PC_SPLIT_H

#include <stdint.h>

typedef struct pc_split_result {
    uint8_t k_i2r[32];          /* Split(): initiator -> responder key */
    uint8_t k_r2i[32];          /* Split(): responder -> initiator key */
    uint8_t root[32];           /* chain for in-call DH re-keys */
    uint8_t resumption[32];     /* PSK of the next call to this peer */
    uint8_t remote_static[32];
    uint8_t handshake_hash[64];
    uint8_t role;               /* PC_ROLE_* of this side */
    uint8_t has_remote_static;
    uint32_t psk_generation;    /* generation used as PSK (0 = none) */
    uint8_t hybrid;             /* 1: an ML-KEM secret is in ck (pc_hs_kem_*, XX only) */
} pc_split_result;

/* root and resumption derive from the final chaining key ck (protocol.md):
 *   root       = HKDF(ck, "phone/v1/root", 2).output1
 *   resumption = HKDF(ck, "phone/v1/root", 2).output2
 * k_i2r/k_r2i are Noise's Split() unchanged, so vectors stay byte exact. */
#define PC_SPLIT_LABEL "phone/v1/root"

#endif /* PC_SPLIT_H */
