// SPDX-License-Identifier: MIT
/*
 * xt_measure.h - exact guest instruction counts and peak stack on the
 * emulated lx106 (benchmark image only).
 *
 * Instructions: QEMU run with -icount shift=7 advances its virtual clock by
 * 2^7 ns per guest instruction, and the sim machine's CCOUNT runs at 40 MHz
 * of that clock: 5.12 CCOUNT ticks per instruction, so
 *     instructions = round(dCCOUNT * 25 / 128)
 * exactly (QEMU computes CCOUNT from the clock afresh at every read, so the
 * truncation error stays below one tick). bench_main.c checks the relation
 * at start-up against blocks of known instruction counts and refuses to run
 * if it does not hold (e.g. QEMU started without -icount).
 *
 * Stack: everything between the stack's bottom and the caller's frame is
 * painted with a pattern before the call; afterwards the lowest overwritten
 * word gives the call's peak depth below the caller's stack pointer.
 */
#ifndef XT_MEASURE_H
#define XT_MEASURE_H

#include <stdint.h>

#define XT_PAINT 0xA5A5A5A5u

extern uint32_t _stack_bottom[];   /* link.ld */

static inline uint32_t xt_ccount(void)
{
    uint32_t c;
    __asm__ volatile("rsr.ccount %0" : "=r"(c) : : "memory");
    return c;
}

static inline uint32_t xt_sp(void)
{
    uint32_t sp;
    __asm__ volatile("mov %0, a1" : "=r"(sp) : : "memory");
    return sp;
}

static inline uint32_t xt_insns(uint32_t dccount)
{
    return (uint32_t)(((uint64_t)dccount * 25u + 64u) / 128u);
}

/* Paints from the stack's bottom up to just below the caller's frame. */
void xt_paint_stack(void);
/* Lowest address written since the last paint. */
uint32_t xt_stack_low(void);

typedef struct xt_acc {
    uint64_t insns;     /* summed over the calls */
    uint32_t stack;     /* deepest of the calls, bytes below the caller's sp */
    uint32_t calls;
    uint64_t muls;      /* __muldi3 calls (profiling image only, else 0) */
} xt_acc;

#ifdef XT_COUNT_MULDI3
extern uint32_t xt_muldi3_calls;     /* libgcc_extra.c, counting build */
#define XT_MULS() xt_muldi3_calls
#else
#define XT_MULS() 0u
#endif

/* Instructions spent by XT_MEASURE's own bookkeeping with an empty call;
 * subtracted from every measurement (set by the calibration). */
extern uint32_t xt_overhead;

void xt_acc_add(xt_acc *acc, uint32_t dccount, uint32_t depth, uint32_t muls);

/* Runs `stmt` (one API call) measured into *acc. */
#define XT_MEASURE(acc, stmt)                                            \
    do {                                                                 \
        uint32_t xt_sp_, xt_t0_, xt_t1_, xt_m0_;                         \
        xt_paint_stack();                                                \
        xt_m0_ = XT_MULS();                                              \
        xt_sp_ = xt_sp();                                                \
        xt_t0_ = xt_ccount();                                            \
        stmt;                                                            \
        xt_t1_ = xt_ccount();                                            \
        xt_acc_add((acc), xt_t1_ - xt_t0_, xt_sp_ - xt_stack_low(),      \
                   XT_MULS() - xt_m0_);                                  \
    } while (0)

#endif /* XT_MEASURE_H */
