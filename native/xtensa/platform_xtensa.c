/*
 * platform_xtensa.c - platform.h for the emulated core: one thread, no
 * interrupts, so the table lock is a no-op (as on nanoFramework, where one
 * interpreter task makes every native call). pc_wipe_all is the core's.
 */
#include "platform.h"

void pc_platform_lock(void)
{
}

void pc_platform_unlock(void)
{
}
