// SPDX-License-Identifier: MIT
/*
 * test_main.c - the Xtensa test image: the native core's vectors and
 * self-test on an emulated lx106 core. Exit status 0 only if every check
 * passed; the last line is "xtensa: N passed, M failed".
 *
 * Runs under: qemu-system-xtensa -M sim -cpu lx106 -nographic -monitor none
 *             -semihosting -kernel xt_test.elf     (scripts/test.d/40-xtensa.sh)
 */
#include "test_groups.h"
#include "xt_test.h"

int main(void);

int main(void)
{
    xt_puts("xtensa test image: native core on an emulated lx106 (TEST-ONLY deterministic RNG)\n");
    xt_test_backend();
    xt_test_core();
    xt_test_kem();
    xt_test_media();
    xt_puts("xtensa: ");
    xt_putu(xt_passed);
    xt_puts(" passed, ");
    xt_putu(xt_failed);
    xt_puts(" failed\n");
    xt_flush();
    return xt_failed == 0 && xt_passed > 0 ? 0 : 1;
}
