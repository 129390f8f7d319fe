// SPDX-License-Identifier: MIT
/* handles.c - slot allocation and handle checking for the static tables. */
#include "handles.h"

#include "backend.h"
#include "phone_crypto_api.h"

#define GENERATION_MASK 0x7FFFFFu

static pc_slot *slot_at(void *table, int index, size_t stride)
{
    return (pc_slot *)((uint8_t *)table + (size_t)index * stride);
}

static void wipe_body(pc_slot *slot, size_t stride)
{
    pci_be_wipe((uint8_t *)slot + sizeof *slot, stride - sizeof *slot);
}

int32_t pci_slot_alloc(void *table, int count, size_t stride)
{
    for (int i = 0; i < count; i++) {
        pc_slot *slot = slot_at(table, i, stride);
        if (!slot->used) {
            if (slot->generation == 0)
                slot->generation = 1; /* zero-initialised static table */
            slot->used = 1;
            wipe_body(slot, stride);
            return (int32_t)((slot->generation << PC_HANDLE_INDEX_BITS) | (uint32_t)i);
        }
    }
    return PC_E_NO_SLOT;
}

void *pci_slot_get(int32_t handle, void *table, int count, size_t stride)
{
    if (handle < 0)
        return NULL;
    int index = (int)((uint32_t)handle & (PC_HANDLE_MAX_SLOTS - 1));
    uint32_t generation = (uint32_t)handle >> PC_HANDLE_INDEX_BITS;
    if (index >= count)
        return NULL;
    pc_slot *slot = slot_at(table, index, stride);
    return slot->used && slot->generation == generation ? slot : NULL;
}

void pci_slot_free(void *element, size_t stride)
{
    pc_slot *slot = element;
    wipe_body(slot, stride);
    slot->used = 0;
    slot->generation = (slot->generation + 1) & GENERATION_MASK;
    if (slot->generation == 0)
        slot->generation = 1;
}

void pci_slot_wipe_all(void *table, int count, size_t stride)
{
    for (int i = 0; i < count; i++) {
        pc_slot *slot = slot_at(table, i, stride);
        if (slot->used)
            pci_slot_free(slot, stride);
        else
            wipe_body(slot, stride);
    }
}
