// SPDX-License-Identifier: MIT
/*
 * api_core.c - the guard every entry point runs (api_guard.h), version,
 * self-test, public hashing and randomness, and the ephemeral key pool
 * entry points.
 */
#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "hkdf.h"
#include "keypool.h"
#include "phone_crypto_api.h"
#include "precompute.h"
#include "selftest.h"
#include "test_vectors.h"

/* ---- the guard ----------------------------------------------------------- */

#ifdef PC_HOST_CALL_HOOK
/* Host library only (native/host/call_hook.c): tells the simulator's
 * device-timing mode which entry point is running. Not inlined, so the return
 * address lies inside the exported pc_* function that called the guard. */
#include "../host/call_hook.h"
__attribute__((noinline))
#endif
int32_t pci_api_enter(void)
{
#ifdef PC_HOST_CALL_HOOK
    pci_host_call_entered(__builtin_return_address(0));
#endif
    pci_platform_lock();
    return pci_selftest_passed() ? PC_OK : PC_E_SELFTEST;
}

int32_t pci_api_leave(int32_t rc)
{
    pci_platform_unlock();
    return rc;
}

int pci_arg_buffer(const uint8_t *ptr, int32_t len)
{
    return len >= 0 && (ptr != NULL || len == 0);
}

int pci_arg_region(const uint8_t *ptr, int32_t buf_len, int32_t off, int32_t count)
{
    return pci_arg_buffer(ptr, buf_len) && off >= 0 && count >= 0 && off <= buf_len
           && count <= buf_len - off;
}

int32_t pci_arg_out(const uint8_t *out, int32_t out_len, int32_t need)
{
    if (!pci_arg_buffer(out, out_len))
        return PC_E_ARG;
    return out_len < need ? PC_E_SPACE : PC_OK;
}

int32_t pci_api_copy_out(uint8_t *out, int32_t out_len, const void *src, int32_t len)
{
    int32_t rc = pci_arg_out(out, out_len, len);
    if (rc != PC_OK)
        return rc;
    memcpy(out, src, (size_t)len);
    return len;
}

/* ---- entry points -------------------------------------------------------- */

int32_t pc_api_version(void)
{
    return PC_API_VERSION;
}

/* Not gated: it is how the gate opens. */
int32_t pc_selftest(void)
{
#ifdef PC_HOST_CALL_HOOK
    pci_host_call_named("pc_selftest"); /* runs before the guard's self-test gate */
#endif
    pci_platform_lock();
    PCI_TRACE_PAUSE(1); /* its loopback handshakes belong to no transcript */
    int32_t rc = pci_selftest_run();
    PCI_TRACE_PAUSE(0);
    return pci_api_leave(rc);
}

static int32_t hash(const uint8_t *in, int32_t in_len, uint8_t *out, int32_t out_len)
{
    if (!pci_arg_buffer(in, in_len) || !pci_arg_buffer(out, out_len) || out_len < 1
        || out_len > PC_HASH_LEN)
        return PC_E_ARG;
    pci_blake2b(out, (size_t)out_len, in, (size_t)in_len, NULL, 0);
    return out_len;
}

int32_t pc_hash(const uint8_t *in, int32_t in_len, uint8_t *out, int32_t out_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = hash(in, in_len, out, out_len);
    return pci_api_leave(rc);
}

static int32_t random_bytes(uint8_t *out, int32_t out_len)
{
    if (!pci_arg_buffer(out, out_len))
        return PC_E_ARG;
    if (out_len > 0 && pci_be_random(out, (size_t)out_len) != 0)
        return PC_E_RNG;
    return out_len;
}

int32_t pc_random(uint8_t *out, int32_t out_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = random_bytes(out, out_len);
    return pci_api_leave(rc);
}

int32_t pc_pool_refill(void)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK) /* hot contacts first: they bind pool keys, the pool refills after */
        rc = pci_precomp_idle();
    if (rc == PC_OK)
        rc = pci_keypool_refill();
    return pci_api_leave(rc);
}

int32_t pc_pool_ready(void)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_keypool_ready();
    return pci_api_leave(rc);
}
