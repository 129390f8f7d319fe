// SPDX-License-Identifier: MIT
/*
 * fuzz_kem_input.c - libFuzzer target for the hybrid pairing's two inputs from
 * the peer: the ML-KEM-768 public key the responder encapsulates to
 * (pc_hs_kem_accept: length and FIPS 203 §7.2 coefficient check) and the
 * ciphertext the initiator decapsulates (pc_hs_kem_finish: length check, then
 * implicit rejection).
 *
 * Input: byte 0 picks the side (even: public key to the responder, odd:
 * ciphertext to the initiator); the rest is the peer's value. Besides the
 * sanitizers, the target checks the promise of both calls: a refused input
 * leaves the handshake hash unchanged and the genuine value still works.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "phone_crypto_api.h"
#include "test_hooks.h"

static uint8_t s_pk[PC_KEM_PUBLIC_LEN], s_ct[PC_KEM_CIPHERTEXT_LEN];
static uint8_t s_msg[PC_MAX_HS_MSG_LEN], s_payload[PC_MAX_HS_MSG_LEN];

static void require(int ok)
{
    if (!ok)
        abort();
}

/* XX pair after message 1 (the point where the KEM runs). */
static void after_message_1(int32_t *i, int32_t *r)
{
    *i = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, NULL, NULL, NULL);
    *r = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, NULL, NULL, NULL);
    require(*i >= 0 && *r >= 0);
    int32_t n = pc_hs_write(*i, NULL, 0, s_msg, (int32_t)sizeof s_msg, 0);
    require(n > 0);
    require(pc_hs_read(*r, s_msg, (int32_t)sizeof s_msg, 0, n, s_payload, (int32_t)sizeof s_payload) >= 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    uint8_t before[PC_HASH_LEN], after[PC_HASH_LEN];
    int32_t i, r;

    if (!ready) {
        require(pc_selftest() == PC_OK);
        ready = 1;
    }
    if (size < 1 || size > 4096)
        return 0;
    const uint8_t *value = data + 1;
    int32_t len = (int32_t)(size - 1);
    after_message_1(&i, &r);
    require(pc_hs_kem_offer(i, s_pk, (int32_t)sizeof s_pk) == PC_KEM_PUBLIC_LEN);
    if ((data[0] & 1) == 0) {
        require(pc_hs_hash(r, before, (int32_t)sizeof before) == PC_HASH_LEN);
        int32_t rc = pc_hs_kem_accept(r, len ? value : NULL, len, s_ct, (int32_t)sizeof s_ct);
        require(rc == PC_KEM_CIPHERTEXT_LEN || rc == PC_E_MALFORMED);
        if (rc == PC_E_MALFORMED) {
            require(pc_hs_hash(r, after, (int32_t)sizeof after) == PC_HASH_LEN);
            require(memcmp(before, after, sizeof before) == 0);
            require(pc_hs_kem_accept(r, s_pk, (int32_t)sizeof s_pk, s_ct, (int32_t)sizeof s_ct)
                    == PC_KEM_CIPHERTEXT_LEN);
        }
    } else {
        require(pc_hs_kem_accept(r, s_pk, (int32_t)sizeof s_pk, s_ct, (int32_t)sizeof s_ct)
                == PC_KEM_CIPHERTEXT_LEN);
        require(pc_hs_hash(i, before, (int32_t)sizeof before) == PC_HASH_LEN);
        int32_t rc = pc_hs_kem_finish(i, len ? value : NULL, len);
        require(rc == PC_OK || rc == PC_E_MALFORMED);
        if (rc == PC_E_MALFORMED) {
            require(pc_hs_hash(i, after, (int32_t)sizeof after) == PC_HASH_LEN);
            require(memcmp(before, after, sizeof before) == 0);
            require(pc_hs_kem_finish(i, s_ct, (int32_t)sizeof s_ct) == PC_OK);
        }
    }
    pc_hs_free(i);
    pc_hs_free(r);
    return 0;
}
