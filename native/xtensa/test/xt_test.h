// SPDX-License-Identifier: MIT
/*
 * xt_test.h - the test image's tiny harness: checks count, failures print
 * the test's name and what differed (never key bytes), and the image ends
 * with "xtensa: N passed, M failed" and a non-zero exit status on failure.
 */
#ifndef XT_TEST_H
#define XT_TEST_H

#include <stddef.h>
#include <stdint.h>

#include "semihost.h"

extern unsigned xt_passed;
extern unsigned xt_failed;

/* Records one check; on failure prints "FAIL <group>: <name>: <what>". */
int xt_check(int ok, const char *group, const char *name, const char *what);
int xt_check_rc(int32_t got, int32_t want, const char *group, const char *name, const char *what);


/* Runs fn as one group. */
void xt_run_group(const char *group, void (*fn)(const char *group));

#endif /* XT_TEST_H */
