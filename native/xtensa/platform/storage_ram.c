// SPDX-License-Identifier: MIT
/*
 * storage_ram.c - storage.h for the emulated core: "flash" in RAM.
 *
 * Two A/B slots per device and a device key, in static arrays that survive a
 * pci_wipe_all() and a store close/reopen (a soft reboot), but not a new run
 * of the image. Locators name up to XT_RAM_DEVICES independent devices, so a
 * test can open a second phone's store after closing the first.
 *
 * TEST-ONLY: the device key comes from the emulator's deterministic test
 * DRBG (sodium_shim.c) and sits in plain RAM. The ESP32 keeps it in eFuse /
 * encrypted NVS (nanoframework/storage_nvs.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "backend.h"
#include "phone_crypto_api.h"
#include "storage.h"
#include "storage_ram.h"

#define XT_RAM_DEVICES 2

typedef struct ram_device {
    char locator[sizeof(((pc_storage *)0)->locator)];
    size_t locator_len;
    uint8_t in_use;
    uint8_t has_key;
    uint8_t key[32];
    uint16_t slot_len[PC_STORAGE_SLOTS];
    uint8_t slot[PC_STORAGE_SLOTS][PC_STORAGE_SLOT_LEN];
} ram_device;

static ram_device devices[XT_RAM_DEVICES];

#ifdef PC_TEST_HOOKS
static long cut_budget = -1;    /* bytes still written before the "power cut" */

void pci_storage_test_cut_after(long bytes)
{
    cut_budget = bytes;
}

uint8_t *xt_ram_flash_slot(const char *locator, int slot, size_t *len)
{
    size_t n = strlen(locator);

    for (int i = 0; i < XT_RAM_DEVICES; i++) {
        if (devices[i].in_use && devices[i].locator_len == n
            && memcmp(devices[i].locator, locator, n) == 0 && slot >= 0
            && slot < PC_STORAGE_SLOTS) {
            *len = devices[i].slot_len[slot];
            return devices[i].slot[slot];
        }
    }
    return NULL;
}
#endif

int pci_storage_bind(pc_storage *st, const uint8_t *locator, size_t len)
{
    int free_dev = -1;

    if (st == NULL || (locator == NULL && len > 0) || len >= sizeof st->locator) {
        return PC_E_ARG;
    }
    for (int i = 0; i < XT_RAM_DEVICES; i++) {
        if (devices[i].in_use && devices[i].locator_len == len
            && memcmp(devices[i].locator, locator, len) == 0) {
            free_dev = i;
            break;
        }
        if (!devices[i].in_use && free_dev < 0) {
            free_dev = i;
        }
    }
    if (free_dev < 0) {
        return PC_E_STORAGE;    /* more locators than RAM devices */
    }
    if (!devices[free_dev].in_use) {
        memset(&devices[free_dev], 0, sizeof devices[free_dev]);
        if (len > 0) {
            memcpy(devices[free_dev].locator, locator, len);
        }
        devices[free_dev].locator_len = len;
        devices[free_dev].in_use = 1;
    }
    memset(st->locator, 0, sizeof st->locator);
    if (len > 0) {
        memcpy(st->locator, locator, len);
    }
    st->device = (uint32_t)free_dev;
    return PC_OK;
}

static ram_device *device_of(const pc_storage *st)
{
    if (st == NULL || st->device >= XT_RAM_DEVICES || !devices[st->device].in_use) {
        return NULL;
    }
    return &devices[st->device];
}

int pci_storage_read(pc_storage *st, int slot, uint8_t *buf, size_t cap)
{
    ram_device *dev = device_of(st);
    size_t n;

    if (dev == NULL || slot < 0 || slot >= PC_STORAGE_SLOTS || (buf == NULL && cap > 0)) {
        return PC_E_STORAGE;
    }
    n = dev->slot_len[slot];
    if (n == 0) {
        return PC_E_NOT_FOUND;  /* never written or erased (a cut write keeps its bytes) */
    }
    if (n > cap) {
        n = cap;
    }
    if (n > 0) {
        memcpy(buf, dev->slot[slot], n);
    }
    return (int)n;
}

int pci_storage_write(pc_storage *st, int slot, const uint8_t *buf, size_t len)
{
    ram_device *dev = device_of(st);
    size_t n = len;
    int cut = 0;

    if (dev == NULL || slot < 0 || slot >= PC_STORAGE_SLOTS || len > PC_STORAGE_SLOT_LEN
        || (buf == NULL && len > 0)) {
        return PC_E_STORAGE;
    }
#ifdef PC_TEST_HOOKS
    /* A write that reaches the cut keeps only the bytes before it and fails
     * (at its exact end: written, but power went before the "fsync"). */
    if (cut_budget >= 0 && (long)len >= cut_budget) {
        n = (size_t)cut_budget;
        cut_budget = 0;
        cut = 1;
    } else if (cut_budget >= 0) {
        cut_budget -= (long)len;
    }
#endif
    if (n > 0) {
        memcpy(dev->slot[slot], buf, n);
    }
    if (!cut) {
        dev->slot_len[slot] = (uint16_t)len;
    } else if (n > dev->slot_len[slot]) {
        dev->slot_len[slot] = (uint16_t)n;     /* the old tail beyond n stays */
    }
    return cut ? PC_E_STORAGE : PC_OK;
}

int pci_storage_device_key(pc_storage *st, uint8_t key[32], int mode)
{
    ram_device *dev = device_of(st);
    int created = 0;

    if (dev == NULL || key == NULL) {
        return PC_E_STORAGE;
    }
    if (mode == PC_DEVICE_KEY_RENEW || (mode == PC_DEVICE_KEY_CREATE && !dev->has_key)) {
        uint8_t fresh[32];
        int rc = pci_be_random(fresh, sizeof fresh);
        if (rc != PC_OK) {
            pci_be_wipe(fresh, sizeof fresh);
            pci_be_wipe(key, 32);
            return PC_E_RNG;
        }
        memcpy(dev->key, fresh, sizeof fresh);
        pci_be_wipe(fresh, sizeof fresh);
        dev->has_key = 1;
        created = 1;
    } else if (mode != PC_DEVICE_KEY_READ && mode != PC_DEVICE_KEY_CREATE) {
        pci_be_wipe(key, 32);
        return PC_E_ARG;
    }
    if (!dev->has_key) {
        pci_be_wipe(key, 32);
        return PC_E_NOT_FOUND;
    }
    memcpy(key, dev->key, sizeof dev->key);
    return created;
}

int pci_storage_erase(pc_storage *st)
{
    ram_device *dev = device_of(st);

    if (dev == NULL) {
        return PC_E_STORAGE;
    }
    pci_be_wipe(dev->slot, sizeof dev->slot);
    memset(dev->slot_len, 0, sizeof dev->slot_len);
    return PC_OK;
}
