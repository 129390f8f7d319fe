// SPDX-License-Identifier: MIT
/* org_record.c - the sealed organisation record's A/B copies (org_record.h). */
#include "org_record.h"

#include <string.h>

#include "backend.h"
#include "bytes_le.h"

#define MAGIC_OFF 0
#define FORMAT_OFF 4
#define HEADER_LEN_OFF 6
#define SEQUENCE_OFF 8
#define PAYLOAD_LEN_OFF 12
#define NONCE_OFF 16
#define FORMAT_VERSION 1u

#define P_VERSION 0
#define P_NAME_LEN 1
#define P_CERT_LEN 2
#define P_CRL_LEN 4
#define P_ORG_PUB 8
#define P_ORG_ID 40
#define P_NAME 56
#define P_TIME 88
#define P_CERT 96
#define P_CRL (P_CERT + PC_ORG_CERT_MAX)
#define P_PEERS (P_CRL + PC_ORG_CRL_MAX)
#define PAYLOAD_VERSION 1u

typedef char pc_check_org_payload[(P_PEERS + PC_ORG_MAX_PEERS * PC_ORG_PEER_ENTRY_LEN
                                   == PC_ORG_PAYLOAD_LEN) ? 1 : -1];
typedef char pc_check_org_fits[(PC_ORG_RECORD_LEN <= PC_STORAGE_RECORD_MAX) ? 1 : -1];
typedef char pc_check_org_nonce[(NONCE_OFF + PC_XAEAD_NONCE_LEN == PC_ORG_HEADER_LEN) ? 1 : -1];

static const uint8_t k_magic[4] = {'P', 'H', 'O', 'R'};
static const int k_records[2] = {PC_STORAGE_ORG_A, PC_STORAGE_ORG_B};

/* One record in flight at a time (the API lock serialises callers). */
static uint8_t s_image[PC_ORG_RECORD_LEN];

static void put_payload(uint8_t *p, const pc_org_record *rec)
{
    memset(p, 0, PC_ORG_PAYLOAD_LEN);
    p[P_VERSION] = PAYLOAD_VERSION;
    p[P_NAME_LEN] = rec->name_len;
    p[P_CERT_LEN] = rec->cert_len;
    pci_store_le16(p + P_CRL_LEN, rec->crl_len);
    memcpy(p + P_ORG_PUB, rec->org_pub, 32);
    memcpy(p + P_ORG_ID, rec->org_id, PC_ORG_ID_LEN);
    memcpy(p + P_NAME, rec->name, rec->name_len);
    pci_store_le64(p + P_TIME, rec->newest_time);
    memcpy(p + P_CERT, rec->cert, rec->cert_len);
    memcpy(p + P_CRL, rec->crl, rec->crl_len);
    for (size_t i = 0; i < PC_ORG_MAX_PEERS; i++) {
        uint8_t *e = p + P_PEERS + i * PC_ORG_PEER_ENTRY_LEN;
        memcpy(e, rec->peer_keys[i], 32);
        pci_store_le64(e + 32, rec->peer_serials[i]);
    }
}

/* A payload we could have written: lengths within their fields. */
static int get_payload(const uint8_t *p, pc_org_record *rec)
{
    size_t crl_len = pci_load_le16(p + P_CRL_LEN);
    if (p[P_VERSION] != PAYLOAD_VERSION || p[P_NAME_LEN] > PC_ORG_NAME_MAX
        || p[P_CERT_LEN] > PC_ORG_CERT_MAX || crl_len > PC_ORG_CRL_MAX)
        return 0;
    memset(rec, 0, sizeof *rec);
    rec->name_len = p[P_NAME_LEN];
    rec->cert_len = p[P_CERT_LEN];
    rec->crl_len = (uint16_t)crl_len;
    memcpy(rec->org_pub, p + P_ORG_PUB, 32);
    memcpy(rec->org_id, p + P_ORG_ID, PC_ORG_ID_LEN);
    memcpy(rec->name, p + P_NAME, rec->name_len);
    rec->newest_time = pci_load_le64(p + P_TIME);
    memcpy(rec->cert, p + P_CERT, rec->cert_len);
    memcpy(rec->crl, p + P_CRL, rec->crl_len);
    for (size_t i = 0; i < PC_ORG_MAX_PEERS; i++) {
        const uint8_t *e = p + P_PEERS + i * PC_ORG_PEER_ENTRY_LEN;
        memcpy(rec->peer_keys[i], e, 32);
        rec->peer_serials[i] = pci_load_le64(e + 32);
    }
    return 1;
}

