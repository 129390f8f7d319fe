// SPDX-License-Identifier: MIT
/*
 * storage_nvs.c - storage.h on the ESP32: ESP-IDF NVS, one namespace per
 * store (the locator, at most 15 characters), one blob per record under the
 * key "r<n>" ("r0", "r1" the identity copies, "r2"/"r3" organisation trust,
 * "r16".."r1015" the contacts), and "devkey" (the 32-byte device key, from
 * esp_fill_random on first boot). The previous release's "slot0"/"slot1"
 * (4096-byte copies) are only read and erased (migration). Partition sizes:
 * docs/device.md. nanoFramework's ESP32 image has already run
 * nvs_flash_init() on the "nvs" partition.
 *
 * NVS replaces a key's value atomically (the new entry is written and
 * checksummed before the old one is erased), so a power cut leaves a record
 * old or new, never torn. The device key sits beside the data: only NVS
 * encryption (flash encryption + nvs_keys partition, or the eFuse HMAC
 * scheme on S3/C3) keeps it secret at rest - docs/device.md says what a
 * stock nanoff flash leaves unprotected. Mirrors host/storage_file.c.
 *
 * Checked against ESP-IDF v5's nvs.h and esp_random.h; compiled here only
 * with -fsyntax-only against tests/native/esp_idf_decls/.
 */
#include "storage.h"

#include <string.h>

#include "backend.h"
#include "esp_err.h"
#include "esp_random.h"
#include "nvs.h"
#include "phone_crypto_api.h"

#define DEVICE_KEY_NAME "devkey"
#define DEVICE_KEY_LEN 32

static const char *const k_legacy_names[PC_STORAGE_LEGACY_COPIES] = {"slot0", "slot1"};

static long s_cut_budget = -1; /* bytes left before a simulated power cut; -1 = none */
static unsigned long s_bytes, s_writes, s_removes;

/* NVS commits a key whole: a write the cut reaches does not happen at all. */
static int cut_blocks(size_t len)
{
    if (s_cut_budget < 0 || (size_t)s_cut_budget > len) {
        if (s_cut_budget >= 0)
            s_cut_budget -= (long)len;
        return 0;
    }
    s_cut_budget = 0; /* power stays off */
    return 1;
}

#ifdef PC_TEST_HOOKS
void pci_storage_test_cut_after(long bytes)
{
    s_cut_budget = bytes < 0 ? -1 : bytes;
}

void pci_storage_test_counters(pc_storage_counters *out, int reset)
{
    out->bytes = s_bytes;
    out->writes = s_writes;
    out->removes = s_removes;
    if (reset)
        s_bytes = s_writes = s_removes = 0;
}
#endif

/* "r<n>" for record n (decimal, no printf machinery on the device): 0, or
 * PC_E_ARG out of range. */
static int record_key(int record, char key[NVS_KEY_NAME_MAX_SIZE])
{
    if (record < 0 || record >= PC_STORAGE_RECORDS)
        return PC_E_ARG;
    char digits[12];
    int n = 0;
    do {
        digits[n++] = (char)('0' + record % 10);
        record /= 10;
    } while (record > 0);
    key[0] = 'r';
    for (int i = 0; i < n; i++)
        key[1 + i] = digits[n - 1 - i];
    key[1 + n] = '\0';
    return 0;
}

int pci_storage_bind(pc_storage *st, const uint8_t *locator, size_t len)
{
    memset(st, 0, sizeof *st);
    if (len == 0 || len >= NVS_KEY_NAME_MAX_SIZE || memchr(locator, 0, len) != NULL)
        return PC_E_ARG;
    memcpy(st->locator, locator, len);
    return 0;
}

/* 0 and the blob's length, PC_E_NOT_FOUND, or PC_E_STORAGE. */
static int get_blob(const pc_storage *st, const char *key, uint8_t *buf, size_t *len)
{
    nvs_handle_t h;
    esp_err_t err = nvs_open(st->locator, NVS_READONLY, &h);
    if (err == ESP_ERR_NVS_NOT_FOUND)
        return PC_E_NOT_FOUND; /* the namespace was never written */
    if (err != ESP_OK)
        return PC_E_STORAGE;
    err = nvs_get_blob(h, key, buf, len);
    nvs_close(h);
    if (err == ESP_ERR_NVS_NOT_FOUND)
        return PC_E_NOT_FOUND;
    if (err == ESP_ERR_NVS_INVALID_LENGTH)
        return PC_E_CORRUPT; /* larger than anything we write */
    return err == ESP_OK ? 0 : PC_E_STORAGE;
}

/* set + commit: the new value replaces the old one whole. */
static int set_blob(const pc_storage *st, const char *key, const uint8_t *buf, size_t len)
{
    nvs_handle_t h;
    if (cut_blocks(len))
        return PC_E_STORAGE;
    if (nvs_open(st->locator, NVS_READWRITE, &h) != ESP_OK)
        return PC_E_STORAGE;
    esp_err_t err = nvs_set_blob(h, key, buf, len);
    if (err == ESP_OK)
        err = nvs_commit(h);
    nvs_close(h);
    return err == ESP_OK ? 0 : PC_E_STORAGE;
}

