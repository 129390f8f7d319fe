// SPDX-License-Identifier: MIT
/* keypool.c - ephemeral X25519 key pairs generated ahead of use. */
#include "keypool.h"

#include <string.h>

#include "backend.h"
#include "pc_limits.h"
#include "phone_crypto_api.h"

typedef struct pool_key {
    uint8_t secret[32];
    uint8_t pub[32];
    uint8_t ready;
} pool_key;

static pool_key s_pool[PC_POOL_SIZE];

static int generate(uint8_t secret[32], uint8_t pub[32])
{
    if (pci_be_random(secret, 32) != 0) {
        pci_be_wipe(secret, 32);
        return PC_E_RNG;
    }
    pci_be_x25519_public(pub, secret);
    return 0;
}

int pci_keypool_refill(void)
{
    for (int i = 0; i < PC_POOL_SIZE; i++) {
        if (s_pool[i].ready)
            continue;
        if (generate(s_pool[i].secret, s_pool[i].pub) != 0)
            return PC_E_RNG;
        s_pool[i].ready = 1;
    }
    return pci_keypool_ready();
}

int pci_keypool_ready(void)
{
    int ready = 0;
    for (int i = 0; i < PC_POOL_SIZE; i++)
        ready += s_pool[i].ready;
    return ready;
}

int pci_keypool_take(uint8_t secret[32], uint8_t pub[32])
{
    for (int i = 0; i < PC_POOL_SIZE; i++) {
        if (!s_pool[i].ready)
            continue;
        memcpy(secret, s_pool[i].secret, 32);
        memcpy(pub, s_pool[i].pub, 32);
        pci_be_wipe(&s_pool[i], sizeof s_pool[i]);
        return 0;
    }
    return generate(secret, pub);
}

void pci_keypool_wipe_all(void)
{
    pci_be_wipe(s_pool, sizeof s_pool);
}
