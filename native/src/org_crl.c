// SPDX-License-Identifier: MIT
/* org_crl.c - parse and verify the organisation's revocation list (org_crl.h). */
#include "org_crl.h"

#include <string.h>

#include "backend.h"
#include "bytes_le.h"
#include "ed25519_strict.h"

enum {
    OFF_VERSION = 0,
    OFF_COUNT = 1,
    OFF_ORG_ID = 2,
    OFF_LIST_VERSION = OFF_ORG_ID + PC_CERT_ORG_ID_LEN,
    OFF_ISSUED_AT = OFF_LIST_VERSION + 4,
    OFF_SERIALS = OFF_ISSUED_AT + 8
};

typedef char pc_check_crl_header[(OFF_SERIALS == PC_CRL_HEADER_LEN) ? 1 : -1];

size_t pci_crl_signed_message(uint8_t *msg, const uint8_t *body, size_t body_len)
{
    if (msg == NULL || body == NULL || body_len > PC_ORG_CRL_MAX - PC_CERT_SIG_LEN)
        return 0;
    memcpy(msg, PC_CRL_SIGN_LABEL, PC_CRL_SIGN_LABEL_LEN);
    memcpy(msg + PC_CRL_SIGN_LABEL_LEN, body, body_len);
    return PC_CRL_SIGN_LABEL_LEN + body_len;
}

size_t pci_crl_encode_body(uint8_t *body, size_t cap, const uint8_t org_id[PC_CERT_ORG_ID_LEN],
                           uint32_t list_version, uint64_t issued_at, const uint64_t *serials,
                           size_t count)
{
    size_t len = PC_CRL_HEADER_LEN + 8 * count;
    if (body == NULL || org_id == NULL || count > PC_ORG_CRL_MAX_SERIALS || cap < len
        || (count > 0 && serials == NULL))
        return 0;
    body[OFF_VERSION] = PC_CRL_VERSION;
    body[OFF_COUNT] = (uint8_t)count;
    memcpy(body + OFF_ORG_ID, org_id, PC_CERT_ORG_ID_LEN);
    pci_store_le32(body + OFF_LIST_VERSION, list_version);
    pci_store_le64(body + OFF_ISSUED_AT, issued_at);
    for (size_t i = 0; i < count; i++)
        pci_store_le64(body + OFF_SERIALS + 8 * i, serials[i]);
    return len;
}

static int check_structure(const uint8_t *crl, size_t len)
{
    if (len > PC_ORG_CRL_MAX)
        return PC_E_CERT_OVERSIZED;
    if (len < PC_CRL_MIN_LEN)
        return PC_E_CERT_TRUNCATED;
    if (crl[OFF_VERSION] != PC_CRL_VERSION)
        return PC_E_CERT_VERSION;
    size_t count = crl[OFF_COUNT];
    if (count > PC_ORG_CRL_MAX_SERIALS)
        return PC_E_CERT_OVERSIZED;
    size_t expected = PC_CRL_HEADER_LEN + 8 * count + PC_CERT_SIG_LEN;
    if (len < expected)
        return PC_E_CERT_TRUNCATED;
    if (len > expected)
        return PC_E_CERT_OVERSIZED;
    if (pci_load_le32(crl + OFF_LIST_VERSION) == 0)
        return PC_E_CERT_VERSION;
    return PC_OK;
}

int pci_crl_verify(pc_crl_view *out, const uint8_t *crl, size_t len, const pc_org_anchor *org)
{
    static uint8_t msg[PC_CRL_SIGN_LABEL_LEN + PC_ORG_CRL_MAX]; /* static: bounded stack */
    if (out == NULL || crl == NULL || org == NULL)
        return PC_E_ARG;
    int rc = check_structure(crl, len);
    if (rc != PC_OK)
        return rc;
    if (!pci_be_equal(crl + OFF_ORG_ID, org->org_id, PC_CERT_ORG_ID_LEN))
        return PC_E_CERT_WRONG_ORG;
    size_t body_len = len - PC_CERT_SIG_LEN;
    size_t msg_len = pci_crl_signed_message(msg, crl, body_len);
    if (!pci_ed25519_verify(crl + body_len, msg, msg_len, org->public_key))
        return PC_E_CERT_SIGNATURE;
    out->list_version = pci_load_le32(crl + OFF_LIST_VERSION);
    out->issued_at = pci_load_le64(crl + OFF_ISSUED_AT);
    out->count = crl[OFF_COUNT];
    out->serials = crl + OFF_SERIALS;
    return PC_OK;
}

int pci_crl_contains(const pc_crl_view *crl, uint64_t serial)
{
    int found = 0;
    for (size_t i = 0; i < crl->count; i++)
        found |= pci_load_le64(crl->serials + 8 * i) == serial;
    return found;
}
