// SPDX-License-Identifier: MIT
/*
 * keypool.h - pre-generated ephemeral key pairs, so X25519 key generation
 * is off the call-setup path. A key taken from the pool is owned (and
 * wiped) by the taker; the pool slot is wiped on take.
 */
#ifndef PC_KEYPOOL_H
#define PC_KEYPOOL_H

#include <stdint.h>

int pci_keypool_refill(void);  /* -> keys ready, or PC_E_RNG */
int pci_keypool_ready(void);

/* A fresh key pair: from the pool if one is ready, else generated now. */
int pci_keypool_take(uint8_t secret[32], uint8_t pub[32]);

void pci_keypool_wipe_all(void);

#endif /* PC_KEYPOOL_H */
