// SPDX-License-Identifier: MIT
/* test_hooks.c - fixed-key handshakes and state probes (PC_TEST_HOOKS only). */
#include "test_hooks.h"

#ifdef PC_TEST_HOOKS

#include <string.h>

#include "backend.h"
#include "handshake.h"
#include "hs_table.h"
#include "phone_crypto_api.h"
#include "pc_platform.h"

static int local_static_from(pc_local_static *s, const uint8_t *s_priv)
{
    memset(s, 0, sizeof *s);
    s->store = PC_STORE_NONE;
    if (s_priv != NULL)
        memcpy(s->secret, s_priv, 32);
    else if (pci_be_random(s->secret, 32) != 0)
        return PC_E_RNG;
    pci_be_x25519_public(s->pub, s->secret);
    return PC_OK;
}

static int32_t test_hs_new(int pattern, int role, const uint8_t *prologue, size_t plen,
                           const uint8_t *s_priv, const uint8_t *e_priv, const uint8_t *rs,
                           const uint8_t *psk)
{
    pc_local_static s;
    pc_handshake *hs;
    int32_t handle = PC_E_RNG;

    if (local_static_from(&s, s_priv) == PC_OK)
        handle = pci_hs_table_alloc(&hs);
    if (handle >= 0) {
        int rc = pci_handshake_init(hs, pattern, role, prologue, plen, &s, rs);
        if (rc == PC_OK && psk != NULL)
            rc = pci_handshake_set_psk(hs, psk, 1);
        if (rc == PC_OK && e_priv != NULL) {
            memcpy(hs->fixed_e, e_priv, 32);
            hs->has_fixed_e = 1;
        }
        if (rc != PC_OK) {
            pci_hs_table_free(handle);
            handle = rc;
        }
    }
    pci_be_wipe(&s, sizeof s);
    return handle;
}

int32_t pc_test_hs_new(int pattern, int role, const uint8_t *prologue, size_t plen,
                       const uint8_t *s_priv, const uint8_t *e_priv, const uint8_t *rs,
                       const uint8_t *psk)
{
    pci_platform_lock();
    int32_t rc = test_hs_new(pattern, role, prologue, plen, s_priv, e_priv, rs, psk);
    pci_platform_unlock();
    return rc;
}

int pc_test_hs_split(int32_t handle, pc_split_result *out)
{
    pci_platform_lock();
    const pc_handshake *hs = pci_hs_table_get(handle);
    int rc = hs == NULL ? PC_E_HANDLE : pci_handshake_split(hs, out);
    pci_platform_unlock();
    return rc;
}

int pc_test_hs_ephemeral_held(int32_t handle)
{
    pci_platform_lock();
    const pc_handshake *hs = pci_hs_table_get(handle);
    int rc = hs == NULL ? PC_E_HANDLE : !pci_be_is_zero(hs->e, sizeof hs->e);
    pci_platform_unlock();
    return rc;
}

static const char *state_name(int state)
{
    switch (state) {
    case PC_HSS_UNUSED: return "unused";
    case PC_HSS_NEED_PSK: return "need-psk";
    case PC_HSS_WRITE: return "write";
    case PC_HSS_READ: return "read";
    case PC_HSS_DONE: return "done";
    default: return "invalid";
    }
}

const char *pc_test_hs_state_name(int32_t handle)
{
    pci_platform_lock();
    const pc_handshake *hs = pci_hs_table_get(handle);
    const char *name = hs == NULL ? "bad-handle" : state_name(hs->state);
    pci_platform_unlock();
    return name;
}

#else
typedef int pc_test_hooks_not_built; /* ISO C: a translation unit is never empty */
#endif /* PC_TEST_HOOKS */
