// SPDX-License-Identifier: MIT
/*
 * xt_measure.c - stack painting and accumulation for the benchmark image.
 */
#include "xt_measure.h"

uint32_t xt_overhead;

/* A leaf with no frame of its own (checked in the disassembly): it paints up
 * to 16 bytes below the caller's stack pointer, so depths are exact to 16 bytes. */
__attribute__((noinline)) void xt_paint_stack(void)
{
    uint32_t top = xt_sp() - 16u;
    for (volatile uint32_t *p = _stack_bottom; (uint32_t)(uintptr_t)p < top; p++) {
        *p = XT_PAINT;
    }
}

uint32_t xt_stack_low(void)
{
    const volatile uint32_t *p = _stack_bottom;
    while (*p == XT_PAINT) {
        p++;
    }
    return (uint32_t)(uintptr_t)p;
}

void xt_acc_add(xt_acc *acc, uint32_t dccount, uint32_t depth, uint32_t muls)
{
    acc->muls += muls;
    uint32_t n = xt_insns(dccount);
    acc->insns += n > xt_overhead ? n - xt_overhead : 0;
    if (depth > acc->stack) {
        acc->stack = depth;
    }
    acc->calls++;
}
