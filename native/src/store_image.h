// SPDX-License-Identifier: MIT
/*
 * store_image.h - the sealed flash image of a store, one per storage slot:
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

#define PC_IMAGE_HEADER_LEN 40
#define PC_IMAGE_PAYLOAD_LEN (PC_STORAGE_SLOT_LEN - PC_IMAGE_HEADER_LEN - PC_TAG_LEN)

/* Seals st (contacts[index] replaced by *change if change != NULL) as copy
 * number `sequence` into image. 0 or PC_E_RNG. */
int pci_image_seal(uint8_t image[PC_STORAGE_SLOT_LEN], const pc_store_state *st,
                  uint32_t sequence, int index, const pc_contact *change);

/* Checks the len bytes read from a slot and decrypts them in place: 0 and
 * *sequence, or PC_E_CORRUPT. The caller loads the plaintext or wipes it. */
int pci_image_unseal(uint8_t *image, size_t len, const uint8_t key[32], uint32_t *sequence);

/* Identity secret and contacts of an unsealed image into st. */
void pci_image_load(const uint8_t image[PC_STORAGE_SLOT_LEN], pc_store_state *st);

#endif /* PC_STORE_IMAGE_H */
