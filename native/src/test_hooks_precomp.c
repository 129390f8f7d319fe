// SPDX-License-Identifier: MIT
/* test_hooks_precomp.c - bindings with fixed keys and probes of the
 * precompute tables (PC_TEST_HOOKS only; test_hooks.h). */
#include "test_hooks.h"

#ifdef PC_TEST_HOOKS

#include "backend.h"
#include "handshake.h"
#include "pc_platform.h"
#include "phone_crypto_api.h"
#include "precompute.h"

int pc_test_precomp_install(const uint8_t *s_priv, const uint8_t *rs, const uint8_t *e_priv)
{
    uint8_t ss[32];
    pci_platform_lock();
    int rc = pci_be_x25519(ss, s_priv, rs);
    if (rc == 0)
        rc = pci_precomp_install(PC_STORE_NONE, rs, ss, e_priv);
    pci_be_wipe(ss, sizeof ss);
    pci_platform_unlock();
    return rc;
}

int pc_test_precomp_bound(int32_t store, const uint8_t *rs, uint8_t *e_pub)
{
    pci_platform_lock();
    int rc = pci_precomp_bound(store, rs, e_pub);
    pci_platform_unlock();
    return rc;
}

int pc_test_precomp_ss_cached(int32_t store, const uint8_t *rs)
{
    pci_platform_lock();
    int rc = pci_precomp_ss_held(store, rs);
    pci_platform_unlock();
    return rc;
}

void pc_test_precomp_limit(int contacts)
{
    pci_platform_lock();
    pci_precomp_set_limit(contacts);
    pci_platform_unlock();
}

void pc_test_precomp_wipe(void)
{
    pci_platform_lock();
    pci_precomp_wipe_all();
    pci_platform_unlock();
}

uint32_t pc_test_x25519_count(void)
{
    pci_platform_lock();
    uint32_t n = pci_be_x25519_count();
    pci_platform_unlock();
    return n;
}

#else
typedef int pc_test_hooks_precomp_not_built; /* ISO C: a translation unit is never empty */
#endif /* PC_TEST_HOOKS */
