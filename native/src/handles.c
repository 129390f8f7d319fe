/* handles.c - slot allocation and handle checking for the static tables. */
#include "handles.h"

#include "phone_crypto.h"

#define GENERATION_MASK 0x7FFFFFu

static pc_slot *slot_at(void *table, int index, size_t stride)
{
    return (pc_slot *)((uint8_t *)table + (size_t)index * stride);
}

static int32_t handle_of(const pc_slot *slot, int index)
{
    return (int32_t)((slot->generation << PC_HANDLE_INDEX_BITS) | (uint32_t)index);
}

int32_t pc_slot_alloc(void *table, int count, size_t stride)
{
    for (int i = 0; i < count; i++) {
        pc_slot *slot = slot_at(table, i, stride);
        if (!slot->used) {
            if (slot->generation == 0)
                slot->generation = 1; /* zero-initialised static table */
            slot->used = 1;
            return handle_of(slot, i);
        }
    }
    return PC_E_NO_SLOT;
}

int pc_slot_index(int32_t handle, const void *table, int count, size_t stride)
{
    if (handle < 0)
        return PC_E_HANDLE;
    int index = (int)((uint32_t)handle & (PC_HANDLE_MAX_SLOTS - 1));
    uint32_t generation = (uint32_t)handle >> PC_HANDLE_INDEX_BITS;
    if (index >= count)
        return PC_E_HANDLE;
    const pc_slot *slot = slot_at((void *)table, index, stride);
    if (!slot->used || slot->generation != generation)
        return PC_E_HANDLE;
    return index;
}

void pc_slot_release(void *table, int index, size_t stride)
{
    pc_slot *slot = slot_at(table, index, stride);
    slot->used = 0;
    slot->generation = (slot->generation + 1) & GENERATION_MASK;
    if (slot->generation == 0)
        slot->generation = 1;
}
