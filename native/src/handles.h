/*
 * handles.h - opaque handles into fixed static slot tables.
 *
 * handle = generation << 8 | index. The generation of a slot moves on every
 * free, so a handle kept after free (or forged) no longer matches and is
 * refused with PC_E_HANDLE instead of reaching whatever reuses the slot.
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

/* Finds a free slot, marks it used and returns its handle, or PC_E_NO_SLOT.
 * `stride` is sizeof the table's element; the pc_slot must be its first member. */
int32_t pc_slot_alloc(void *table, int count, size_t stride);

/* Index of a live handle in the table, or PC_E_HANDLE. */
int pc_slot_index(int32_t handle, const void *table, int count, size_t stride);

/* Marks the slot free and moves its generation on (the caller wipes first). */
void pc_slot_release(void *table, int index, size_t stride);

#endif /* PC_HANDLES_H */
