// SPDX-License-Identifier: MIT
/*
 * api_org.c - the exported pc_org_* functions: organisation trust
 * (docs/protocol.md §18). Each call loads the sealed organisation record
 * (org_record.c), checks what it was given against it, and writes the
 * record back only when something it holds changes. Nothing here is secret:
 * the record is sealed against tampering, not for confidentiality.
 */
#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "bytes_le.h"
#include "cert.h"
#include "hs_table.h"
#include "handshake.h"
#include "keystore_state.h"
#include "org_crl.h"
#include "org_record.h"

#define CERT_NOT_BEFORE_OFFSET 26 /* cert.h layout: 1 + 1 + 16 + 8 */

/* One record in flight (the API lock serialises callers); static, not on
 * the interop thread's small stack. */
static pc_org_record s_rec;

/* pc_cert_status -> PC_E_CERT_* */
static int32_t cert_error(int status)
{
    switch (status) {
    case PC_CERT_OK: return PC_OK;
    case PC_CERT_E_TRUNCATED: return PC_E_CERT_TRUNCATED;
    case PC_CERT_E_OVERSIZED: return PC_E_CERT_OVERSIZED;
    case PC_CERT_E_BAD_VERSION: return PC_E_CERT_VERSION;
    case PC_CERT_E_NAME_INVALID: return PC_E_CERT_NAME;
    case PC_CERT_E_WRONG_ORG: return PC_E_CERT_WRONG_ORG;
    case PC_CERT_E_BAD_SIGNATURE: return PC_E_CERT_SIGNATURE;
    case PC_CERT_E_BAD_VALIDITY: return PC_E_CERT_VALIDITY;
    case PC_CERT_E_NOT_YET_VALID: return PC_E_CERT_NOT_YET_VALID;
    case PC_CERT_E_EXPIRED: return PC_E_CERT_EXPIRED;
    default: return PC_E_ARG;
    }
}

static void anchor_of(const pc_org_record *rec, pc_org_anchor *anchor)
{
    memcpy(anchor->org_id, rec->org_id, PC_ORG_ID_LEN);
    memcpy(anchor->public_key, rec->org_pub, 32);
}

static int32_t load(pc_store_state *st, pc_org_copy *copy)
{
    return pci_org_record_load(&st->storage, st->device_key, &s_rec, copy);
}

static int32_t save(pc_store_state *st, pc_org_copy *copy)
{
    return pci_org_record_store(&st->storage, st->device_key, &s_rec, copy);
}

/* ---- pc_org_install ---------------------------------------------------------- */

/* The certificate's org id is taken as the organisation's: the signature
 * check below proves the organisation key issued it. */
static int32_t install_checked(pc_store_state *st, const uint8_t *org_pub, const uint8_t *name,
                               size_t name_len, const uint8_t *cert, size_t cert_len)
{
    pc_org_anchor anchor;
    pc_cert parsed;
    pc_org_copy copy;
    if (cert_len < CERT_NOT_BEFORE_OFFSET + 8 || cert_len > PC_ORG_CERT_MAX)
        return cert_len > PC_ORG_CERT_MAX ? PC_E_CERT_OVERSIZED : PC_E_CERT_TRUNCATED;
    memcpy(anchor.org_id, cert + 2, PC_ORG_ID_LEN);
    memcpy(anchor.public_key, org_pub, 32);
    uint64_t not_before = pci_load_le64(cert + CERT_NOT_BEFORE_OFFSET);
    int32_t rc = cert_error(pci_cert_verify(&parsed, cert, cert_len, &anchor, not_before));
    if (rc != PC_OK)
        return rc;
    if (!pci_be_equal(parsed.identity, st->identity_public, PC_KEY_LEN))
        return PC_E_CERT_WRONG_KEY;
    rc = load(st, &copy);
    if (rc != PC_OK && rc != PC_E_NO_ORG && rc != PC_E_CORRUPT)
        return rc;
    int same_org = rc == PC_OK && pci_be_equal(s_rec.org_pub, org_pub, 32)
                   && pci_be_equal(s_rec.org_id, anchor.org_id, PC_ORG_ID_LEN);
    if (!same_org) {
        memset(&s_rec, 0, sizeof s_rec); /* another organisation: its list and time go */
        memcpy(s_rec.org_pub, org_pub, 32);
        memcpy(s_rec.org_id, anchor.org_id, PC_ORG_ID_LEN);
    }
    s_rec.name_len = (uint8_t)name_len;
    memset(s_rec.name, 0, sizeof s_rec.name);
    memcpy(s_rec.name, name, name_len);
    s_rec.cert_len = (uint8_t)cert_len;
    memcpy(s_rec.cert, cert, cert_len);
    if (not_before > s_rec.newest_time)
        s_rec.newest_time = not_before;
    return save(st, &copy);
}

