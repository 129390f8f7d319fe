// SPDX-License-Identifier: MIT
/*
 * platform_esp32.c - pc_platform.h for the ESP32 nanoFramework build.
 *
 * Locking: no-ops. nanoFramework interprets every managed thread on one FreeRTOS task
 * (main_task, targets/ESP32/_IDF/esp32/app_main.c) and a native call runs to completion
 * before the interpreter switches managed threads, so the static tables are never entered
 * concurrently. Nothing else in the firmware calls the core (no ISR, no other task). If
 * that ever changes (a worker task for long calls), this is where a FreeRTOS mutex goes
 * (a plain one: no entry point re-enters another).
 *
 * Wiping: pci_wipe_all() wipes every secret in every table. The interop stub registers it
 * as a soft-reboot handler (HAL_AddSoftRebootHandler has C++ linkage in nanoHAL.h, so the
 * registration sits in Phone_Crypto_Phone_Crypto_Abi_NativeCrypto.cpp): C globals survive a
 * managed soft reboot (a new deployment, a debugger restart), keys must not.
 *
 * Randomness: backends/backend_monocypher.c takes random bytes from esp_fill_random().
 * ESP-IDF documents it as truly random only while Wi-Fi or Bluetooth is running (or
 * between bootloader_random_enable/disable); otherwise it is a PRNG. The boards therefore
 * join Wi-Fi before the self-test and before opening the key store (which creates the
 * identity on first boot): the boards' Program.cs, docs/device.md "First boot".
 *
 * Deep stack: ML-KEM-768 (pc_hs_kem_*) needs about 15 KB of stack, the whole of main_task's
 * 15,000 bytes. On the ESP32 (ESP_PLATFORM) pci_platform_run_deep switches to a static
 * 20 KiB stack with ESP-IDF's esp_execute_shared_stack_function (the windowed ABI's frames
 * are larger than the 14,848 bytes measured on the emulated call0 lx106). That function
 * silently uses the current stack when its lock or stack is invalid, so the static mutex is
 * checked first and a missing one fails the call (PC_E_INTERNAL) instead. The emulated lx106
 * image compiles this file without ESP_PLATFORM: a plain call on its 64 KB stack.
 */
#include "pc_platform.h"

#include <stddef.h>
#include <stdint.h>

#include "hs_table.h"
#include "keypool.h"
#include "keystore.h"
#include "cookie_secret.h"
#include "precompute.h"
#include "transport.h"

void pci_platform_lock(void)
{
    /* single interpreter task: see the top of this file */
}

void pci_platform_unlock(void)
{
}

void pci_wipe_all(void)
{
    pci_hs_table_wipe_all();
    pci_keypool_wipe_all();
    pci_precomp_wipe_all();
    pci_cookie_wipe_all();
    pci_transport_wipe_all();
    pci_keystore_wipe_all();
}

#ifdef ESP_PLATFORM
#include "esp_expression_with_stack.h"
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"

#include "phone_crypto_api.h"

#define PC_DEEP_STACK_BYTES (20 * 1024)

static StackType_t s_deep_stack[PC_DEEP_STACK_BYTES / sizeof(StackType_t)] __attribute__((aligned(16)));
static StaticSemaphore_t s_deep_lock_buffer;
static SemaphoreHandle_t s_deep_lock;
/* esp_execute_shared_stack_function takes a function without arguments: the call is passed
 * here (one interpreter task, under the table lock). */
static int32_t (*s_deep_fn)(void *arg);
static void *s_deep_arg;
static int32_t s_deep_result;

static void run_deep_trampoline(void)
{
    s_deep_result = s_deep_fn(s_deep_arg);
}

int32_t pci_platform_run_deep(int32_t (*fn)(void *arg), void *arg)
{
    if (s_deep_lock == NULL)
        s_deep_lock = xSemaphoreCreateMutexStatic(&s_deep_lock_buffer);
    if (s_deep_lock == NULL)
        return PC_E_INTERNAL; /* never fall back to the interpreter's stack */
    s_deep_fn = fn;
    s_deep_arg = arg;
    s_deep_result = PC_E_INTERNAL;
    esp_execute_shared_stack_function(s_deep_lock, s_deep_stack, sizeof s_deep_stack,
                                      run_deep_trampoline);
    s_deep_fn = NULL;
    s_deep_arg = NULL;
    return s_deep_result;
}
#else
int32_t pci_platform_run_deep(int32_t (*fn)(void *arg), void *arg)
{
    return fn(arg);
}
#endif