/* A blob larger than cap is not one of ours: it reads as damage (bytes
 * that are not blank and do not authenticate). */
static int read_blob(pc_storage *st, const char *key, uint8_t *buf, size_t cap)
{
    size_t len = cap;
    if (cap == 0)
        return PC_E_ARG;
    int rc = get_blob(st, key, buf, &len);
    if (rc == PC_E_NOT_FOUND)
        return rc; /* never written or erased: the only blank */
    if (rc == PC_E_CORRUPT) {
        memset(buf, 0xFF, cap);
        return (int)cap;
    }
    return rc == 0 ? (int)len : rc;
}

int pci_storage_read(pc_storage *st, int record, uint8_t *buf, size_t cap)
{
    char key[NVS_KEY_NAME_MAX_SIZE];
    int rc = record_key(record, key);
    return rc != 0 ? rc : read_blob(st, key, buf, cap);
}

int pci_storage_write(pc_storage *st, int record, const uint8_t *buf, size_t len)
{
    char key[NVS_KEY_NAME_MAX_SIZE];
    if (record_key(record, key) != 0 || len > PC_STORAGE_RECORD_MAX)
        return PC_E_ARG;
    int rc = set_blob(st, key, buf, len);
    if (rc == 0) {
        s_bytes += len;
        s_writes++;
    }
    return rc;
}

/* Erases the keys (each erase is atomic), then one commit. */
static int erase_keys(pc_storage *st, const char *const *keys, int count)
{
    nvs_handle_t h;
    if (cut_blocks(0))
        return PC_E_STORAGE;
    esp_err_t err = nvs_open(st->locator, NVS_READWRITE, &h);
    if (err == ESP_ERR_NVS_NOT_FOUND)
        return 0; /* the namespace was never written */
    if (err != ESP_OK)
        return PC_E_STORAGE;
    for (int i = 0; i < count && err == ESP_OK; i++) {
        err = nvs_erase_key(h, keys[i]);
        if (err == ESP_ERR_NVS_NOT_FOUND)
            err = ESP_OK;
    }
    if (err == ESP_OK)
        err = nvs_commit(h);
    nvs_close(h);
    return err == ESP_OK ? 0 : PC_E_STORAGE;
}

int pci_storage_remove(pc_storage *st, int record)
{
    char key[NVS_KEY_NAME_MAX_SIZE];
    const char *keys[1] = {key};
    if (record_key(record, key) != 0)
        return PC_E_ARG;
    int rc = erase_keys(st, keys, 1);
    if (rc == 0)
        s_removes++;
    return rc;
}

int pci_storage_legacy_read(pc_storage *st, int copy, uint8_t *buf, size_t cap)
{
    if (copy < 0 || copy >= PC_STORAGE_LEGACY_COPIES)
        return PC_E_ARG;
    return read_blob(st, k_legacy_names[copy], buf, cap);
}

int pci_storage_legacy_erase(pc_storage *st)
{
    return erase_keys(st, k_legacy_names, PC_STORAGE_LEGACY_COPIES);
}

static int read_key(const pc_storage *st, uint8_t key[32])
{
    size_t len = DEVICE_KEY_LEN;
    int rc = get_blob(st, DEVICE_KEY_NAME, key, &len);
    if (rc == 0 && len != DEVICE_KEY_LEN)
        rc = PC_E_CORRUPT;
    return rc;
}

int pci_storage_device_key(pc_storage *st, uint8_t key[32], int mode)
{
    if (mode != PC_DEVICE_KEY_RENEW) {
        int rc = read_key(st, key);
        if (rc != PC_E_NOT_FOUND || mode == PC_DEVICE_KEY_READ) {
            if (rc != 0)
                pci_be_wipe(key, DEVICE_KEY_LEN);
            return rc;
        }
    }
    esp_fill_random(key, DEVICE_KEY_LEN); /* truly random once Wi-Fi is up */
    int rc = set_blob(st, DEVICE_KEY_NAME, key, DEVICE_KEY_LEN);
    if (rc != 0)
        pci_be_wipe(key, DEVICE_KEY_LEN);
    return rc == 0 ? 1 : rc;
}

/* Record by record, the identity copies (r0, r1) first, then the previous
 * release's copies. A cut part way leaves no identity, so the next open
 * creates one and removes the leftovers (keystore.c). */
int pci_storage_erase(pc_storage *st)
{
    int rc = 0;
    for (int record = 0; record < PC_STORAGE_RECORDS && rc == 0; record++)
        rc = pci_storage_remove(st, record);
    return rc == 0 ? pci_storage_legacy_erase(st) : rc;
}
