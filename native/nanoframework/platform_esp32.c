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
 */
#include "pc_platform.h"

#include "hs_table.h"
#include "keypool.h"
#include "keystore.h"
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
    pci_transport_wipe_all();
    pci_keystore_wipe_all();
}
