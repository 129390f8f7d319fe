// SPDX-License-Identifier: MIT
/*
 * pc_platform.h - the two things the core needs from the platform besides
 * crypto: mutual exclusion around the static tables (host: several managed
 * threads may call in; nanoFramework: one interpreter task, a no-op), and
 * the secret-wiping hook run on a managed soft reboot.
 */
#ifndef PC_PLATFORM_H
#define PC_PLATFORM_H

void pci_platform_lock(void);
void pci_platform_unlock(void);

/* Wipes every secret in every static table (sessions, handshakes, pool,
 * stores) and resets them to free. Called by the device's soft-reboot
 * handler and by tests. */
void pci_wipe_all(void);

#endif /* PC_PLATFORM_H */
