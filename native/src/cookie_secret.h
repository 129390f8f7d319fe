// SPDX-License-Identifier: MIT
/*
 * cookie_secret.h - the responder's rotating cookie secret R (docs/protocol.md
 * §11): two static 32-byte secrets, this epoch's and the previous one, drawn
 * from the platform's RNG. Nothing outside cookie_secret.c sees R; callers get
 * only cookie = BLAKE2b-128(key = R, source).
 */
#ifndef PC_COOKIE_SECRET_H
#define PC_COOKIE_SECRET_H

#include <stddef.h>
#include <stdint.h>

/* Moves R forward to `epoch` (never back): PC_OK, or PC_E_RNG with nothing changed. */
int32_t pci_cookie_advance(int32_t epoch);

/* cookie = BLAKE2b-128(key = R, source); which 0 = this epoch's R, 1 = the previous one.
 * Call pci_cookie_advance first. */
void pci_cookie_of(uint8_t cookie[16], int which, const uint8_t *source, size_t source_len);

/* out = BLAKE2b-128(key, a): keyed BLAKE2b, digest length 16. */
void pci_mac16(uint8_t out[16], const uint8_t *key, size_t key_len, const uint8_t *a, size_t a_len);

/* Forgets both secrets (soft reboot, test vector mode): the next advance
 * draws fresh ones. Caller holds the table lock. */
void pci_cookie_wipe_all(void);

#endif /* PC_COOKIE_SECRET_H */
