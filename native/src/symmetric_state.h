// SPDX-License-Identifier: MIT
/*
 * symmetric_state.h - Noise SymmetricState (spec rev 34, §5.2): chaining
 * key ck, handshake hash h and the CipherState they key.
 */
#ifndef PC_SYMMETRIC_STATE_H
#define PC_SYMMETRIC_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "cipher_state.h"
#include "hkdf.h"

typedef struct pc_symmetric_state {
    pc_cipher_state cs;
    uint8_t ck[PC_HASH_OUT_LEN];
    uint8_t h[PC_HASH_OUT_LEN];
} pc_symmetric_state;

/* InitializeSymmetric(protocol_name): h = name padded (or hashed if
 * longer than HASHLEN), ck = h, empty cipher key. */
void pci_ss_init(pc_symmetric_state *ss, const char *protocol_name, size_t name_len);

void pci_ss_mix_hash(pc_symmetric_state *ss, const uint8_t *data, size_t len);
void pci_ss_mix_key(pc_symmetric_state *ss, const uint8_t *ikm, size_t len);
void pci_ss_mix_key_and_hash(pc_symmetric_state *ss, const uint8_t *ikm, size_t len);

/* EncryptAndHash / DecryptAndHash: out gets len (+/- 16 once keyed).
 * Errors as pci_cs_encrypt / pci_cs_decrypt; h moves only on success. */
int pci_ss_encrypt_and_hash(pc_symmetric_state *ss, const uint8_t *pt, size_t len, uint8_t *out);
int pci_ss_decrypt_and_hash(pc_symmetric_state *ss, const uint8_t *ct, size_t len, uint8_t *out);

/* Split(): the two transport keys (first and second HKDF output, truncated). */
void pci_ss_split(const pc_symmetric_state *ss, uint8_t k1[32], uint8_t k2[32]);

void pci_ss_wipe(pc_symmetric_state *ss);

#endif /* PC_SYMMETRIC_STATE_H */
