// SPDX-License-Identifier: MIT
/*
 * bench_main.c - the Xtensa benchmark image: exact guest instructions and
 * peak stack per operation of the native core (production build: no test
 * hooks, device limits). Run by native/xtensa/bench/bench.sh:
 *
 *   qemu-system-xtensa -M sim -cpu lx106 -nographic -monitor none -semihosting \
 *                      -icount shift=7 -kernel xt_bench.elf
 *
 * Output: one "R|id|label|instructions|stack|calls|muldi3" line per measurement
 * (bench-report.js turns them into docs/performance.md's tables), then
 * "D|id|label|n|min|max" lines for the data-dependence runs.
 *
 * The random source is the TEST-ONLY deterministic DRBG (sodium_shim.c):
 * keys differ between runs of an operation only because it is reseeded.
 */
#include <string.h>

#include "backend.h"
#include "bench_ops.h"
#include "phone_crypto_api.h"
#include "semihost.h"
#include "xt_drbg.h"
#include "xt_measure.h"

int main(void);

/* ---- output --------------------------------------------------------------- */

void xt_report(const char *id, const char *label, const xt_acc *acc)
{
    xt_puts("R|");
    xt_puts(id);
    xt_putc('|');
    xt_puts(label);
    xt_putc('|');
    xt_putu(acc->insns);
    xt_putc('|');
    xt_putu(acc->stack);
    xt_putc('|');
    xt_putu(acc->calls);
    xt_putc('|');
    xt_putu(acc->muls);
    xt_putc('\n');
}

void xt_report_spread(const char *id, const char *label, unsigned n, uint64_t min, uint64_t max)
{
    xt_puts("D|");
    xt_puts(id);
    xt_putc('|');
    xt_puts(label);
    xt_putc('|');
    xt_putu(n);
    xt_putc('|');
    xt_putu(min);
    xt_putc('|');
    xt_putu(max);
    xt_putc('\n');
}

void xt_bench_fail(const char *what, int32_t rc)
{
    xt_puts("BENCH FAILED: ");
    xt_puts(what);
    xt_puts(" rc ");
    xt_putd(rc);
    xt_putc('\n');
    xt_exit(1);
}

void xt_seed(uint32_t n)
{
    uint8_t seed[32] = { 0x42 };
    seed[1] = (uint8_t)n;
    seed[2] = (uint8_t)(n >> 8);
    xt_test_drbg_seed(seed);
}

/* ---- calibration: CCOUNT -> instructions must be exact ---------------------- */

__attribute__((noinline)) static void empty_call(void)
{
    __asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) static void nops_1000(void)
{
    __asm__ volatile(".rept 1000\n nop.n\n .endr" ::: "memory");
}

/* movi + 2 * 5000 (addi, bnez) = 10001 instructions */
__attribute__((noinline)) static void loop_10001(void)
{
    __asm__ volatile("movi a8, 5000\n"
                     "1: addi a8, a8, -1\n"
                     "bnez a8, 1b\n" ::: "a8", "memory");
}

static void calibrate(void)
{
    xt_acc e = { 0 }, n = { 0 }, l = { 0 }, p = { 0 };
    uint32_t t0, t1;

    t0 = xt_ccount();
    t1 = xt_ccount();
    if (t1 == t0 || xt_insns(t1 - t0) > 8) {
        xt_puts("BENCH FAILED: CCOUNT does not follow instructions: run QEMU with -icount shift=7\n");
        xt_exit(2);
    }
    xt_overhead = 0;
    XT_MEASURE(&e, empty_call());
    xt_overhead = (uint32_t)e.insns;
    XT_MEASURE(&n, nops_1000());
    XT_MEASURE(&l, loop_10001());
    {
        /* One 64-bit product the way the field arithmetic gets it: GCC
         * calls __muldi3 (lx106 has no high multiply). */
        static volatile int64_t x = -123456789, y = 987654321, z;
        XT_MEASURE(&p, z = x * y);
        (void)z;
    }
    xt_puts("calibration: empty call ");
    xt_putu(xt_overhead);
    xt_puts(" instructions (subtracted); 1000 nops -> ");
    xt_putu(n.insns);
    xt_puts("; 5000-turn loop (10001) -> ");
    xt_putu(l.insns);
    xt_putc('\n');
    /* each block costs its body plus its own call/return (the empty call's
     * callx0 and ret are already in the overhead) */
    xt_report("muldi3", "one 64x64-bit product: two volatile loads, the __muldi3 call, a store", &p);
    if (n.insns != 1000 || l.insns != 10001) {
        xt_puts("BENCH FAILED: instructions != round(dCCOUNT*25/128)\n");
        xt_exit(2);
    }
}

int main(void)
{
    xt_puts("xtensa benchmark image (lx106, production build, device limits, "
            "TEST-ONLY deterministic RNG)\n");
    calibrate();
    xt_seed(0);
    xt_bench_backend();
    xt_bench_core();
    xt_bench_kem();
    xt_bench_precomp();
    xt_puts("bench: done\n");
    return 0;
}