int32_t pc_org_install(int32_t store, const uint8_t *org_pub, int32_t org_pub_len,
                       const uint8_t *org_name, int32_t org_name_len, const uint8_t *cert,
                       int32_t cert_len)
{
    int32_t rc = pci_api_enter();
    pc_store_state *st = rc == PC_OK ? pci_store_lookup(store) : NULL;
    if (rc == PC_OK && st == NULL)
        rc = PC_E_HANDLE;
    if (rc == PC_OK
        && (!pci_arg_buffer(org_pub, org_pub_len) || org_pub_len != 32
            || !pci_arg_buffer(org_name, org_name_len)
            || !pci_cert_name_valid(org_name, (size_t)(org_name_len < 0 ? 0 : org_name_len))
            || !pci_arg_buffer(cert, cert_len)))
        rc = PC_E_ARG;
    if (rc == PC_OK)
        rc = install_checked(st, org_pub, org_name, (size_t)org_name_len, cert, (size_t)cert_len);
    return pci_api_leave(rc);
}

/* ---- pc_org_read --------------------------------------------------------------- */

static int32_t own_serial_and_info(uint8_t info[PC_ORG_INFO_LEN])
{
    pc_crl_view crl;
    pc_org_anchor anchor;
    memset(info, 0, PC_ORG_INFO_LEN);
    memcpy(info + PC_ORG_INFO_PUB_OFFSET, s_rec.org_pub, 32);
    memcpy(info + PC_ORG_INFO_ID_OFFSET, s_rec.org_id, PC_ORG_ID_LEN);
    info[PC_ORG_INFO_NAME_LEN_OFFSET] = s_rec.name_len;
    memcpy(info + PC_ORG_INFO_NAME_OFFSET, s_rec.name, s_rec.name_len);
    pci_store_le64(info + PC_ORG_INFO_TIME_OFFSET, s_rec.newest_time);
    anchor_of(&s_rec, &anchor);
    uint32_t version = 0;
    if (s_rec.crl_len > 0 && pci_crl_verify(&crl, s_rec.crl, s_rec.crl_len, &anchor) == PC_OK)
        version = crl.list_version;
    pci_store_le32(info + PC_ORG_INFO_CRL_VERSION_OFFSET, version);
    pci_store_le64(info + PC_ORG_INFO_SERIAL_OFFSET, pci_load_le64(s_rec.cert + 18));
    return PC_ORG_INFO_LEN;
}

static int32_t read_checked(pc_store_state *st, int32_t part, uint8_t *out, int32_t out_len)
{
    uint8_t info[PC_ORG_INFO_LEN];
    pc_org_copy copy;
    if (!pci_arg_buffer(out, out_len))
        return PC_E_ARG;
    if (part != PC_ORG_PART_INFO && part != PC_ORG_PART_CERT && part != PC_ORG_PART_CRL)
        return PC_E_ARG;
    int32_t rc = load(st, &copy);
    if (rc != PC_OK)
        return rc;
    if (part == PC_ORG_PART_CERT)
        return pci_api_copy_out(out, out_len, s_rec.cert, s_rec.cert_len);
    if (part == PC_ORG_PART_CRL)
        return pci_api_copy_out(out, out_len, s_rec.crl, s_rec.crl_len);
    own_serial_and_info(info);
    return pci_api_copy_out(out, out_len, info, PC_ORG_INFO_LEN);
}

