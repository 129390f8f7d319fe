// SPDX-License-Identifier: MIT
/*
 * semihost.h - console output and exit for the emulated lx106 (QEMU
 * -semihosting: the simcall instruction). Tiny formatting helpers instead
 * of printf, so the images stay small and the figures stay ours.
 */
#ifndef XT_SEMIHOST_H
#define XT_SEMIHOST_H

#include <stddef.h>
#include <stdint.h>

void xt_write(const char *s, size_t len);   /* unbuffered write to stdout */
void xt_puts(const char *s);                /* buffered; flushed at '\n' */
void xt_putc(char c);
void xt_putu(uint64_t v);                   /* decimal */
void xt_putd(int64_t v);
void xt_putu_pad(uint64_t v, int width);    /* right-aligned decimal */
void xt_puthex(uint32_t v);                 /* 0x%08x */
void xt_flush(void);
void xt_exit(int status) __attribute__((noreturn));

/* Called from crt0.S's vectors on any exception: prints and exits 3. */
void fatal_exception(uint32_t vector, uint32_t cause, uint32_t epc1, uint32_t excvaddr,
                     uint32_t depc) __attribute__((noreturn));

#endif /* XT_SEMIHOST_H */
