// SPDX-License-Identifier: MIT
/*
 * hkdf.h - the core's hashing on the backend's BLAKE2b init/update/final:
 * a one-shot hash, and Noise's HMAC-HASH and HKDF (spec rev 34, §4.3) for
 * HASH = BLAKE2b-512: HMAC per RFC 2104 with BLOCKLEN 128. Not BLAKE2b's
 * keyed mode (that gives other bytes).
 */
#ifndef PC_HKDF_H
#define PC_HKDF_H

#include <stddef.h>
#include <stdint.h>

#define PC_HASH_OUT_LEN 64

/* out = BLAKE2b(a || b) with an out_len-byte digest (1..64); a and b may be
 * NULL when their length is 0. */
void pci_blake2b(uint8_t *out, size_t out_len, const uint8_t *a, size_t a_len, const uint8_t *b,
                size_t b_len);

/* out = HMAC-BLAKE2b(key, a || b). key_len <= 128 (longer keys are hashed
 * first, RFC 2104); b may be NULL when b_len is 0. */
void pci_hmac_blake2b(uint8_t out[PC_HASH_OUT_LEN], const uint8_t *key, size_t key_len,
                     const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

/* Noise HKDF(chaining_key, ikm, num_outputs): out3 NULL for two outputs.
 * Each output is HASHLEN (64) bytes; callers truncate keys to 32. */
void pci_hkdf(const uint8_t ck[PC_HASH_OUT_LEN], const uint8_t *ikm, size_t ikm_len,
             uint8_t out1[PC_HASH_OUT_LEN], uint8_t out2[PC_HASH_OUT_LEN],
             uint8_t *out3);

/* HKDF with each output truncated to a 32-byte key (Split(), the phone's
 * root and resumption secrets, the re-key chain): k3 NULL for two outputs.
 * The 64-byte outputs are wiped. */
void pci_hkdf_keys(const uint8_t ck[PC_HASH_OUT_LEN], const uint8_t *ikm, size_t ikm_len,
                  uint8_t k1[32], uint8_t k2[32], uint8_t *k3);

#endif /* PC_HKDF_H */
