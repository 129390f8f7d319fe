// SPDX-License-Identifier: MIT
/*
 * kem_table.h - the static table of ML-KEM-768 decapsulation keys a hybrid
 * handshake holds between its KEM offer and the peer's ciphertext
 * (PC_MAX_KEM_KEYS slots of 2,400 bytes, handles.h). A handshake refers to its
 * key by handle; freeing the handshake frees (and wipes) the key. Callers hold
 * the platform lock.
 */
#ifndef PC_KEM_TABLE_H
#define PC_KEM_TABLE_H

#include <stdint.h>

#include "mlkem_port.h"

/* A free slot, marked used: its handle (and *sk), or PC_E_NO_SLOT. */
int32_t pci_kem_table_alloc(uint8_t **sk);
/* The key of a live handle, or NULL. */
uint8_t *pci_kem_table_get(int32_t handle);
/* Wipes the key and frees its slot (unknown handles are ignored). */
void pci_kem_table_free(int32_t handle);
void pci_kem_table_wipe_all(void);

#endif /* PC_KEM_TABLE_H */