static int header_ok(const uint8_t *image)
{
    return pci_be_equal(image + MAGIC_OFF, k_magic, sizeof k_magic)
           && pci_load_le16(image + FORMAT_OFF) == FORMAT_VERSION
           && pci_load_le16(image + HEADER_LEN_OFF) == PC_ORG_HEADER_LEN
           && pci_load_le32(image + PAYLOAD_LEN_OFF) == PC_ORG_PAYLOAD_LEN;
}

/* Reads and opens one copy: 1 intact (rec, *sequence set), 0 blank, -1
 * damaged, or PC_E_STORAGE. */
static int open_copy(pc_storage *storage, const uint8_t key[32], int which, pc_org_record *rec,
                     uint32_t *sequence)
{
    uint8_t *payload = s_image + PC_ORG_HEADER_LEN;
    int n = pci_storage_read(storage, k_records[which], s_image, sizeof s_image);
    if (n == PC_E_NOT_FOUND || n == 0)
        return 0;
    if (n < 0)
        return n == PC_E_STORAGE ? PC_E_STORAGE : -1;
    int ok = n == (int)sizeof s_image && header_ok(s_image)
             && pci_be_xaead_open(payload, key, s_image + NONCE_OFF, s_image, PC_ORG_HEADER_LEN,
                                  payload, PC_ORG_PAYLOAD_LEN, payload + PC_ORG_PAYLOAD_LEN)
                    == 0
             && get_payload(payload, rec);
    if (ok)
        *sequence = pci_load_le32(s_image + SEQUENCE_OFF);
    pci_be_wipe(s_image, sizeof s_image);
    return ok ? 1 : -1;
}

int pci_org_record_load(pc_storage *storage, const uint8_t key[32], pc_org_record *rec,
                        pc_org_copy *copy)
{
    static pc_org_record s_other;
    uint32_t seq_a = 0, seq_b = 0;
    int a = open_copy(storage, key, 0, rec, &seq_a);
    if (a == PC_E_STORAGE)
        return a;
    int b = open_copy(storage, key, 1, &s_other, &seq_b);
    if (b == PC_E_STORAGE)
        return b;
    copy->newest = -1;
    copy->sequence = seq_a > seq_b ? seq_a : seq_b;
    if (b == 1 && (a != 1 || seq_b > seq_a)) {
        memcpy(rec, &s_other, sizeof *rec);
        copy->newest = 1;
        copy->sequence = seq_b;
    } else if (a == 1) {
        copy->newest = 0;
        copy->sequence = seq_a;
    }
    if (copy->newest >= 0)
        return PC_OK;
    return (a == 0 && b == 0) ? PC_E_NO_ORG : PC_E_CORRUPT;
}

int pci_org_record_store(pc_storage *storage, const uint8_t key[32], const pc_org_record *rec,
                         pc_org_copy *copy)
{
    uint8_t *payload = s_image + PC_ORG_HEADER_LEN;
    int target = copy->newest == 0 ? 1 : 0;
    uint32_t sequence = copy->sequence + 1;

    memset(s_image, 0, sizeof s_image);
    memcpy(s_image + MAGIC_OFF, k_magic, sizeof k_magic);
    pci_store_le16(s_image + FORMAT_OFF, FORMAT_VERSION);
    pci_store_le16(s_image + HEADER_LEN_OFF, PC_ORG_HEADER_LEN);
    pci_store_le32(s_image + SEQUENCE_OFF, sequence);
    pci_store_le32(s_image + PAYLOAD_LEN_OFF, PC_ORG_PAYLOAD_LEN);
    if (pci_be_random(s_image + NONCE_OFF, PC_XAEAD_NONCE_LEN) != 0)
        return PC_E_RNG;
    put_payload(payload, rec);
    pci_be_xaead_seal(payload, payload + PC_ORG_PAYLOAD_LEN, key, s_image + NONCE_OFF, s_image,
                      PC_ORG_HEADER_LEN, payload, PC_ORG_PAYLOAD_LEN);
    int rc = pci_storage_write(storage, k_records[target], s_image, sizeof s_image);
    pci_be_wipe(s_image, sizeof s_image);
    if (rc != 0)
        return rc == PC_E_STATE ? PC_E_STATE : PC_E_STORAGE;
    copy->newest = target;
    copy->sequence = sequence;
    return PC_OK;
}
