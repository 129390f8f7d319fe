// SPDX-License-Identifier: MIT
/*
 * store_record.h - one sealed flash record of a store (storage.h numbers
 * them): the identity (two copies, records 0 and 1) or one contact (record
 * 16 + its index).
 *
 *   offset  size  header (associated data)
 *        0     4  magic "PHRC"
 *        4     2  format version (2), LE
 *        6     2  header length (48), LE
 *        8     4  record number, LE (a record copied to another number is refused)
 *       12     4  sequence number, LE (identity: the newer copy has the higher one)
 *       16     4  payload length, LE (identity 32, contact 138)
 *       20     4  zero
 *       24    24  XChaCha20-Poly1305 nonce (fresh random per write)
 *       48     n  payload, encrypted under the device key
 *     48+n    16  tag
 *
 *   identity payload: the identity secret (32).
 *   contact payload (138): flags, name length, name[32], static key[32],
 *   newest generation LE32, its secret[32], previous generation LE32, its
 *   secret[32] - the per-contact layout of format 1 (store_image.h).
 */
#ifndef PC_STORE_RECORD_H
#define PC_STORE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "keystore_state.h"

#define PC_RECORD_HEADER_LEN 48
#define PC_RECORD_IDENTITY_PAYLOAD 32
#define PC_RECORD_CONTACT_PAYLOAD 138
#define PC_RECORD_IDENTITY_LEN (PC_RECORD_HEADER_LEN + PC_RECORD_IDENTITY_PAYLOAD + PC_TAG_LEN)
#define PC_RECORD_CONTACT_LEN (PC_RECORD_HEADER_LEN + PC_RECORD_CONTACT_PAYLOAD + PC_TAG_LEN)

/* The 138 bytes of one contact, as both formats lay it out. */
void pci_contact_encode(uint8_t p[PC_RECORD_CONTACT_PAYLOAD], const pc_contact *c);
void pci_contact_decode(const uint8_t p[PC_RECORD_CONTACT_PAYLOAD], pc_contact *c);
/* Known flags, a name that fits; used_required: the USED flag must be set. */
int pci_contact_encoded_ok(const uint8_t p[PC_RECORD_CONTACT_PAYLOAD], int used_required);

/* Seals the identity secret as record `record` with `sequence`. 0 or PC_E_RNG. */
int pci_record_seal_identity(uint8_t out[PC_RECORD_IDENTITY_LEN], const uint8_t key[32],
                             int record, uint32_t sequence, const uint8_t secret[32]);
/* Seals a contact as record `record`. 0 or PC_E_RNG. */
int pci_record_seal_contact(uint8_t out[PC_RECORD_CONTACT_LEN], const uint8_t key[32],
                            int record, const pc_contact *c);

/* Checks len bytes read from `record` and decrypts them in place: 0 (and
 * *sequence, the secret at buf + PC_RECORD_HEADER_LEN), or PC_E_CORRUPT. */
int pci_record_open_identity(uint8_t *buf, size_t len, const uint8_t key[32], int record,
                             uint32_t *sequence);
/* The same for a contact: 0 and *c, or PC_E_CORRUPT. buf is wiped. */
int pci_record_open_contact(uint8_t *buf, size_t len, const uint8_t key[32], int record,
                            pc_contact *c);

#endif /* PC_STORE_RECORD_H */
