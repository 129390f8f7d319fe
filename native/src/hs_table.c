/* hs_table.c - handshake slots reached by handles. */
#include "hs_table.h"

#include "backend.h"
#include "handles.h"
#include "limits.h"
#include "phone_crypto.h"

typedef struct hs_entry {
    pc_slot slot; /* first member, as handles.c requires */
    pc_handshake hs;
} hs_entry;

static hs_entry s_handshakes[PC_MAX_HANDSHAKES];

#define TABLE s_handshakes, PC_MAX_HANDSHAKES, sizeof(hs_entry)

int32_t pc_hs_table_alloc(pc_handshake **hs)
{
    int32_t handle = pc_slot_alloc(TABLE);
    if (handle >= 0)
        *hs = &s_handshakes[handle & (PC_HANDLE_MAX_SLOTS - 1)].hs;
    return handle;
}

pc_handshake *pc_hs_table_get(int32_t handle)
{
    int index = pc_slot_index(handle, TABLE);
    return index < 0 ? NULL : &s_handshakes[index].hs;
}

int pc_hs_table_free(int32_t handle)
{
    int index = pc_slot_index(handle, TABLE);
    if (index < 0)
        return PC_E_HANDLE;
    pc_handshake_wipe(&s_handshakes[index].hs);
    pc_slot_release(s_handshakes, index, sizeof(hs_entry));
    return PC_OK;
}

void pc_hs_table_wipe_all(void)
{
    for (int i = 0; i < PC_MAX_HANDSHAKES; i++) {
        pc_handshake_wipe(&s_handshakes[i].hs);
        if (s_handshakes[i].slot.used)
            pc_slot_release(s_handshakes, i, sizeof(hs_entry));
    }
}
