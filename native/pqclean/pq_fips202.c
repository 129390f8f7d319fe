// SPDX-License-Identifier: MIT
/*
 * pq_fips202.c - PQClean's common/fips202.c, compiled unchanged, with its
 * heap calls pointed at pq_glue.c's fixed context pool. <stdlib.h> is
 * included first, so its declarations stay intact (its include guard makes
 * fips202.c's own #include a no-op) and only the calls in fips202.c below are
 * renamed.
 */
#include <stdlib.h>
#include <string.h>

#include "pq_glue.h"

#define malloc(size) pcq_ctx_alloc(size)
#define free(ctx) pcq_ctx_free(ctx)
#define exit(code) pcq_fatal(code)

#include "fips202.c"
