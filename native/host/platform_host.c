// SPDX-License-Identifier: MIT
/*
 * platform_host.c - pc_platform.h for the host library: one pthread mutex
 * around the static tables (several managed threads may call in), and the
 * wipe of every table. No entry point re-enters another, so the mutex is
 * not recursive; it checks for errors, so a re-entry (a bug) stops the
 * process at once instead of deadlocking it.
 */
#include <pthread.h>
#include <stdlib.h>

#include "hs_table.h"
#include "keypool.h"
#include "keystore.h"
#include "pc_platform.h"
#include "cookie_secret.h"
#include "precompute.h"
#include "transport.h"

static pthread_mutex_t s_lock;
static pthread_once_t s_lock_once = PTHREAD_ONCE_INIT;

static void make_lock(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&s_lock, &attr);
    pthread_mutexattr_destroy(&attr);
}

void pci_platform_lock(void)
{
    pthread_once(&s_lock_once, make_lock);
    if (pthread_mutex_lock(&s_lock) != 0)
        abort(); /* EDEADLK: this thread already holds it */
}

void pci_platform_unlock(void)
{
    if (pthread_mutex_unlock(&s_lock) != 0)
        abort(); /* EPERM: not held by this thread */
}

void pci_wipe_all(void)
{
    pci_platform_lock();
    pci_hs_table_wipe_all();
    pci_keypool_wipe_all();
    pci_precomp_wipe_all();
    pci_cookie_wipe_all();
    pci_transport_wipe_all();
    pci_keystore_wipe_all();
    pci_platform_unlock();
}

/* Host threads have megabytes of stack: ML-KEM runs where it is called. */
int32_t pci_platform_run_deep(int32_t (*fn)(void *arg), void *arg)
{
    return fn(arg);
}
