// SPDX-License-Identifier: MIT
/*
 * storage.h - the raw flash underneath the key store. Two backends:
 * host/storage_file.c (host: flash image file + "efuse" device-key file) and
 * nanoframework/storage_nvs.c (ESP32: NVS blobs, atomic per key). keystore.c owns the
 * format, sealing and A/B slots; a backend only moves bytes.
 */
#ifndef PC_STORAGE_H
#define PC_STORAGE_H

#include <stddef.h>
#include <stdint.h>

#define PC_STORAGE_SLOTS 2          /* A/B copies of the sealed store */
#define PC_STORAGE_SLOT_LEN 4096    /* bytes per copy (one flash sector) */
/* Records besides the store's own A/B copies, through the same read/write
 * calls: the organisation record's A/B copies (org_record.c). */
#define PC_STORAGE_ORG_A 2
#define PC_STORAGE_ORG_B 3
#define PC_STORAGE_RECORDS 4        /* record numbers 0..3 */

typedef struct pc_storage {
    char locator[96];               /* host: directory; device: NVS namespace */
    uint32_t device;                /* backend-private (e.g. NVS handle) */
} pc_storage;

/* 0, or PC_E_ARG (locator too long) / PC_E_STORAGE. Creates nothing. */
int pci_storage_bind(pc_storage *st, const uint8_t *locator, size_t len);

/* Reads a whole slot (record 0..PC_STORAGE_RECORDS-1). Returns the number of bytes present (which may be 0:
 * a slot cut short is data, not blank), PC_E_NOT_FOUND if the slot was never
 * written or was erased, or PC_E_STORAGE. Only PC_E_NOT_FOUND is blank: zero
 * or 0xFF bytes are damage the key store refuses, never a first boot. */
int pci_storage_read(pc_storage *st, int slot, uint8_t *buf, size_t cap);

/* Writes a whole slot durably (returns only after the bytes are on flash).
 * Host: the first write to flash that was never written puts the copy in
 * every slot of a new image file at once (temp file, fsync, rename), so a
 * cut first boot leaves no image at all, never a half-written one. */
int pci_storage_write(pc_storage *st, int slot, const uint8_t *buf, size_t len);

/* The device key that seals the store. Host: efuse.key file written
 * atomically; device: encrypted NVS (docs/device.md). A store whose flash
 * holds data reads it (never creates one: a new key would not open the old
 * data); first boot creates it; factory reset renews it, so copies sealed
 * before the reset no longer open. */
enum pc_device_key_mode {
    PC_DEVICE_KEY_READ = 0,     /* must exist */
    PC_DEVICE_KEY_CREATE = 1,   /* read, or create if there is none */
    PC_DEVICE_KEY_RENEW = 2     /* replace with a fresh one */
};
/* 0 (read) or 1 (created); PC_E_NOT_FOUND (none, READ), PC_E_CORRUPT
 * (present but unusable, e.g. the wrong length), PC_E_STORAGE, PC_E_RNG.
 * key is wiped on failure. */
int pci_storage_device_key(pc_storage *st, uint8_t key[32], int mode);

/* Factory reset: erases both slots, which then read PC_E_NOT_FOUND (the
 * device key is renewed separately). */
int pci_storage_erase(pc_storage *st);

#ifdef PC_TEST_HOOKS
/* Power-cut injection: the next writes stop after `bytes` bytes in total,
 * as if power failed; -1 disables. A write that reaches the cut fails with
 * PC_E_STORAGE; the bytes before the cut are on flash, the rest of the slot
 * keeps what it held; every later write fails until the cut is disabled.
 * A cut exactly at a write's end models power lost before its fsync. */
void pci_storage_test_cut_after(long bytes);
#endif

#endif /* PC_STORAGE_H */
