// SPDX-License-Identifier: MIT
/*
 * cipher_state.h - Noise CipherState (spec rev 34, §5.1) for ChaChaPoly:
 * a key k, a 64-bit nonce n, and ENCRYPT/DECRYPT with the nonce
 * 4 zero bytes || LE64(n). n = 2^64-1 is reserved (REKEY uses it), so
 * a CipherState refuses to encrypt or decrypt with it.
 */
#ifndef PC_CIPHER_STATE_H
#define PC_CIPHER_STATE_H

#include <stddef.h>
#include <stdint.h>

#define PC_CS_KEY_LEN 32
#define PC_CS_TAG_LEN 16
#define PC_CS_MAX_NONCE UINT64_MAX /* reserved: never used to encrypt */

typedef struct pc_cipher_state {
    uint8_t k[PC_CS_KEY_LEN];
    uint64_t n;
    uint8_t has_key; /* 0: "empty" k, EncryptWithAd is the identity */
} pc_cipher_state;

/* InitializeKey(key): k = key, n = 0. */
void pci_cs_init(pc_cipher_state *cs, const uint8_t key[PC_CS_KEY_LEN]);

/* Noise's ChaChaPoly nonce for counter n. */
void pci_cs_nonce(uint8_t nonce[12], uint64_t n);

/* EncryptWithAd: out gets len (+16 when keyed) bytes. out may equal pt (in
 * place) but must not otherwise overlap it, as for the backend's AEAD.
 * 0 or PC_E_NONCE_EXHAUSTED (n would be 2^64-1; nothing written). */
int pci_cs_encrypt(pc_cipher_state *cs, const uint8_t *ad, size_t ad_len, const uint8_t *pt,
                  size_t len, uint8_t *out);

/* DecryptWithAd: ct is len bytes (incl. the tag when keyed); out gets
 * len (-16) bytes; out may equal ct, no other overlap. 0, PC_E_MALFORMED
 * (shorter than a tag), PC_E_AUTH or PC_E_NONCE_EXHAUSTED. n moves only on
 * success; out is untouched on failure. */
int pci_cs_decrypt(pc_cipher_state *cs, const uint8_t *ad, size_t ad_len, const uint8_t *ct,
                  size_t len, uint8_t *out);

/* Bytes a payload of len grows by. */
size_t pci_cs_overhead(const pc_cipher_state *cs);

/* REKEY(k): next = first 32 bytes of ENCRYPT(k, 2^64-1, "", zeros32).
 * next may equal k (a CipherState's REKEY: pci_cs_rekey(cs->k, cs->k), n kept). */
void pci_cs_rekey(uint8_t next[PC_CS_KEY_LEN], const uint8_t k[PC_CS_KEY_LEN]);

void pci_cs_wipe(pc_cipher_state *cs);

#endif /* PC_CIPHER_STATE_H */
