// SPDX-License-Identifier: MIT
/*
 * fuzz_org_sign.h - shared by the certificate and revocation-list fuzzers:
 * turns fuzz bytes into a document the organisation really signed, so the
 * parser's paths behind the signature check get reached too.
 */
#ifndef FUZZ_ORG_SIGN_H
#define FUZZ_ORG_SIGN_H

#include <sodium.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FUZZ_SIG_LEN 64

/* Builds the signed message (label || body) into msg: its length, 0 if the
 * body is longer than any document of the kind. */
typedef size_t (*fuzz_signed_message)(uint8_t *msg, const uint8_t *body, size_t len);

/* body || signature into out (at most cap bytes: one more than the largest
 * document, so "oversized" stays reachable); returns the length. A body no
 * document can have gets a zero signature instead. */
static inline size_t fuzz_sign_body(uint8_t *out, size_t cap, const uint8_t *body, size_t len,
                                    fuzz_signed_message message, uint8_t *msg,
                                    const uint8_t secret[64])
{
    size_t max_body = cap - FUZZ_SIG_LEN;
    len = len < max_body ? len : max_body;
    memcpy(out, body, len);
    size_t msg_len = message(msg, body, len);
    if (msg_len == 0)
        memset(out + len, 0, FUZZ_SIG_LEN);
    else
        crypto_sign_detached(out + len, NULL, msg, msg_len, secret);
    return len + FUZZ_SIG_LEN;
}

#endif /* FUZZ_ORG_SIGN_H */
