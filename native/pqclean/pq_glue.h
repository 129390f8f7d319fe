// SPDX-License-Identifier: MIT
/*
 * pq_glue.h - what pq_fips202.c points PQClean's fips202.c heap calls at
 * (pq_glue.c: a fixed, wiped pool of Keccak contexts; no heap).
 */
#ifndef PC_PQ_GLUE_H
#define PC_PQ_GLUE_H

#include <stddef.h>

void *pcq_ctx_alloc(size_t size);
void pcq_ctx_free(void *ctx);
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noreturn))
#endif
void pcq_fatal(int code);

#endif /* PC_PQ_GLUE_H */
