// SPDX-License-Identifier: MIT
/*
 * org_record.h - the organisation record: what a phone keeps about its
 * organisation, sealed under the store's device key in its own A/B records
 * (PC_STORAGE_ORG_A/B), never inside the contact image. Public data only
 * (keys, certificate, revocation list), sealed so that flash cannot be
 * edited to trust another organisation.
 *
 *   record: magic "PHOR", format 1 (LE16), header length 40 (LE16),
 *           sequence (LE32, the newer copy has the higher one), payload
 *           length (LE32), XChaCha20-Poly1305 nonce (24); payload; tag (16).
 *           The header is the associated data.
 *   payload (PC_ORG_PAYLOAD_LEN, zero padded):
 *        0  version 1        1  org name length    2  certificate length
 *        3  0                4  revocation list length (LE16)   6  0 0
 *        8  org public key (32)      40  org id (16)    56  org name (32)
 *       88  newest time learned (LE64)
 *       96  own certificate (PC_ORG_CERT_MAX)
 *      266  newest revocation list (PC_ORG_CRL_MAX)
 *      616  peers verified: PC_ORG_MAX_PEERS x (identity key 32, serial LE64),
 *           an all-zero key is a free entry (which serial vouched for which
 *           pinned key, so a newer list can withdraw the verification)
 */
#ifndef PC_ORG_RECORD_H
#define PC_ORG_RECORD_H

#include <stdint.h>

#include "phone_crypto_api.h"
#include "storage.h"

#define PC_ORG_MAX_PEERS 32
#define PC_ORG_PEER_ENTRY_LEN 40
#define PC_ORG_PAYLOAD_LEN (616 + PC_ORG_MAX_PEERS * PC_ORG_PEER_ENTRY_LEN)
#define PC_ORG_HEADER_LEN 40
#define PC_ORG_RECORD_LEN (PC_ORG_HEADER_LEN + PC_ORG_PAYLOAD_LEN + PC_TAG_LEN)

typedef struct pc_org_record {
    uint8_t org_pub[32];
    uint8_t org_id[PC_ORG_ID_LEN];
    uint8_t name_len;
    uint8_t name[PC_ORG_NAME_MAX];
    uint64_t newest_time;
    uint8_t cert_len;
    uint8_t cert[PC_ORG_CERT_MAX];
    uint16_t crl_len;
    uint8_t crl[PC_ORG_CRL_MAX];
    uint8_t peer_keys[PC_ORG_MAX_PEERS][32];
    uint64_t peer_serials[PC_ORG_MAX_PEERS];
} pc_org_record;

/* Where the newest intact copy was found (for the next write). */
typedef struct pc_org_copy {
    int newest;         /* 0 = ORG_A, 1 = ORG_B, -1 = none intact */
    uint32_t sequence;  /* that copy's sequence number */
} pc_org_copy;

/* Loads the newest intact copy into *rec: PC_OK, PC_E_NO_ORG (both copies
 * blank: never installed), PC_E_CORRUPT (data but no intact copy; *copy is
 * still set so an install can overwrite it), PC_E_STORAGE. */
int pci_org_record_load(pc_storage *storage, const uint8_t key[32], pc_org_record *rec,
                        pc_org_copy *copy);

/* Seals *rec as sequence copy->sequence + 1 into the copy not holding the
 * newest one; on success *copy names the new copy. PC_OK, PC_E_STORAGE,
 * PC_E_RNG. A cut write leaves the previous copy the newest intact one. */
int pci_org_record_store(pc_storage *storage, const uint8_t key[32], const pc_org_record *rec,
                         pc_org_copy *copy);

#endif /* PC_ORG_RECORD_H */
