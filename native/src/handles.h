// SPDX-License-Identifier: MIT
/*
 * handles.h - opaque handles into fixed static slot tables.
 *
 * handle = generation << 8 | index. The generation of a slot moves on every
 * free, so a handle kept after free (or forged) no longer matches and is
 * refused with PC_E_HANDLE instead of reaching whatever reuses the slot.
 *
 * A table is an array of elements whose first member is a pc_slot; `stride`
 * is sizeof the element. Everything after the pc_slot is the element's body:
 * wiped when a slot is handed out and when it is freed.
 */
#ifndef PC_HANDLES_H
#define PC_HANDLES_H

#include <stddef.h>
#include <stdint.h>

#define PC_HANDLE_INDEX_BITS 8
#define PC_HANDLE_MAX_SLOTS (1 << PC_HANDLE_INDEX_BITS)

typedef struct pc_slot {
    uint32_t generation; /* 1..0x7FFFFF, never 0 */
    uint8_t used;
} pc_slot;

/* Finds a free slot, marks it used (body wiped) and returns its handle, or
 * PC_E_NO_SLOT. */
int32_t pci_slot_alloc(void *table, int count, size_t stride);

/* The element of a live handle, or NULL (unknown, stale, freed, forged). */
void *pci_slot_get(int32_t handle, void *table, int count, size_t stride);

/* Wipes the element's body, marks its slot free and moves its generation on. */
void pci_slot_free(void *element, size_t stride);

/* Every body wiped, every slot freed (soft reboot, tests). */
void pci_slot_wipe_all(void *table, int count, size_t stride);

#endif /* PC_HANDLES_H */
