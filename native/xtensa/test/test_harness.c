// SPDX-License-Identifier: MIT
/*
 * test_harness.c - counting checks for the test image (xt_test.h).
 */
#include "xt_test.h"

unsigned xt_passed;
unsigned xt_failed;

int xt_check(int ok, const char *group, const char *name, const char *what)
{
    if (ok) {
        xt_passed++;
        return 1;
    }
    xt_failed++;
    xt_puts("FAIL ");
    xt_puts(group);
    xt_puts(": ");
    xt_puts(name);
    xt_puts(": ");
    xt_puts(what);
    xt_putc('\n');
    return 0;
}

int xt_check_rc(int32_t got, int32_t want, const char *group, const char *name, const char *what)
{
    if (got == want) {
        xt_passed++;
        return 1;
    }
    xt_failed++;
    xt_puts("FAIL ");
    xt_puts(group);
    xt_puts(": ");
    xt_puts(name);
    xt_puts(": ");
    xt_puts(what);
    xt_puts(": got ");
    xt_putd(got);
    xt_puts(", want ");
    xt_putd(want);
    xt_putc('\n');
    return 0;
}

void xt_run_group(const char *group, void (*fn)(const char *group))
{
    unsigned p0 = xt_passed;
    unsigned f0 = xt_failed;

    fn(group);
    xt_puts("[");
    xt_puts(group);
    xt_puts("] ");
    xt_putu(xt_passed - p0);
    xt_puts(" passed, ");
    xt_putu(xt_failed - f0);
    xt_puts(" failed\n");
}