int32_t pc_org_read(int32_t store, int32_t part, uint8_t *out, int32_t out_len)
{
    int32_t rc = pci_api_enter();
    pc_store_state *st = rc == PC_OK ? pci_store_lookup(store) : NULL;
    if (rc == PC_OK)
        rc = st == NULL ? PC_E_HANDLE : read_checked(st, part, out, out_len);
    return pci_api_leave(rc);
}

/* ---- pc_org_crl_offer ------------------------------------------------------------ */

static int32_t crl_checked(pc_store_state *st, const uint8_t *crl, size_t len)
{
    pc_org_anchor anchor;
    pc_crl_view offered, held;
    pc_org_copy copy;
    int32_t rc = load(st, &copy);
    if (rc != PC_OK)
        return rc;
    anchor_of(&s_rec, &anchor);
    rc = pci_crl_verify(&offered, crl, len, &anchor);
    if (rc != PC_OK)
        return rc;
    uint32_t held_version = 0;
    if (s_rec.crl_len > 0 && pci_crl_verify(&held, s_rec.crl, s_rec.crl_len, &anchor) == PC_OK)
        held_version = held.list_version;
    if (offered.list_version < held_version)
        return PC_E_CRL_OLD;
    if (offered.list_version == held_version)
        return 0;
    s_rec.crl_len = (uint16_t)len;
    memcpy(s_rec.crl, crl, len);
    if (offered.issued_at > s_rec.newest_time)
        s_rec.newest_time = offered.issued_at;
    rc = save(st, &copy);
    return rc == PC_OK ? 1 : rc;
}

int32_t pc_org_crl_offer(int32_t store, const uint8_t *crl, int32_t crl_len)
{
    int32_t rc = pci_api_enter();
    pc_store_state *st = rc == PC_OK ? pci_store_lookup(store) : NULL;
    if (rc == PC_OK && st == NULL)
        rc = PC_E_HANDLE;
    if (rc == PC_OK && !pci_arg_buffer(crl, crl_len))
        rc = PC_E_ARG;
    if (rc == PC_OK)
        rc = crl_checked(st, crl, (size_t)crl_len);
    return pci_api_leave(rc);
}

/* ---- pc_org_verify_peer ------------------------------------------------------------ */

/* The time a certificate is checked at: the newest learned, or its own
 * not-before if later (a genuine not-before is a time the organisation has
 * vouched has come: the issuing tool never dates one in the future). Only
 * read for the check; it is learned after the signature verified. */
static uint64_t check_time(const uint8_t *cert, size_t len)
{
    uint64_t now = s_rec.newest_time;
    if (len >= CERT_NOT_BEFORE_OFFSET + 8) {
        uint64_t not_before = pci_load_le64(cert + CERT_NOT_BEFORE_OFFSET);
        if (not_before > now)
            now = not_before;
    }
    return now;
}

/* Which serial vouched for this key (so a newer list can withdraw it from a
 * pinned contact): updates its entry, else takes a free one, else the slot
 * the key's first byte names. 1 if the table changed. */
static int remember_peer(const uint8_t key[32], uint64_t serial)
{
    size_t slot = PC_ORG_MAX_PEERS;
    for (size_t i = 0; i < PC_ORG_MAX_PEERS && slot == PC_ORG_MAX_PEERS; i++) {
        if (pci_be_equal(s_rec.peer_keys[i], key, 32))
            slot = i;
    }
    if (slot < PC_ORG_MAX_PEERS && s_rec.peer_serials[slot] == serial)
        return 0;
    for (size_t i = 0; i < PC_ORG_MAX_PEERS && slot == PC_ORG_MAX_PEERS; i++) {
        if (pci_be_is_zero(s_rec.peer_keys[i], 32))
            slot = i;
    }
    if (slot == PC_ORG_MAX_PEERS)
        slot = key[0] % PC_ORG_MAX_PEERS;
    memcpy(s_rec.peer_keys[slot], key, 32);
    s_rec.peer_serials[slot] = serial;
    return 1;
}

