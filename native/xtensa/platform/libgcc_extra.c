// SPDX-License-Identifier: MIT
/*
 * libgcc_extra.c - the integer helpers Debian's xtensa-lx106 libgcc.a lacks
 * (its lib1funcs objects for __udivsi3/__divsi3/__umodsi3/__umulsidi3 and
 * libgcc2's __muldi3/__udivdi3/__umoddi3/__divdi3 are missing; it still has
 * __modsi3, __mulsi3, __moddi3, __udivmoddi4 and __divmoddi4).
 *
 * The lx106 has MULL (32x32 -> low 32) but neither a high multiply nor a
 * divide, so every 64-bit product in the crypto goes through __muldi3: it is
 * the hottest function of an X25519 on this core. Everything inside uses
 * 32-bit operations only, so nothing here calls back into itself. None of it
 * branches on operand values except the divisions (never used on secrets).
 */
#include <stdint.h>

typedef uint64_t u64;
typedef int64_t s64;

/* Prototypes: these are the compiler's own entry points. */
uint32_t __udivsi3(uint32_t n, uint32_t d);
uint32_t __umodsi3(uint32_t n, uint32_t d);
int32_t __divsi3(int32_t a, int32_t b);
u64 __umulsidi3(uint32_t a, uint32_t b);
u64 __muldi3(u64 a, u64 b);
u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
s64 __divmoddi4(s64 n, s64 d, s64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);

/* 32-bit unsigned division: shift-subtract over the significant bits only. */
static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem)
{
    uint32_t q = 0;
    uint32_t r = n;
    int shift;

    if (d == 0) {               /* undefined behaviour in C: return something defined */
        *rem = n;
        return UINT32_MAX;
    }
    if (d > n) {
        *rem = n;
        return 0;
    }
    shift = __builtin_clz(d) - __builtin_clz(n);   /* NSAU, d <= n so shift >= 0 */
    d <<= shift;
    for (int i = 0; i <= shift; i++) {
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1;
        }
        d >>= 1;
    }
    *rem = r;
    return q;
}

uint32_t __udivsi3(uint32_t n, uint32_t d)
{
    uint32_t r;
    return udivmod32(n, d, &r);
}

uint32_t __umodsi3(uint32_t n, uint32_t d)
{
    uint32_t r;
    (void)udivmod32(n, d, &r);
    return r;
}

int32_t __divsi3(int32_t a, int32_t b)
{
    uint32_t ua = a < 0 ? 0u - (uint32_t)a : (uint32_t)a;
    uint32_t ub = b < 0 ? 0u - (uint32_t)b : (uint32_t)b;
    uint32_t r;
    uint32_t q = udivmod32(ua, ub, &r);
    return (int32_t)(((a ^ b) < 0) ? 0u - q : q);
}

/* 32x32 -> 64 from four 16x16 partial products (MULL on 16-bit halves).
 * Inlined into __muldi3 (this file is always built -O2, as libgcc is). */
static inline __attribute__((always_inline)) u64 umul32x32(uint32_t a, uint32_t b)
{
    uint32_t al = a & 0xffffu, ah = a >> 16;
    uint32_t bl = b & 0xffffu, bh = b >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint32_t mid = (ll >> 16) + (lh & 0xffffu) + (hl & 0xffffu);   /* < 3 * 2^16 */
    uint32_t lo = (ll & 0xffffu) | (mid << 16);
    uint32_t hi = hh + (lh >> 16) + (hl >> 16) + (mid >> 16);
    return ((u64)hi << 32) | lo;
}

u64 __umulsidi3(uint32_t a, uint32_t b)
{
    return umul32x32(a, b);
}

#ifdef XT_COUNT_MULDI3
/* Profiling build only (xt_bench_mulprof): how many 64-bit products an
 * operation needs, the basis of the ESP32 estimate in docs/performance.md
 * (the LX6 does each in a couple of instructions with MULL + MULSH). */
uint32_t xt_muldi3_calls;
#endif

/* 64x64 -> low 64: the full low product plus the two cross terms' low words. */
u64 __muldi3(u64 a, u64 b)
{
#ifdef XT_COUNT_MULDI3
    xt_muldi3_calls++;
#endif
    uint32_t al = (uint32_t)a, ah = (uint32_t)(a >> 32);
    uint32_t bl = (uint32_t)b, bh = (uint32_t)(b >> 32);
    u64 r = umul32x32(al, bl);
    uint32_t hi = (uint32_t)(r >> 32) + al * bh + ah * bl;
    return ((u64)hi << 32) | (uint32_t)r;
}

/* 64-bit division: libgcc.a still ships __udivmoddi4 and __divmoddi4. */
u64 __udivdi3(u64 n, u64 d)
{
    return __udivmoddi4(n, d, 0);
}

u64 __umoddi3(u64 n, u64 d)
{
    u64 r;
    (void)__udivmoddi4(n, d, &r);
    return r;
}

s64 __divdi3(s64 n, s64 d)
{
    s64 r;
    return __divmoddi4(n, d, &r);
}
