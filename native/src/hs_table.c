// SPDX-License-Identifier: MIT
/* hs_table.c - handshake slots reached by handles. */
#include "hs_table.h"

#include "handles.h"
#include "kem_table.h"
#include "pc_limits.h"
#include "phone_crypto_api.h"

typedef struct hs_entry {
    pc_slot slot; /* first member, as handles.c requires */
    pc_handshake hs;
} hs_entry;

static hs_entry s_handshakes[PC_MAX_HANDSHAKES];

#define TABLE s_handshakes, PC_MAX_HANDSHAKES, sizeof(hs_entry)

static hs_entry *entry(int32_t handle)
{
    return pci_slot_get(handle, TABLE);
}

int32_t pci_hs_table_alloc(pc_handshake **hs)
{
    int32_t handle = pci_slot_alloc(TABLE);
    if (handle >= 0)
        *hs = &entry(handle)->hs;
    return handle;
}

pc_handshake *pci_hs_table_get(int32_t handle)
{
    hs_entry *e = entry(handle);
    return e == NULL ? NULL : &e->hs;
}

/* The handshake is wiped with the slot (the entry's body). */
int pci_hs_table_free(int32_t handle)
{
    hs_entry *e = entry(handle);
    if (e == NULL)
        return PC_E_HANDLE;
    if (e->hs.kem_state == PC_HS_KEM_OFFERED)
        pci_kem_table_free(e->hs.kem_key);
    pci_slot_free(e, sizeof *e);
    return PC_OK;
}

void pci_hs_table_wipe_all(void)
{
    pci_slot_wipe_all(TABLE);
    pci_kem_table_wipe_all();
}
