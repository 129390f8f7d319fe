// SPDX-License-Identifier: MIT
/*
 * cert.c - parse and verify a phone certificate (layout in cert.h and
 * docs/protocol.md). Structure first, then the organisation, the name, the
 * signature, and last the validity period, so a time error is only ever
 * reported for a certificate the organisation really signed. The output is
 * written once, at the end, after every check passed.
 */
#include "cert.h"

#include <string.h>

#include "backend.h"
#include "bytes_le.h"
#include "ed25519_strict.h"

enum {
    OFF_VERSION = 0,
    OFF_NAME_LEN = 1,
    OFF_ORG_ID = 2,
    OFF_SERIAL = OFF_ORG_ID + PC_CERT_ORG_ID_LEN,
    OFF_NOT_BEFORE = OFF_SERIAL + 8,
    OFF_NOT_AFTER = OFF_NOT_BEFORE + 8,
    OFF_IDENTITY = OFF_NOT_AFTER + 8,
    OFF_NAME = OFF_IDENTITY + 32
};

typedef char pc_check_header_len[(OFF_NAME == PC_CERT_HEADER_LEN) ? 1 : -1];

size_t pci_cert_signed_message(uint8_t msg[PC_CERT_MESSAGE_MAX], const uint8_t *body,
                               size_t body_len)
{
    if (msg == NULL || body == NULL || body_len > PC_CERT_MAX_LEN - PC_CERT_SIG_LEN)
        return 0;
    memcpy(msg, PC_CERT_SIGN_LABEL, PC_CERT_SIGN_LABEL_LEN); /* with its zero byte */
    memcpy(msg + PC_CERT_SIGN_LABEL_LEN, body, body_len);
    return PC_CERT_SIGN_LABEL_LEN + body_len;
}

size_t pci_cert_encode_body(uint8_t *body, size_t cap, const pc_cert *f)
{
    if (body == NULL || f == NULL || !pci_cert_name_valid(f->name, f->name_len)
        || cap < (size_t)PC_CERT_HEADER_LEN + f->name_len)
        return 0;
    body[OFF_VERSION] = PC_CERT_VERSION;
    body[OFF_NAME_LEN] = f->name_len;
    memcpy(body + OFF_ORG_ID, f->org_id, PC_CERT_ORG_ID_LEN);
    pci_store_le64(body + OFF_SERIAL, f->serial);
    pci_store_le64(body + OFF_NOT_BEFORE, f->not_before);
    pci_store_le64(body + OFF_NOT_AFTER, f->not_after);
    memcpy(body + OFF_IDENTITY, f->identity, 32);
    memcpy(body + OFF_NAME, f->name, f->name_len);
    return (size_t)PC_CERT_HEADER_LEN + f->name_len;
}

/* The length checks: the size bounds, the version, then the length the name
 * length byte implies. */
static int check_structure(const uint8_t *cert, size_t len)
{
    if (len > PC_CERT_MAX_LEN)
        return PC_CERT_E_OVERSIZED;
    if (len < PC_CERT_MIN_LEN)
        return PC_CERT_E_TRUNCATED;
    if (cert[OFF_VERSION] != PC_CERT_VERSION)
        return PC_CERT_E_BAD_VERSION;
    size_t name_len = cert[OFF_NAME_LEN];
    if (name_len == 0 || name_len > PC_CERT_NAME_MAX)
        return PC_CERT_E_NAME_INVALID;
    size_t expected = PC_CERT_HEADER_LEN + name_len + PC_CERT_SIG_LEN;
    if (len < expected)
        return PC_CERT_E_TRUNCATED;
    if (len > expected)
        return PC_CERT_E_OVERSIZED;
    return PC_CERT_OK;
}

static int check_validity(uint64_t not_before, uint64_t not_after, uint64_t now)
{
    if (not_after < not_before)
        return PC_CERT_E_BAD_VALIDITY;
    if (now < not_before)
        return PC_CERT_E_NOT_YET_VALID;
    if (now > not_after)
        return PC_CERT_E_EXPIRED;
    return PC_CERT_OK;
}

int pci_cert_verify(pc_cert *out, const uint8_t *cert, size_t len, const pc_org_anchor *org,
                    uint64_t now)
{
    uint8_t msg[PC_CERT_MESSAGE_MAX];
    if (out == NULL || cert == NULL || org == NULL)
        return PC_CERT_E_ARG;
    int rc = check_structure(cert, len);
    if (rc != PC_CERT_OK)
        return rc;
    size_t name_len = cert[OFF_NAME_LEN];
    size_t body_len = PC_CERT_HEADER_LEN + name_len;
    if (!pci_be_equal(cert + OFF_ORG_ID, org->org_id, PC_CERT_ORG_ID_LEN))
        return PC_CERT_E_WRONG_ORG;
    if (!pci_cert_name_valid(cert + OFF_NAME, name_len))
        return PC_CERT_E_NAME_INVALID;
    size_t msg_len = pci_cert_signed_message(msg, cert, body_len);
    if (!pci_ed25519_verify(cert + body_len, msg, msg_len, org->public_key))
        return PC_CERT_E_BAD_SIGNATURE;
    uint64_t not_before = pci_load_le64(cert + OFF_NOT_BEFORE);
    uint64_t not_after = pci_load_le64(cert + OFF_NOT_AFTER);
    rc = check_validity(not_before, not_after, now);
    if (rc != PC_CERT_OK)
        return rc;

    pc_cert parsed;
    memset(&parsed, 0, sizeof parsed);
    memcpy(parsed.org_id, cert + OFF_ORG_ID, PC_CERT_ORG_ID_LEN);
    parsed.serial = pci_load_le64(cert + OFF_SERIAL);
    parsed.not_before = not_before;
    parsed.not_after = not_after;
    memcpy(parsed.identity, cert + OFF_IDENTITY, 32);
    parsed.name_len = (uint8_t)name_len;
    memcpy(parsed.name, cert + OFF_NAME, name_len);
    memcpy(out, &parsed, sizeof parsed);
    return PC_CERT_OK;
}
