// SPDX-License-Identifier: MIT
/*
 * bench_ops.h - the benchmark image's parts (bench_main.c runs them).
 */
#ifndef XT_BENCH_OPS_H
#define XT_BENCH_OPS_H

#include <stdint.h>

#include "xt_measure.h"

void xt_report(const char *id, const char *label, const xt_acc *acc);
void xt_report_spread(const char *id, const char *label, unsigned n, uint64_t min, uint64_t max);
void xt_bench_fail(const char *what, int32_t rc) __attribute__((noreturn));
void xt_seed(uint32_t n);   /* reseeds the TEST-ONLY DRBG */

void xt_bench_backend(void); /* bench_backend.c: primitives through backend.h */
void xt_bench_core(void);    /* bench_core.c: self-test, handshakes, packets */
int32_t xt_bench_store(void); /* bench_core.c: its open key store */
void xt_bench_kem(void);     /* bench_kem.c: hybrid pairing (ML-KEM-768), after xt_bench_core */
void xt_bench_precomp(void); /* bench_precomp.c: precomputed key exchange, last */

#define XT_SPREAD_RUNS 8     /* different keys per data-dependence check */

#endif /* XT_BENCH_OPS_H */
