// SPDX-License-Identifier: MIT
/*
 * storage.h - the raw flash underneath the key store: numbered records, each
 * replaced whole by a write. Three backends: host/storage_file.c (one file
 * per record + "efuse" device-key file), nanoframework/storage_nvs.c (ESP32:
 * one NVS blob per record, atomic per key) and xtensa/platform/storage_ram.c
 * (the emulated core). keystore*.c owns the formats and sealing; a backend
 * only moves bytes.
 */
#ifndef PC_STORAGE_H
#define PC_STORAGE_H

#include <stddef.h>
#include <stdint.h>

#include "pc_limits.h"

/* Record numbers. 0..15 are for records that are not contacts; contact
 * index i lives in record PC_STORAGE_CONTACT_BASE + i. */
#define PC_STORAGE_IDENTITY_A 0     /* identity, copy A (store_record.h) */
#define PC_STORAGE_IDENTITY_B 1     /* identity, copy B */
#define PC_STORAGE_ORG_A 2          /* organisation trust (issue 14), copy A */
#define PC_STORAGE_ORG_B 3          /* organisation trust, copy B */
#define PC_STORAGE_RESERVED_END 16  /* 4..15: reserved for more such records */
#define PC_STORAGE_CONTACT_BASE PC_STORAGE_RESERVED_END
#define PC_STORAGE_RECORDS (PC_STORAGE_CONTACT_BASE + PC_MAX_CONTACTS)
#define PC_STORAGE_RECORD_MAX 4096  /* largest record a backend must hold */

/* The previous release's store (format "PHST" 1, store_image.h): two 4 KB
 * copies that the key store only reads, to migrate them, and then erases. */
#define PC_STORAGE_LEGACY_COPIES 2
#define PC_STORAGE_LEGACY_LEN 4096

typedef struct pc_storage {
    char locator[96];               /* host: directory; device: NVS namespace */
    uint32_t device;                /* backend-private (e.g. NVS handle) */
} pc_storage;

/* 0, or PC_E_ARG (locator too long) / PC_E_STORAGE. Creates nothing. */
int pci_storage_bind(pc_storage *st, const uint8_t *locator, size_t len);

/* Reads a whole record. Returns the number of bytes present (up to cap),
 * PC_E_NOT_FOUND if the record was never written or was removed, PC_E_ARG
 * for a record number out of range, or PC_E_STORAGE. Only PC_E_NOT_FOUND is
 * blank: empty, zero or 0xFF bytes are damage the key store refuses. */
int pci_storage_read(pc_storage *st, int record, uint8_t *buf, size_t cap);

/* Replaces a whole record durably and atomically: after a power cut at any
 * byte the record reads as before or as after the write, never torn (host:
 * temp file, fsync, rename; device: NVS commits a key whole). */
int pci_storage_write(pc_storage *st, int record, const uint8_t *buf, size_t len);

/* Removes one record (it then reads PC_E_NOT_FOUND); absent is fine. */
int pci_storage_remove(pc_storage *st, int record);

/* The previous release's copies: bytes present, PC_E_NOT_FOUND, PC_E_STORAGE. */
int pci_storage_legacy_read(pc_storage *st, int copy, uint8_t *buf, size_t cap);
/* Removes both previous-release copies at once (absent is fine). */
int pci_storage_legacy_erase(pc_storage *st);

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

/* Factory reset: removes every record (the identity copies first, so a cut
 * reset leaves no identity and the next open finishes it), then the
 * previous release's copies. The device key is renewed separately. */
int pci_storage_erase(pc_storage *st);

#ifdef PC_TEST_HOOKS
/* Power-cut injection: the next writes stop after `bytes` bytes in total,
 * as if power failed; -1 disables. A write that reaches the cut fails with
 * PC_E_STORAGE and leaves its record as it was; every later write and
 * removal fails until the cut is disabled. A cut exactly at a write's end
 * models power lost before its commit (the record keeps its old bytes). */
void pci_storage_test_cut_after(long bytes);

/* What reached the flash since the last reset of the counter: bytes of
 * record payload written and the number of record writes and removals. */
typedef struct pc_storage_counters {
    unsigned long bytes;
    unsigned long writes;
    unsigned long removes;
} pc_storage_counters;
void pci_storage_test_counters(pc_storage_counters *out, int reset);
#endif

#endif /* PC_STORAGE_H */