static int32_t peer_checked(pc_store_state *st, const pc_handshake *hs, const uint8_t *cert,
                            size_t len, uint8_t *out, int32_t out_len)
{
    uint8_t view[PC_ORG_PEER_LEN];
    pc_org_anchor anchor;
    pc_cert parsed;
    pc_crl_view crl;
    pc_org_copy copy;
    int32_t rc = pci_arg_out(out, out_len, PC_ORG_PEER_LEN);
    if (rc == PC_OK && !hs->has_rs)
        rc = PC_E_STATE;
    if (rc == PC_OK)
        rc = load(st, &copy);
    if (rc != PC_OK)
        return rc;
    if (len == 0)
        return PC_E_CERT_TRUNCATED; /* cert may be NULL */
    anchor_of(&s_rec, &anchor);
    rc = cert_error(pci_cert_verify(&parsed, cert, len, &anchor, check_time(cert, len)));
    if (rc != PC_OK)
        return rc;
    if (!pci_be_equal(parsed.identity, hs->rs, PC_KEY_LEN))
        return PC_E_CERT_WRONG_KEY;
    if (s_rec.crl_len > 0 && pci_crl_verify(&crl, s_rec.crl, s_rec.crl_len, &anchor) == PC_OK
        && pci_crl_contains(&crl, parsed.serial))
        return PC_E_CERT_REVOKED;
    int changed = remember_peer(hs->rs, parsed.serial);
    if (parsed.not_before > s_rec.newest_time) {
        s_rec.newest_time = parsed.not_before;
        changed = 1;
    }
    if (changed) {
        rc = save(st, &copy);
        if (rc != PC_OK)
            return rc;
    }
    memset(view, 0, sizeof view);
    pci_store_le64(view + PC_ORG_PEER_SERIAL_OFFSET, parsed.serial);
    pci_store_le64(view + PC_ORG_PEER_NOT_AFTER_OFFSET, parsed.not_after);
    view[PC_ORG_PEER_NAME_LEN_OFFSET] = parsed.name_len;
    memcpy(view + PC_ORG_PEER_NAME_OFFSET, parsed.name, parsed.name_len);
    return pci_api_copy_out(out, out_len, view, PC_ORG_PEER_LEN);
}

int32_t pc_org_verify_peer(int32_t store, int32_t hs, const uint8_t *cert, int32_t cert_len,
                           uint8_t *out, int32_t out_len)
{
    int32_t rc = pci_api_enter();
    pc_store_state *st = rc == PC_OK ? pci_store_lookup(store) : NULL;
    const pc_handshake *h = rc == PC_OK ? pci_hs_table_get(hs) : NULL;
    if (rc == PC_OK && (st == NULL || h == NULL))
        rc = PC_E_HANDLE;
    if (rc == PC_OK && !pci_arg_buffer(cert, cert_len))
        rc = PC_E_ARG;
    if (rc == PC_OK)
        rc = peer_checked(st, h, cert, (size_t)cert_len, out, out_len);
    return pci_api_leave(rc);
}

/* ---- pc_org_check_contact ------------------------------------------------------------ */

static int32_t contact_checked(pc_store_state *st, const uint8_t key[32])
{
    pc_org_anchor anchor;
    pc_crl_view crl;
    pc_org_copy copy;
    int32_t rc = load(st, &copy);
    if (rc != PC_OK)
        return rc;
    anchor_of(&s_rec, &anchor);
    if (s_rec.crl_len == 0 || pci_crl_verify(&crl, s_rec.crl, s_rec.crl_len, &anchor) != PC_OK)
        return PC_OK;
    for (size_t i = 0; i < PC_ORG_MAX_PEERS; i++) {
        if (pci_be_equal(s_rec.peer_keys[i], key, 32) && pci_crl_contains(&crl, s_rec.peer_serials[i]))
            return PC_E_CERT_REVOKED;
    }
    return PC_OK;
}

int32_t pc_org_check_contact(int32_t store, const uint8_t *key, int32_t key_len)
{
    int32_t rc = pci_api_enter();
    pc_store_state *st = rc == PC_OK ? pci_store_lookup(store) : NULL;
    if (rc == PC_OK && st == NULL)
        rc = PC_E_HANDLE;
    if (rc == PC_OK && (!pci_arg_buffer(key, key_len) || key_len != PC_KEY_LEN))
        rc = PC_E_ARG;
    if (rc == PC_OK)
        rc = contact_checked(st, key);
    return pci_api_leave(rc);
}
