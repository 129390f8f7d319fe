// SPDX-License-Identifier: MIT
/* hkdf.c - one-shot BLAKE2b, HMAC-BLAKE2b (RFC 2104) and Noise's HKDF. */
#include "hkdf.h"

#include <string.h>

#include "backend.h"

#define IPAD 0x36
#define OPAD 0x5c

void pci_blake2b(uint8_t *out, size_t out_len, const uint8_t *a, size_t a_len, const uint8_t *b,
                size_t b_len)
{
    pc_blake2b_ctx ctx;
    pci_be_blake2b_init(&ctx, out_len);
    pci_be_blake2b_update(&ctx, a, a_len);
    if (b_len > 0)
        pci_be_blake2b_update(&ctx, b, b_len);
    pci_be_blake2b_final(&ctx, out, out_len);
}

/* K0 = key zero-padded to the block (hashed first if longer than a block). */
static void block_key(uint8_t k0[PC_BLAKE2B_BLOCK_LEN], const uint8_t *key, size_t key_len)
{
    memset(k0, 0, PC_BLAKE2B_BLOCK_LEN);
    if (key_len > PC_BLAKE2B_BLOCK_LEN)
        pci_blake2b(k0, PC_HASH_OUT_LEN, key, key_len, NULL, 0);
    else if (key_len > 0)
        memcpy(k0, key, key_len);
}

/* block ^= pad, then starts HASH(block || ...). */
static void start_padded(pc_blake2b_ctx *ctx, uint8_t block[PC_BLAKE2B_BLOCK_LEN], uint8_t pad)
{
    for (size_t i = 0; i < PC_BLAKE2B_BLOCK_LEN; i++)
        block[i] ^= pad;
    pci_be_blake2b_init(ctx, PC_HASH_OUT_LEN);
    pci_be_blake2b_update(ctx, block, PC_BLAKE2B_BLOCK_LEN);
}

void pci_hmac_blake2b(uint8_t out[PC_HASH_OUT_LEN], const uint8_t *key, size_t key_len,
                     const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    uint8_t block[PC_BLAKE2B_BLOCK_LEN]; /* K0, then K0 ^ ipad, then K0 ^ opad */
    uint8_t inner[PC_HASH_OUT_LEN];
    pc_blake2b_ctx ctx;

    block_key(block, key, key_len);
    start_padded(&ctx, block, IPAD);
    pci_be_blake2b_update(&ctx, a, a_len);
    if (b_len > 0)
        pci_be_blake2b_update(&ctx, b, b_len);
    pci_be_blake2b_final(&ctx, inner, sizeof inner);

    start_padded(&ctx, block, IPAD ^ OPAD); /* K0 ^ ipad ^ ipad ^ opad */
    pci_be_blake2b_update(&ctx, inner, sizeof inner);
    pci_be_blake2b_final(&ctx, out, PC_HASH_OUT_LEN);

    pci_be_wipe(block, sizeof block);
    pci_be_wipe(inner, sizeof inner);
}

void pci_hkdf(const uint8_t ck[PC_HASH_OUT_LEN], const uint8_t *ikm, size_t ikm_len,
             uint8_t out1[PC_HASH_OUT_LEN], uint8_t out2[PC_HASH_OUT_LEN], uint8_t *out3)
{
    static const uint8_t one = 0x01, two = 0x02, three = 0x03;
    uint8_t temp_key[PC_HASH_OUT_LEN];

    pci_hmac_blake2b(temp_key, ck, PC_HASH_OUT_LEN, ikm, ikm_len, NULL, 0);
    pci_hmac_blake2b(out1, temp_key, sizeof temp_key, &one, 1, NULL, 0);
    pci_hmac_blake2b(out2, temp_key, sizeof temp_key, out1, PC_HASH_OUT_LEN, &two, 1);
    if (out3 != NULL)
        pci_hmac_blake2b(out3, temp_key, sizeof temp_key, out2, PC_HASH_OUT_LEN, &three, 1);
    pci_be_wipe(temp_key, sizeof temp_key);
}

void pci_hkdf_keys(const uint8_t ck[PC_HASH_OUT_LEN], const uint8_t *ikm, size_t ikm_len,
                  uint8_t k1[32], uint8_t k2[32], uint8_t *k3)
{
    uint8_t out[3][PC_HASH_OUT_LEN];

    pci_hkdf(ck, ikm, ikm_len, out[0], out[1], k3 != NULL ? out[2] : NULL);
    memcpy(k1, out[0], 32);
    memcpy(k2, out[1], 32);
    if (k3 != NULL)
        memcpy(k3, out[2], 32);
    pci_be_wipe(out, sizeof out);
}
