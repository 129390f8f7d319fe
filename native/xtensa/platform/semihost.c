// SPDX-License-Identifier: MIT
/*
 * semihost.c - QEMU xtensa semihosting: simcall with a2 = call number
 * (1 exit, 4 write) and a3..a5 = arguments; needs -semihosting and ring 0.
 */
#include "semihost.h"

#define SYS_EXIT 1
#define SYS_WRITE 4

static long simcall3(long nr, long a, long b, long c)
{
    register long r2 __asm__("a2") = nr;
    register long r3 __asm__("a3") = a;
    register long r4 __asm__("a4") = b;
    register long r5 __asm__("a5") = c;
    __asm__ volatile("simcall" : "+r"(r2), "+r"(r3) : "r"(r4), "r"(r5) : "memory");
    return r2;
}

static char out_buf[256];
static size_t out_len;

void xt_write(const char *s, size_t len)
{
    (void)simcall3(SYS_WRITE, 1, (long)(uintptr_t)s, (long)len);
}

void xt_flush(void)
{
    if (out_len > 0) {
        xt_write(out_buf, out_len);
        out_len = 0;
    }
}

void xt_putc(char c)
{
    out_buf[out_len++] = c;
    if (c == '\n' || out_len == sizeof out_buf) {
        xt_flush();
    }
}

void xt_puts(const char *s)
{
    while (*s != '\0') {
        xt_putc(*s++);
    }
}

static int utoa10(uint64_t v, char *digits)   /* reversed digits, returns count */
{
    int n = 0;
    do {
        uint64_t q = v / 10u;
        digits[n++] = (char)('0' + (int)(v - q * 10u));
        v = q;
    } while (v != 0);
    return n;
}

void xt_putu_pad(uint64_t v, int width)
{
    char digits[24];
    int n = utoa10(v, digits);
    for (int i = n; i < width; i++) {
        xt_putc(' ');
    }
    while (n > 0) {
        xt_putc(digits[--n]);
    }
}

void xt_putu(uint64_t v)
{
    xt_putu_pad(v, 0);
}

void xt_putd(int64_t v)
{
    if (v < 0) {
        xt_putc('-');
        xt_putu(0u - (uint64_t)v);
    } else {
        xt_putu((uint64_t)v);
    }
}

void xt_puthex(uint32_t v)
{
    static const char hex[] = "0123456789abcdef";
    xt_puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4) {
        xt_putc(hex[(v >> shift) & 0xfu]);
    }
}

void xt_exit(int status)
{
    xt_flush();
    for (;;) {
        (void)simcall3(SYS_EXIT, status, 0, 0);
    }
}

static const char *cause_name(uint32_t cause)
{
    switch (cause) {
    case 0: return "IllegalInstruction";
    case 2: return "InstructionFetchError";
    case 3: return "LoadStoreError";
    case 6: return "IntegerDivideByZero";
    case 9: return "LoadStoreAlignment (unaligned access: a byte buffer read as a wider type?)";
    case 28: return "LoadProhibited";
    case 29: return "StoreProhibited";
    default: return "see the Xtensa ISA EXCCAUSE table";
    }
}

void fatal_exception(uint32_t vector, uint32_t cause, uint32_t epc1, uint32_t excvaddr,
                     uint32_t depc)
{
    out_len = 0;
    xt_puts("\nFATAL: exception, vector ");
    xt_putu(vector);
    xt_puts(" EXCCAUSE ");
    xt_putu(cause);
    xt_puts(" = ");
    xt_puts(cause_name(cause));
    xt_puts("\n  EPC1 (faulting pc) ");
    xt_puthex(epc1);
    xt_puts("  EXCVADDR ");
    xt_puthex(excvaddr);
    xt_puts("  DEPC ");
    xt_puthex(depc);
    xt_puts("\n  (addr2line -e <image>.elf -f ");
    xt_puthex(epc1);
    xt_puts(")\n");
    xt_exit(3);
}
