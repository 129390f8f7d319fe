// SPDX-License-Identifier: MIT
/*
 * cert.h - the phone certificate (docs/protocol.md "Phone certificate"):
 * an organisation's Ed25519 signature vouching for a phone's X25519 identity.
 * Specified, not yet on the wire. The parser is bounded (PC_CERT_MAX_LEN),
 * allocates nothing and writes its output only when every check passed.
 */
#ifndef PC_CERT_H
#define PC_CERT_H

#include <stddef.h>
#include <stdint.h>

#define PC_CERT_VERSION 1
#define PC_CERT_ORG_ID_LEN 16
#define PC_CERT_NAME_MAX 32 /* bytes of UTF-8 */
#define PC_CERT_SIG_LEN 64
/* version, name length, org id, serial, not-before, not-after, identity key */
#define PC_CERT_HEADER_LEN (1 + 1 + PC_CERT_ORG_ID_LEN + 8 + 8 + 8 + 32)
#define PC_CERT_MIN_LEN (PC_CERT_HEADER_LEN + 1 + PC_CERT_SIG_LEN)
#define PC_CERT_MAX_LEN (PC_CERT_HEADER_LEN + PC_CERT_NAME_MAX + PC_CERT_SIG_LEN)
/* The signature covers this label (with its terminating zero byte) followed
 * by every certificate byte before the signature. */
#define PC_CERT_SIGN_LABEL "phone/v1/org-cert"
#define PC_CERT_SIGN_LABEL_LEN 18 /* strlen + the zero byte */
#define PC_CERT_MESSAGE_MAX (PC_CERT_SIGN_LABEL_LEN + PC_CERT_MAX_LEN - PC_CERT_SIG_LEN)

/* Why a certificate was refused; 0 is accepted. */
typedef enum pc_cert_status {
    PC_CERT_OK = 0,
    PC_CERT_E_TRUNCATED = -1,     /* shorter than its own name length says */
    PC_CERT_E_OVERSIZED = -2,     /* longer than PC_CERT_MAX_LEN or than its name length says */
    PC_CERT_E_BAD_VERSION = -3,   /* version byte other than PC_CERT_VERSION */
    PC_CERT_E_NAME_INVALID = -4,  /* empty, too long, not UTF-8, or a control character */
    PC_CERT_E_WRONG_ORG = -5,     /* organisation id is not the trusted organisation's */
    PC_CERT_E_BAD_SIGNATURE = -6, /* the organisation's key did not sign these bytes */
    PC_CERT_E_BAD_VALIDITY = -7,  /* not-after earlier than not-before */
    PC_CERT_E_NOT_YET_VALID = -8, /* now < not-before */
    PC_CERT_E_EXPIRED = -9,       /* now > not-after */
    PC_CERT_E_ARG = -10           /* a null pointer */
} pc_cert_status;

/* The organisation a phone trusts: its id and its Ed25519 public key. */
typedef struct pc_org_anchor {
    uint8_t org_id[PC_CERT_ORG_ID_LEN];
    uint8_t public_key[32];
} pc_org_anchor;

/* A certificate's fields. name is not zero-terminated (name_len bytes). */
typedef struct pc_cert {
    uint8_t org_id[PC_CERT_ORG_ID_LEN];
    uint64_t serial;
    uint64_t not_before; /* seconds since 1970-01-01 UTC, inclusive */
    uint64_t not_after;  /* inclusive */
    uint8_t identity[32]; /* the phone's X25519 identity public key */
    uint8_t name_len;
    uint8_t name[PC_CERT_NAME_MAX];
} pc_cert;

/* Checks cert[0..len) against the anchor at time now and, only if it is
 * accepted, writes its fields to *out. Returns a pc_cert_status. */
int pci_cert_verify(pc_cert *out, const uint8_t *cert, size_t len, const pc_org_anchor *org,
                    uint64_t now);

/* Encodes the fields as a certificate without its signature (the bytes the
 * signature follows): returns the length, or 0 if the name is invalid or
 * cap is too small. Used by the issuing side and the tests. */
size_t pci_cert_encode_body(uint8_t *body, size_t cap, const pc_cert *fields);

/* The message the organisation signs for body[0..body_len): the label then
 * the body. msg holds PC_CERT_MESSAGE_MAX bytes; returns the length, or 0
 * if body_len is out of range. */
size_t pci_cert_signed_message(uint8_t msg[PC_CERT_MESSAGE_MAX], const uint8_t *body,
                               size_t body_len);

/* 1 if name[0..len) is a display name a phone may show: 1..PC_CERT_NAME_MAX
 * bytes of shortest-form UTF-8 (no surrogates, at most U+10FFFF) with no C0,
 * DEL or C1 control character. */
int pci_cert_name_valid(const uint8_t *name, size_t len);

#endif /* PC_CERT_H */
