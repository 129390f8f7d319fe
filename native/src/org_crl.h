// SPDX-License-Identifier: MIT
/*
 * org_crl.h - the organisation's signed revocation list (docs/protocol.md
 * §18.2): a monotonic version, an issue time and the revoked serials, signed
 * with the organisation key. Bounded parser, no allocation; output written
 * only when every check passed.
 *
 *   offset  size  field
 *        0     1  format version (1)
 *        1     1  n, the number of serials, 0..PC_ORG_CRL_MAX_SERIALS
 *        2    16  organisation id
 *       18     4  list version, LE (monotonic; 1 is the first list)
 *       22     8  issued at: seconds since 1970-01-01 UTC, LE
 *       30   8*n  revoked serials, LE
 *   30+8n     64  Ed25519 signature over "phone/v1/org-crl" 0x00 || bytes [0, 30+8n)
 */
#ifndef PC_ORG_CRL_H
#define PC_ORG_CRL_H

#include <stddef.h>
#include <stdint.h>

#include "cert.h"
#include "phone_crypto_api.h"

#define PC_CRL_VERSION 1
#define PC_CRL_HEADER_LEN 30
#define PC_CRL_MIN_LEN (PC_CRL_HEADER_LEN + PC_CERT_SIG_LEN)
#define PC_CRL_SIGN_LABEL "phone/v1/org-crl"
#define PC_CRL_SIGN_LABEL_LEN 17 /* strlen + the zero byte */

typedef char pc_check_crl_max[
    (PC_CRL_HEADER_LEN + 8 * PC_ORG_CRL_MAX_SERIALS + PC_CERT_SIG_LEN == PC_ORG_CRL_MAX) ? 1 : -1];

typedef struct pc_crl_view {
    uint32_t list_version;
    uint64_t issued_at;
    uint8_t count;
    const uint8_t *serials; /* count * 8 bytes LE, inside the checked buffer */
} pc_crl_view;

/* Checks crl[0..len) against the organisation: PC_OK and *out (pointing into
 * crl), or PC_E_CERT_TRUNCATED / _OVERSIZED / _VERSION / _WRONG_ORG /
 * _SIGNATURE, in that order. A list version of 0 is refused (_VERSION). */
int pci_crl_verify(pc_crl_view *out, const uint8_t *crl, size_t len, const pc_org_anchor *org);

/* 1 if serial is on the (verified) list. */
int pci_crl_contains(const pc_crl_view *crl, uint64_t serial);

/* Encodes a list body (everything before the signature): its length, or 0
 * if count is out of range or cap too small. For the tests and tools. */
size_t pci_crl_encode_body(uint8_t *body, size_t cap, const uint8_t org_id[PC_CERT_ORG_ID_LEN],
                           uint32_t list_version, uint64_t issued_at, const uint64_t *serials,
                           size_t count);

/* The signed message for body[0..body_len): label, zero byte, body. msg
 * holds PC_CRL_SIGN_LABEL_LEN + PC_ORG_CRL_MAX bytes; returns its length. */
size_t pci_crl_signed_message(uint8_t *msg, const uint8_t *body, size_t body_len);

#endif /* PC_ORG_CRL_H */
