// SPDX-License-Identifier: MIT
/*
 * cookie_secret.c - the rotating cookie secret (cookie_secret.h). Static
 * state, one per device; the host tests run several phones in one process and
 * share it, which is harmless: a cookie only proves the source address.
 */
#include <string.h>

#include "backend.h"
#include "cookie_secret.h"
#include "phone_crypto_api.h"

#define SECRET_LEN 32

static uint8_t s_secret[2][SECRET_LEN]; /* [0] this epoch, [1] the previous one */
static int32_t s_epoch;
static int s_ready;

void pci_mac16(uint8_t out[16], const uint8_t *key, size_t key_len, const uint8_t *a, size_t a_len)
{
    pc_blake2b_ctx ctx;
    pci_be_blake2b_init_keyed(&ctx, PC_MAC_LEN, key, key_len);
    pci_be_blake2b_update(&ctx, a, a_len);
    pci_be_blake2b_final(&ctx, out, PC_MAC_LEN); /* wipes ctx */
}

int32_t pci_cookie_advance(int32_t epoch)
{
    if (s_ready && epoch <= s_epoch)
        return PC_OK;
    uint8_t fresh[2][SECRET_LEN];
    int steps = !s_ready || epoch - s_epoch > 1 ? 2 : 1;
    if (pci_be_random(&fresh[0][0], sizeof fresh) != 0) {
        pci_be_wipe(fresh, sizeof fresh);
        return PC_E_RNG;
    }
    if (steps == 1)
        memcpy(s_secret[1], s_secret[0], SECRET_LEN);
    else
        memcpy(s_secret[1], fresh[1], SECRET_LEN);
    memcpy(s_secret[0], fresh[0], SECRET_LEN);
    pci_be_wipe(fresh, sizeof fresh);
    s_epoch = epoch;
    s_ready = 1;
    return PC_OK;
}

void pci_cookie_of(uint8_t cookie[16], int which, const uint8_t *source, size_t source_len)
{
    pci_mac16(cookie, s_secret[which != 0], SECRET_LEN, source, source_len);
}

void pci_cookie_wipe_all(void)
{
    pci_be_wipe(s_secret, sizeof s_secret);
    s_epoch = 0;
    s_ready = 0;
}
