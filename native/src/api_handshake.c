// SPDX-License-Identifier: MIT
/*
 * api_handshake.c - the pc_hs_* entry points: argument checks, handle
 * look-up and the table lock around handshake.c. Caller mistakes return
 * PC_E_ARG/HANDLE/STATE/SPACE/NO_SLOT; hostile messages come back from
 * handshake.c as PC_E_MALFORMED/AUTH/BAD_KEY with the handshake unchanged.
 */
#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "hs_table.h"
#include "keystore.h"
#include "phone_crypto_api.h"
#include "precompute.h"
#include "transport.h"

/* ptr + off without forming an offset from NULL (empty buffers). */
static uint8_t *at_offset(uint8_t *ptr, int32_t off)
{
    return ptr == NULL ? NULL : ptr + off;
}

static const uint8_t *at_offset_const(const uint8_t *ptr, int32_t off)
{
    return ptr == NULL ? NULL : ptr + off;
}

/* ---- pc_hs_new ------------------------------------------------------------ */

static int32_t hs_new(int32_t store, int32_t pattern, int32_t role, const uint8_t *prologue,
                      int32_t prologue_len, const uint8_t *rs, int32_t rs_len)
{
    pc_local_static s;
    pc_handshake *hs;

    if (!pci_arg_buffer(prologue, prologue_len) || !pci_arg_buffer(rs, rs_len)
        || (rs_len != 0 && rs_len != PC_KEY_LEN))
        return PC_E_ARG;
    if (store < 0)
        return PC_E_HANDLE; /* PC_STORE_NONE is internal (self-test, test hooks) */
    memset(&s, 0, sizeof s);
    s.store = store;
    int rc = pci_keystore_identity_public(store, s.pub);
    if (rc < 0)
        return rc;
    int32_t handle = pci_hs_table_alloc(&hs);
    if (handle < 0)
        return handle;
    rc = pci_handshake_init(hs, pattern, role, prologue, (size_t)prologue_len, &s,
                           rs_len ? rs : NULL);
    if (rc != PC_OK) {
        pci_hs_table_free(handle);
        return rc;
    }
    return handle;
}

int32_t pc_hs_new(int32_t store, int32_t pattern, int32_t role, const uint8_t *prologue,
                  int32_t prologue_len, const uint8_t *remote_static, int32_t rs_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_new(store, pattern, role, prologue, prologue_len, remote_static, rs_len);
    return pci_api_leave(rc);
}

/* ---- pc_hs_use_resumption -------------------------------------------------- */

/* The PSK must belong to the peer this handshake talks to. */
static int contact_matches_peer(const pc_handshake *hs, int32_t store, int32_t contact)
{
    uint8_t rec[PC_CONTACT_RECORD_LEN];
    int rc = pci_keystore_contact_read(store, contact, rec);
    if (rc < 0)
        return rc;
    return pci_be_equal(rec + PC_CONTACT_KEY_OFFSET, hs->rs, PC_KEY_LEN) ? PC_OK : PC_E_ARG;
}

static int32_t hs_use_resumption(int32_t handle, int32_t store, int32_t contact,
                                 int32_t generation)
{
    uint8_t psk[32];
    pc_handshake *hs = pci_hs_table_get(handle);

    if (hs == NULL)
        return PC_E_HANDLE;
    if (generation <= 0 || store != hs->s.store)
        return PC_E_ARG;
    if (hs->pattern != PC_PATTERN_IKPSK2 || !hs->has_rs || hs->psk_set
        || hs->state == PC_HSS_DONE)
        return PC_E_STATE;
    int rc = contact_matches_peer(hs, store, contact);
    if (rc == PC_OK)
        rc = pci_keystore_resumption(store, contact, (uint32_t)generation, psk);
    if (rc == PC_OK)
        rc = pci_handshake_set_psk(hs, psk, (uint32_t)generation);
    pci_be_wipe(psk, sizeof psk);
    return rc;
}

int32_t pc_hs_use_resumption(int32_t hs, int32_t store, int32_t contact, int32_t generation)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_use_resumption(hs, store, contact, generation);
    return pci_api_leave(rc);
}

/* ---- pc_hs_write / pc_hs_read ---------------------------------------------- */

static int32_t hs_write(int32_t handle, const uint8_t *payload, int32_t payload_len,
                        uint8_t *out, int32_t out_len, int32_t out_off)
{
    size_t written = 0;

    if (!pci_arg_buffer(payload, payload_len) || !pci_arg_region(out, out_len, out_off, 0))
        return PC_E_ARG;
    pc_handshake *hs = pci_hs_table_get(handle);
    if (hs == NULL)
        return PC_E_HANDLE;
    int rc = pci_handshake_write(hs, payload, (size_t)payload_len, at_offset(out, out_off),
                                (size_t)(out_len - out_off), &written);
    return rc != PC_OK ? rc : (int32_t)written;
}

