/* SPDX-License-Identifier: MIT */
/*
 * crt0.S - bare-metal startup for QEMU's "sim" machine with the lx106 core
 * (the ESP8266's Xtensa core; call0 ABI, no register windows).
 *
 * QEMU 7.2 starts at the reset vector 0x50000000 whatever the ELF entry
 * point says, so a jump stub sits there (section .ResetVector.text, placed
 * first by link.ld). VECBASE resets to 0x40000000; the exception vectors
 * below are moved there by link.ld and report the cause over semihosting
 * (fatal_exception in semihost.c) instead of spinning silently: an
 * unaligned 32-bit load in the C (EXCCAUSE 9) ends the run with a message
 * and a non-zero status.
 */
#define SYS_EXIT 1

/* ---- reset vector: must be at 0x50000000 -------------------------------- */
        .section .ResetVector.text, "ax"
        .global _ResetVector
        .align  4
_ResetVector:
        j       1f
        .align  4
.Lstart_addr:
        .word   _start          /* l32r only reaches literals below the insn */
1:      l32r    a0, .Lstart_addr
        jx      a0

/* ---- exception vectors at VECBASE ---------------------------------------- */
        .section .vectors.text, "ax"
        .global _vecbase
        .align  4
_vecbase:
        .org    0x10            /* level-2 interrupt / debug */
        movi    a2, 2
        j       _fatal
        .org    0x20            /* NMI / level-3 */
        movi    a2, 3
        j       _fatal
        .org    0x30            /* kernel exception (PS.UM = 0) */
        movi    a2, 1
        j       _fatal
        .org    0x50            /* user exception (PS.UM = 1): where C faults land */
        movi    a2, 0
        j       _fatal
        .org    0x70            /* double exception */
        movi    a2, 4
        j       _fatal
        .org    0x100
        .align  4
.Lfatal_addr:
        .word   fatal_exception
.Lfatal_stack:
        .word   _stack_top
_fatal:                         /* fatal_exception(vector, cause, epc1, excvaddr, depc) */
        rsr     a3, exccause
        rsr     a4, epc1
        rsr     a5, excvaddr
        rsr     a6, depc
        l32r    a1, .Lfatal_stack
        l32r    a0, .Lfatal_addr
        callx0  a0              /* does not return (exits through semihosting) */
2:      j       2b

/* ---- C runtime entry ------------------------------------------------------ */
        .text
        .global _start
        .align  4
_start:
        movi    a0, 0           /* end of the call chain */
        movi    a1, _stack_top  /* 16-byte aligned, grows down */
        movi    a2, 0x2F        /* PS: INTLEVEL 15 (all masked), UM 1, EXCM 0, RING 0 */
        wsr     a2, ps
        rsync
        movi    a2, _vecbase
        wsr     a2, vecbase
        movi    a2, 0           /* LITBASE off: l32r stays PC-relative */
        wsr     a2, litbase
        isync
        movi    a2, _bss_start  /* zero .bss (QEMU zeroes RAM too; do not rely on it) */
        movi    a3, _bss_end
        movi    a4, 0
        bgeu    a2, a3, 2f
1:      s32i    a4, a2, 0
        addi    a2, a2, 4
        bltu    a2, a3, 1b
2:      movi    a2, _data_load  /* copy .data from its load image in ROM */
        movi    a3, _data_start
        movi    a5, _data_end
        bgeu    a3, a5, 4f
3:      l32i    a4, a2, 0
        s32i    a4, a3, 0
        addi    a2, a2, 4
        addi    a3, a3, 4
        bltu    a3, a5, 3b
4:      movi    a0, main
        callx0  a0              /* int main(void): status in a2 */
        mov     a3, a2
        movi    a2, SYS_EXIT
        simcall                 /* QEMU exits with the guest's status */
5:      j       5b
