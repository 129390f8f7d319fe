/*
 * platform_host.c - pc_platform.h for the host library: one recursive pthread
 * mutex around the static tables (several managed threads may call in; the
 * self-test re-enters through the public session calls), and the wipe of
 * every table.
 */
#include <pthread.h>

#include "hs_table.h"
#include "keypool.h"
#include "keystore.h"
#include "pc_platform.h"
#include "transport.h"

static pthread_mutex_t s_lock;
static pthread_once_t s_lock_once = PTHREAD_ONCE_INIT;

static void make_lock(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&s_lock, &attr);
    pthread_mutexattr_destroy(&attr);
}

void pc_platform_lock(void)
{
    pthread_once(&s_lock_once, make_lock);
    pthread_mutex_lock(&s_lock);
}

void pc_platform_unlock(void)
{
    pthread_mutex_unlock(&s_lock);
}

void pc_wipe_all(void)
{
    pc_platform_lock();
    pc_hs_table_wipe_all();
    pc_keypool_wipe_all();
    pc_transport_wipe_all();
    pc_keystore_wipe_all();
    pc_platform_unlock();
}
