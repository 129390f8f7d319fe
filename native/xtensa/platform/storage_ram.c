// SPDX-License-Identifier: MIT
/*
 * storage_ram.c - storage.h for the emulated core: "flash" in RAM.
 *
 * A small pool of records per device (XT_RAM_RECORDS of at most
 * XT_RAM_RECORD_MAX bytes: the identity copies and a few contacts - the
 * emulator's RAM is no place for 1,000) and a device key, in static arrays
 * that survive a pci_wipe_all() and a store close/reopen (a soft reboot),
 * but not a new run of the image. A write replaces a record whole, as NVS
 * does; a cut write leaves it as it was. No previous-release copies exist
 * here. Locators name up to XT_RAM_DEVICES independent devices, so a test
 * can open a second phone's store after closing the first.
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
#define XT_RAM_RECORDS 24
#define XT_RAM_RECORD_MAX 512

typedef struct ram_record {
    int16_t number;     /* record number, -1 = free */
    uint16_t len;
    uint8_t bytes[XT_RAM_RECORD_MAX];
} ram_record;

typedef struct ram_device {
    char locator[sizeof(((pc_storage *)0)->locator)];
    size_t locator_len;
    uint8_t in_use;
    uint8_t has_key;
    uint8_t key[32];
    ram_record records[XT_RAM_RECORDS];
} ram_device;

static ram_device devices[XT_RAM_DEVICES];

static ram_record *find_record(ram_device *dev, int number)
{
    for (int i = 0; i < XT_RAM_RECORDS; i++) {
        if (dev->records[i].number == number) {
            return &dev->records[i];
        }
    }
    return NULL;
}

#ifdef PC_TEST_HOOKS
static long cut_budget = -1;    /* bytes still written before the "power cut" */
static unsigned long counted_bytes, counted_writes, counted_removes;

void pci_storage_test_cut_after(long bytes)
{
    cut_budget = bytes;
}

void pci_storage_test_counters(pc_storage_counters *out, int reset)
{
    out->bytes = counted_bytes;
    out->writes = counted_writes;
    out->removes = counted_removes;
    if (reset) {
        counted_bytes = counted_writes = counted_removes = 0;
    }
}

uint8_t *xt_ram_flash_slot(const char *locator, int record, size_t *len)
{
    size_t n = strlen(locator);

    for (int i = 0; i < XT_RAM_DEVICES; i++) {
        if (devices[i].in_use && devices[i].locator_len == n
            && memcmp(devices[i].locator, locator, n) == 0) {
            ram_record *r = find_record(&devices[i], record);
            if (r == NULL) {
                return NULL;
            }
            *len = r->len;
            return r->bytes;
        }
    }
    return NULL;
}

/* A write or removal the cut reaches does not happen. */
static int cut_reached(size_t len)
{
    if (cut_budget >= 0 && (long)len >= cut_budget) {
        cut_budget = 0;
        return 1;
    }
    if (cut_budget >= 0) {
        cut_budget -= (long)len;
    }
    return 0;
}
#else
static int cut_reached(size_t len)
{
    (void)len;
    return 0;
}
#endif

static void forget_records(ram_device *dev)
{
    pci_be_wipe(dev->records, sizeof dev->records);
    for (int i = 0; i < XT_RAM_RECORDS; i++) {
        dev->records[i].number = -1;
    }
}

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
        forget_records(&devices[free_dev]);
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

int pci_storage_read(pc_storage *st, int record, uint8_t *buf, size_t cap)
{
    ram_device *dev = device_of(st);
    ram_record *r;
    size_t n;

    if (dev == NULL || (buf == NULL && cap > 0)) {
        return PC_E_STORAGE;
    }
    if (record < 0 || record >= PC_STORAGE_RECORDS) {
        return PC_E_ARG;
    }
    r = find_record(dev, record);
    if (r == NULL) {
        return PC_E_NOT_FOUND;  /* never written or removed */
    }
    n = r->len < cap ? r->len : cap;
    if (n > 0) {
        memcpy(buf, r->bytes, n);
    }
    return (int)n;
}

int pci_storage_write(pc_storage *st, int record, const uint8_t *buf, size_t len)
{
    ram_device *dev = device_of(st);
    ram_record *r;

    if (dev == NULL || (buf == NULL && len > 0)) {
        return PC_E_STORAGE;
    }
    if (record < 0 || record >= PC_STORAGE_RECORDS || len > PC_STORAGE_RECORD_MAX) {
        return PC_E_ARG;
    }
    r = find_record(dev, record);
    if (r == NULL) {
        r = find_record(dev, -1);
    }
    if (r == NULL || len > XT_RAM_RECORD_MAX || cut_reached(len)) {
        return PC_E_STORAGE;    /* RAM flash full, or the power went */
    }
    r->number = (int16_t)record;
    r->len = (uint16_t)len;
    if (len > 0) {
        memcpy(r->bytes, buf, len);
    }
#ifdef PC_TEST_HOOKS
    counted_bytes += len;
    counted_writes++;
#endif
    return PC_OK;
}

int pci_storage_remove(pc_storage *st, int record)
{
    ram_device *dev = device_of(st);
    ram_record *r;

    if (dev == NULL) {
        return PC_E_STORAGE;
    }
    if (record < 0 || record >= PC_STORAGE_RECORDS) {
        return PC_E_ARG;
    }
    if (cut_reached(0)) {
        return PC_E_STORAGE;
    }
    r = find_record(dev, record);
    if (r != NULL) {
        pci_be_wipe(r, sizeof *r);
        r->number = -1;
    }
#ifdef PC_TEST_HOOKS
    counted_removes++;
#endif
    return PC_OK;
}

int pci_storage_legacy_read(pc_storage *st, int copy, uint8_t *buf, size_t cap)
{
    (void)buf;
    (void)cap;
    if (device_of(st) == NULL || copy < 0 || copy >= PC_STORAGE_LEGACY_COPIES) {
        return PC_E_ARG;
    }
    return PC_E_NOT_FOUND;
}

int pci_storage_legacy_erase(pc_storage *st)
{
    return device_of(st) == NULL ? PC_E_STORAGE : PC_OK;
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
#ifdef PC_TEST_HOOKS
    if (cut_reached(0)) {
        return PC_E_STORAGE;
    }
#endif
    forget_records(dev);
    return PC_OK;
}
