// SPDX-License-Identifier: MIT
/*
 * call_hook.c - host library only: resolves the address inside the running
 * entry point to its exported name (dladdr) and hands it to the installed
 * hook. Costs nothing measurable when no hook is installed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

#include "call_hook.h"

/* Set once by the simulator before the phone starts (C99: no atomics here). */
static pc_host_call_hook_fn volatile s_hook;

void pc_host_set_call_hook(pc_host_call_hook_fn hook)
{
    s_hook = hook;
}

void pci_host_call_entered(const void *caller)
{
    pc_host_call_hook_fn hook = s_hook;
    Dl_info info;
    if (hook != NULL && dladdr(caller, &info) != 0 && info.dli_sname != NULL)
        hook(info.dli_sname);
}

void pci_host_call_named(const char *entry_point)
{
    pc_host_call_hook_fn hook = s_hook;
    if (hook != NULL)
        hook(entry_point);
}
