// SPDX-License-Identifier: MIT
/*
 * hs_table.h - the static table of handshakes the API hands out by handle
 * (PC_MAX_HANDSHAKES slots, handles.h). Callers hold the platform lock.
 */
#ifndef PC_HS_TABLE_H
#define PC_HS_TABLE_H

#include <stdint.h>

#include "handshake.h"

/* A free slot, marked used: its handle (and *hs), or PC_E_NO_SLOT. */
int32_t pci_hs_table_alloc(pc_handshake **hs);

/* The live handshake of a handle, or NULL (unknown, stale, freed). */
pc_handshake *pci_hs_table_get(int32_t handle);

/* Wipes the handshake and frees its slot: PC_OK or PC_E_HANDLE. */
int pci_hs_table_free(int32_t handle);

/* Wipes every handshake and frees every slot (soft reboot, tests). */
void pci_hs_table_wipe_all(void);

#endif /* PC_HS_TABLE_H */
