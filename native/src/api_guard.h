/*
 * api_guard.h - what every exported pc_* function does first: take the
 * table lock, refuse to run before the power-on self-test has passed, and
 * check each (buffer, length) pair the managed side passed in.
 *
 * Pattern (one exit, the lock always released):
 *     int32_t pc_x(...) {
 *         int32_t rc = pc_api_enter();
 *         if (rc == PC_OK) rc = do_x(...);
 *         pc_api_leave();
 *         return rc;
 *     }
 */
#ifndef PC_API_GUARD_H
#define PC_API_GUARD_H

#include <stddef.h>
#include <stdint.h>

#include "phone_crypto.h"
#include "platform.h"

/* Set by pc_selftest (selftest.c) once every known-answer test passed. */
int pc_selftest_passed(void);

static inline int32_t pc_api_enter(void)
{
    pc_platform_lock();
    return pc_selftest_passed() ? PC_OK : PC_E_SELFTEST;
}

static inline void pc_api_leave(void)
{
    pc_platform_unlock();
}

/* A buffer argument: len >= 0, ptr non-NULL unless len == 0. */
static inline int pc_arg_buffer(const uint8_t *ptr, int32_t len)
{
    return len >= 0 && (ptr != NULL || len == 0);
}

/* A region [off, off+count) inside a buffer of buf_len bytes, without overflow. */
static inline int pc_arg_region(const uint8_t *ptr, int32_t buf_len, int32_t off, int32_t count)
{
    return pc_arg_buffer(ptr, buf_len) && off >= 0 && count >= 0 && off <= buf_len
           && count <= buf_len - off;
}

#endif /* PC_API_GUARD_H */
