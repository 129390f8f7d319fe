// SPDX-License-Identifier: MIT
/*
 * pc_platform.h - the two things the core needs from the platform besides
 * crypto: mutual exclusion around the static tables (host: several managed
 * threads may call in; nanoFramework: one interpreter task, a no-op), and
 * the secret-wiping hook run on a managed soft reboot, and a deep stack for
 * the one computation that needs it (ML-KEM-768).
 */
#ifndef PC_PLATFORM_H
#define PC_PLATFORM_H

#include <stdint.h>

void pci_platform_lock(void);
void pci_platform_unlock(void);

/* Runs fn(arg) on a stack deep enough for ML-KEM-768 (PQClean needs about
 * 15 KB: docs/device.md, "ML-KEM stack") and returns its result. The host
 * and the emulated core have deep stacks: a plain call. The ESP32 build
 * switches to a static stack of its own (platform_esp32.c), since
 * nanoFramework's interpreter task has 15,000 bytes in all. Called with the
 * table lock held; fn must not re-enter the platform. */
int32_t pci_platform_run_deep(int32_t (*fn)(void *arg), void *arg);

/* Wipes every secret in every static table (sessions, handshakes, pool,
 * stores) and resets them to free. Called by the device's soft-reboot
 * handler and by tests. */
void pci_wipe_all(void);

#endif /* PC_PLATFORM_H */
