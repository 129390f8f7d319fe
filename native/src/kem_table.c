// SPDX-License-Identifier: MIT
/* kem_table.c - ML-KEM decapsulation key slots reached by handles. */
#include "kem_table.h"

#include "handles.h"
#include "pc_limits.h"

typedef struct kem_entry {
    pc_slot slot; /* first member, as handles.c requires */
    uint8_t sk[PCQ_MLKEM_SECRET_LEN];
} kem_entry;

static kem_entry s_kem_keys[PC_MAX_KEM_KEYS];

#define TABLE s_kem_keys, PC_MAX_KEM_KEYS, sizeof(kem_entry)

int32_t pci_kem_table_alloc(uint8_t **sk)
{
    int32_t handle = pci_slot_alloc(TABLE);
    if (handle >= 0)
        *sk = ((kem_entry *)pci_slot_get(handle, TABLE))->sk;
    return handle;
}

uint8_t *pci_kem_table_get(int32_t handle)
{
    kem_entry *e = pci_slot_get(handle, TABLE);
    return e == NULL ? NULL : e->sk;
}

void pci_kem_table_free(int32_t handle)
{
    kem_entry *e = pci_slot_get(handle, TABLE);
    if (e != NULL)
        pci_slot_free(e, sizeof *e);
}

void pci_kem_table_wipe_all(void)
{
    pci_slot_wipe_all(TABLE);
}
