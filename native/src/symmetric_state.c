// SPDX-License-Identifier: MIT
/* symmetric_state.c - Noise SymmetricState: MixHash, MixKey, Split. */
#include "symmetric_state.h"

#include <string.h>

#include "backend.h"

void pci_ss_init(pc_symmetric_state *ss, const char *protocol_name, size_t name_len)
{
    memset(ss, 0, sizeof *ss);
    if (name_len <= PC_HASH_OUT_LEN)
        memcpy(ss->h, protocol_name, name_len);
    else
        pci_blake2b(ss->h, PC_HASH_OUT_LEN, (const uint8_t *)protocol_name, name_len, NULL, 0);
    memcpy(ss->ck, ss->h, PC_HASH_OUT_LEN);
}

void pci_ss_mix_hash(pc_symmetric_state *ss, const uint8_t *data, size_t len)
{
    pci_blake2b(ss->h, PC_HASH_OUT_LEN, ss->h, PC_HASH_OUT_LEN, data, len);
}

/* MixKey:        ck, temp_k = HKDF(ck, ikm, 2)
 * MixKeyAndHash: ck, temp_h, temp_k = HKDF(ck, ikm, 3); MixHash(temp_h)
 * then InitializeKey(temp_k truncated to 32 bytes; HASHLEN is 64). */
static void mix(pc_symmetric_state *ss, const uint8_t *ikm, size_t len, int and_hash)
{
    uint8_t out[3][PC_HASH_OUT_LEN]; /* ck, then temp_k or temp_h, temp_k */

    pci_hkdf(ss->ck, ikm, len, out[0], out[1], and_hash ? out[2] : NULL);
    memcpy(ss->ck, out[0], PC_HASH_OUT_LEN);
    if (and_hash)
        pci_ss_mix_hash(ss, out[1], PC_HASH_OUT_LEN);
    pci_cs_init(&ss->cs, out[and_hash ? 2 : 1]);
    pci_be_wipe(out, sizeof out);
}

void pci_ss_mix_key(pc_symmetric_state *ss, const uint8_t *ikm, size_t len)
{
    mix(ss, ikm, len, 0);
}

void pci_ss_mix_key_and_hash(pc_symmetric_state *ss, const uint8_t *ikm, size_t len)
{
    mix(ss, ikm, len, 1);
}

int pci_ss_encrypt_and_hash(pc_symmetric_state *ss, const uint8_t *pt, size_t len, uint8_t *out)
{
    size_t out_len = len + pci_cs_overhead(&ss->cs);
    int rc = pci_cs_encrypt(&ss->cs, ss->h, PC_HASH_OUT_LEN, pt, len, out);
    if (rc == 0)
        pci_ss_mix_hash(ss, out, out_len);
    return rc;
}

/* h must absorb the ciphertext, and out may alias ct: hash first into a
 * candidate, commit it only once the tag has verified. */
int pci_ss_decrypt_and_hash(pc_symmetric_state *ss, const uint8_t *ct, size_t len, uint8_t *out)
{
    uint8_t next_h[PC_HASH_OUT_LEN];

    pci_blake2b(next_h, PC_HASH_OUT_LEN, ss->h, PC_HASH_OUT_LEN, ct, len);
    int rc = pci_cs_decrypt(&ss->cs, ss->h, PC_HASH_OUT_LEN, ct, len, out);
    if (rc == 0)
        memcpy(ss->h, next_h, sizeof next_h);
    return rc;
}

void pci_ss_split(const pc_symmetric_state *ss, uint8_t k1[32], uint8_t k2[32])
{
    pci_hkdf_keys(ss->ck, NULL, 0, k1, k2, NULL);
}

void pci_ss_wipe(pc_symmetric_state *ss)
{
    pci_be_wipe(ss, sizeof *ss);
}
