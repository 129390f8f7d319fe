// SPDX-License-Identifier: MIT
/* cipher_state.c - Noise CipherState over the backend's ChaCha20-Poly1305. */
#include "cipher_state.h"

#include <string.h>

#include "backend.h"
#include "phone_crypto_api.h"

void pci_cs_init(pc_cipher_state *cs, const uint8_t key[PC_CS_KEY_LEN])
{
    memcpy(cs->k, key, PC_CS_KEY_LEN);
    cs->n = 0;
    cs->has_key = 1;
}

void pci_cs_nonce(uint8_t nonce[12], uint64_t n)
{
    memset(nonce, 0, 4);
    for (int i = 0; i < 8; i++)
        nonce[4 + i] = (uint8_t)(n >> (8 * i));
}

size_t pci_cs_overhead(const pc_cipher_state *cs)
{
    return cs->has_key ? PC_CS_TAG_LEN : 0;
}

int pci_cs_encrypt(pc_cipher_state *cs, const uint8_t *ad, size_t ad_len, const uint8_t *pt,
                  size_t len, uint8_t *out)
{
    uint8_t nonce[PC_AEAD_NONCE_LEN];

    if (!cs->has_key) {
        if (out != pt && len > 0)
            memcpy(out, pt, len);
        return 0;
    }
    if (cs->n == PC_CS_MAX_NONCE)
        return PC_E_NONCE_EXHAUSTED;
    pci_cs_nonce(nonce, cs->n);
    pci_be_aead_seal(out, out + len, cs->k, nonce, ad, ad_len, pt, len);
    cs->n++;
    return 0;
}

int pci_cs_decrypt(pc_cipher_state *cs, const uint8_t *ad, size_t ad_len, const uint8_t *ct,
                  size_t len, uint8_t *out)
{
    uint8_t nonce[PC_AEAD_NONCE_LEN];

    if (!cs->has_key) {
        if (out != ct && len > 0)
            memcpy(out, ct, len);
        return 0;
    }
    if (len < PC_CS_TAG_LEN)
        return PC_E_MALFORMED;
    if (cs->n == PC_CS_MAX_NONCE)
        return PC_E_NONCE_EXHAUSTED;
    pci_cs_nonce(nonce, cs->n);
    size_t body = len - PC_CS_TAG_LEN;
    int rc = pci_be_aead_open(out, cs->k, nonce, ad, ad_len, ct, body, ct + body);
    if (rc != 0)
        return rc;
    cs->n++;
    return 0;
}

/* ENCRYPT of the 32 zero bytes in place (the backend allows c == m). */
void pci_cs_rekey(uint8_t next[PC_CS_KEY_LEN], const uint8_t k[PC_CS_KEY_LEN])
{
    uint8_t nonce[PC_AEAD_NONCE_LEN];
    uint8_t out[PC_CS_KEY_LEN];
    uint8_t tag[PC_CS_TAG_LEN];

    pci_cs_nonce(nonce, PC_CS_MAX_NONCE);
    memset(out, 0, sizeof out);
    pci_be_aead_seal(out, tag, k, nonce, NULL, 0, out, sizeof out);
    memcpy(next, out, PC_CS_KEY_LEN);
    pci_be_wipe(out, sizeof out);
    pci_be_wipe(tag, sizeof tag);
}

void pci_cs_wipe(pc_cipher_state *cs)
{
    pci_be_wipe(cs, sizeof *cs);
}