int32_t pc_hs_write(int32_t hs, const uint8_t *payload, int32_t payload_len, uint8_t *out,
                    int32_t out_len, int32_t out_off)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_write(hs, payload, payload_len, out, out_len, out_off);
    return pci_api_leave(rc);
}

static int32_t hs_read(int32_t handle, const uint8_t *msg, int32_t msg_len, int32_t off,
                       int32_t count, uint8_t *payload, int32_t payload_len)
{
    size_t got = 0;

    if (!pci_arg_region(msg, msg_len, off, count) || !pci_arg_buffer(payload, payload_len))
        return PC_E_ARG;
    pc_handshake *hs = pci_hs_table_get(handle);
    if (hs == NULL)
        return PC_E_HANDLE;
    if (hs->kem_state == PC_HS_KEM_OFFERED)
        return PC_E_STATE; /* hybrid: the ciphertext first (pc_hs_kem_finish), never classical */
    int rc = pci_handshake_read(hs, at_offset_const(msg, off), (size_t)count, payload,
                               (size_t)payload_len, &got);
    return rc != PC_OK ? rc : (int32_t)got;
}

int32_t pc_hs_read(int32_t hs, const uint8_t *msg, int32_t msg_len, int32_t off, int32_t count,
                   uint8_t *payload, int32_t payload_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_read(hs, msg, msg_len, off, count, payload, payload_len);
    return pci_api_leave(rc);
}

/* ---- public state ---------------------------------------------------------- */

static int32_t hs_status(int32_t handle)
{
    const pc_handshake *hs = pci_hs_table_get(handle);
    if (hs == NULL)
        return PC_E_HANDLE;
    switch (hs->state) {
    case PC_HSS_READ: return PC_HS_READ;
    case PC_HSS_DONE: return PC_HS_DONE;
    default: return PC_HS_WRITE; /* write, or need-psk then write */
    }
}

int32_t pc_hs_status(int32_t hs)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_status(hs);
    return pci_api_leave(rc);
}

static int32_t hs_hash(int32_t handle, uint8_t *h, int32_t h_len)
{
    if (!pci_arg_buffer(h, h_len))
        return PC_E_ARG;
    const pc_handshake *hs = pci_hs_table_get(handle);
    if (hs == NULL)
        return PC_E_HANDLE;
    return pci_api_copy_out(h, h_len, hs->ss.h, PC_HASH_LEN);
}

int32_t pc_hs_hash(int32_t hs, uint8_t *h, int32_t h_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_hash(hs, h, h_len);
    return pci_api_leave(rc);
}

static int32_t hs_remote_static(int32_t handle, uint8_t *rs, int32_t rs_len)
{
    if (!pci_arg_buffer(rs, rs_len))
        return PC_E_ARG;
    const pc_handshake *hs = pci_hs_table_get(handle);
    if (hs == NULL)
        return PC_E_HANDLE;
    if (!hs->has_rs)
        return PC_E_STATE;
    return pci_api_copy_out(rs, rs_len, hs->rs, PC_KEY_LEN);
}

int32_t pc_hs_remote_static(int32_t hs, uint8_t *rs, int32_t rs_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_remote_static(hs, rs, rs_len);
    return pci_api_leave(rc);
}

/* ---- pc_hs_split / pc_hs_free ---------------------------------------------- */

/* The handshake is freed only once the session exists: a full session
 * table (PC_E_NO_SLOT) leaves it intact for a retry. */
static int32_t hs_split(int32_t handle)
{
    pc_split_result split;
    const pc_handshake *hs = pci_hs_table_get(handle);

    if (hs == NULL)
        return PC_E_HANDLE;
    int32_t rc = pci_handshake_split(hs, &split);
    if (rc == PC_OK)
        rc = pci_transport_create(&split);
    if (rc >= 0 && hs->has_rs) /* a call with a contact: it may become hot */
        pci_precomp_note_call(hs->s.store, hs->rs);
    if (rc >= 0)
        pci_hs_table_free(handle);
    pci_be_wipe(&split, sizeof split);
    return rc;
}

int32_t pc_hs_split(int32_t hs)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hs_split(hs);
    return pci_api_leave(rc);
}

int32_t pc_hs_free(int32_t hs)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_hs_table_free(hs);
    return pci_api_leave(rc);
}
