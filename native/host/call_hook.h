// SPDX-License-Identifier: MIT
/*
 * call_hook.h - host library only: a callback told the name of every pc_*
 * entry point as it starts, for the simulator's device-timing mode
 * (boards/sim/Timing). The device image never defines PC_HOST_CALL_HOOK.
 */
#ifndef PC_HOST_CALL_HOOK_H
#define PC_HOST_CALL_HOOK_H

#include "phone_crypto_api.h"

typedef void (*pc_host_call_hook_fn)(const char *entry_point);

/* Installs (or with NULL removes) the process-wide hook. */
PC_API void pc_host_set_call_hook(pc_host_call_hook_fn hook);

/* Called by the API guard with an address inside the entry point. */
void pci_host_call_entered(const void *caller);

/* Same, for an entry point that does not go through the guard. */
void pci_host_call_named(const char *entry_point);

#endif /* PC_HOST_CALL_HOOK_H */
