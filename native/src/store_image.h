// SPDX-License-Identifier: MIT
/*
 * store_image.h - the previous release's flash image (format 1), read only
 * to migrate it (keystore_migrate.c); nothing writes it any more. Two copies
 * (pci_storage_legacy_read), each:
 *
 *   offset  size  header (associated data)
 *        0     4  magic "PHST"
 *        4     2  format version (1), LE
 *        6     2  header length (40), LE
 *        8     4  sequence number, LE (the newer copy has the higher one)
 *       12     4  payload length (4040), LE
 *       16    24  XChaCha20-Poly1305 nonce (fresh random per write)
 *       40  4040  payload, encrypted under the device key
 *     4080    16  tag
 *
 *   payload: [0] version (1) [1] 0 [2..4) contact count LE [4..36) identity
 *   secret, then per contact (138 bytes): flags, name length, name[32],
 *   static key[32], newest generation LE32, its secret[32], previous
 *   generation LE32, its secret[32]; zero padding to the end. The payload
 *   fills the slot, so every bit of a slot is authenticated.
 */
#ifndef PC_STORE_IMAGE_H
#define PC_STORE_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "keystore_state.h"

#define PC_IMAGE_LEN PC_STORAGE_LEGACY_LEN
#define PC_IMAGE_HEADER_LEN 40
#define PC_IMAGE_PAYLOAD_LEN (PC_IMAGE_LEN - PC_IMAGE_HEADER_LEN - PC_TAG_LEN)
#define PC_IMAGE_CONTACTS 16 /* what format 1 could hold */

/* Checks the len bytes read from a copy and decrypts them in place: 0 and
 * *sequence, or PC_E_CORRUPT. The caller reads the plaintext and wipes it. */
int pci_image_unseal(uint8_t *image, size_t len, const uint8_t key[32], uint32_t *sequence);

/* The identity secret of an unsealed image. */
const uint8_t *pci_image_identity(const uint8_t image[PC_IMAGE_LEN]);

/* Contact i (< PC_IMAGE_CONTACTS) of an unsealed image; flags 0 = a free slot. */
void pci_image_contact(const uint8_t image[PC_IMAGE_LEN], int i, pc_contact *c);

#endif /* PC_STORE_IMAGE_H */
