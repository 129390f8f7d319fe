// SPDX-License-Identifier: MIT
/*
 * fuzz_store_load.c - libFuzzer target for pc_store_open over the previous
 * release's flash image (format 1: two sealed A/B slots in flash.img), the
 * parser and the migration (keystore_migrate.c) that a thief, a dying
 * flash chip or an upgrade hands it. No record files exist before each
 * input, so every input goes through the migration path.
 *
 * Input: byte 0 is the mode, the rest the flash bytes. Mode bits 0-1:
 *   0  the rest is sealed as slot A's *payload* under the device key (slot
 *      B zeroed, which is damage), so the checks on authenticated content
 *      are fuzzed too;
 *   1  the rest is the whole flash.img, as is;
 *   2  the rest overwrites the start of slot A of a genuine format-1 store
 *      (with a contact), the rest stays genuine - torn writes, flips;
 *   3  the same for slot B.
 * Bit 2: efuse.key is missing; bit 3: efuse.key has the wrong length.
 * The device key is fixed (public test data). Checks beyond the sanitizers:
 * the open returns a store or PC_E_CORRUPT (PC_E_NOT_FOUND when efuse.key
 * is missing), nothing else - never a new identity; a refused open
 * leaves both files exactly as they were and writes no record; an opened
 * store answers every read without crashing.
 *
 * Built with -DPC_FUZZ_SEEDS, main() writes seeds (a genuine store with
 * contacts, in raw and payload form) into the directory argv[1].
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, unlink */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "phone_crypto_api.h"
#include "transport.h"
#include "storage.h"
#include "store_image.h"

#define SLOT PC_IMAGE_LEN
#define MIGRATED_RECORDS (PC_STORAGE_CONTACT_BASE + PC_IMAGE_CONTACTS)
#define FLASH_MAX (2 * SLOT + 64)

static uint8_t s_template[2 * SLOT]; /* a genuine store under the fixed key */

static char s_dir[64];
static char s_flash[96];
static char s_key[96];

static void fixed_device_key(uint8_t key[32])
{
    for (int i = 0; i < 32; i++)
        key[i] = (uint8_t)(0xA5 ^ (i * 29));
}

/* Every record a migration can write, and the record directory. */
static void remove_records(void)
{
    char path[128];
    for (int n = 0; n < MIGRATED_RECORDS; n++) {
        snprintf(path, sizeof path, "%s/flash/%d.rec", s_dir, n);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/flash", s_dir);
    rmdir(path);
}

static int record_exists(int n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/flash/%d.rec", s_dir, n);
    return access(path, F_OK) == 0;
}

static void remove_dir(void)
{
    remove_records();
    unlink(s_flash);
    unlink(s_key);
    rmdir(s_dir);
}

static int make_dir(void)
{
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(s_dir, sizeof s_dir, "%s/pc-fuzz-store-XXXXXX", base);
    if (mkdtemp(s_dir) == NULL)
        return -1;
    snprintf(s_flash, sizeof s_flash, "%s/flash.img", s_dir);
    snprintf(s_key, sizeof s_key, "%s/efuse.key", s_dir);
    return atexit(remove_dir);
}

static int write_bytes(const char *path, const uint8_t *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    int ok = f != NULL && (n == 0 || fwrite(b, 1, n, f) == n);
    if (f != NULL)
        fclose(f);
    return ok ? 0 : -1;
}

/* The file's bytes into buf (cap), or -1 if it does not exist. */
static long read_bytes(const char *path, uint8_t *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    return (long)n;
}

static int32_t open_dir(void)
{
    return pc_store_open((const uint8_t *)s_dir, (int32_t)strlen(s_dir));
}

/* A genuine image for slot 0: header as store_image.h lays it out, the
 * payload sealed with the fixed device key. */
static void seal_slot(uint8_t *slot, const uint8_t *payload, size_t len, uint32_t sequence)
{
    uint8_t key[32], *p = slot + PC_IMAGE_HEADER_LEN;
    memset(slot, 0, SLOT);
    memcpy(slot, "PHST", 4);
    slot[4] = 1;
    slot[6] = PC_IMAGE_HEADER_LEN;
    for (int i = 0; i < 4; i++) {
        slot[8 + i] = (uint8_t)(sequence >> (8 * i));
        slot[12 + i] = (uint8_t)(PC_IMAGE_PAYLOAD_LEN >> (8 * i));
    }
    for (int i = 0; i < 24; i++)
        slot[16 + i] = (uint8_t)(i + sequence);
    memcpy(p, payload, len < PC_IMAGE_PAYLOAD_LEN ? len : PC_IMAGE_PAYLOAD_LEN);
    fixed_device_key(key);
    pci_be_xaead_seal(p, p + PC_IMAGE_PAYLOAD_LEN, key, slot + 16, slot, PC_IMAGE_HEADER_LEN, p,
                     PC_IMAGE_PAYLOAD_LEN);
}

/* The flash image for one input: its length. */
static size_t flash_for(uint8_t mode, const uint8_t *rest, size_t len, uint8_t *flash)
{
    size_t slot = (mode & 3) == 3 ? 1 : 0;
    switch (mode & 3) {
    case 0:
        memset(flash, 0, 2 * SLOT);
        seal_slot(flash, rest, len, 7);
        return 2 * SLOT;
    case 1:
        len = len < FLASH_MAX ? len : FLASH_MAX;
        memcpy(flash, rest, len);
        return len;
    default:
        memcpy(flash, s_template, 2 * SLOT);
        memcpy(flash + slot * SLOT, rest, len < SLOT ? len : SLOT);
        return 2 * SLOT;
    }
}

/* Lays out both files for one input; returns the flash length written. */
static long lay_out(uint8_t mode, const uint8_t *rest, size_t len, uint8_t *flash)
{
    uint8_t key[33];
    fixed_device_key(key);
    key[32] = 0;
    unlink(s_key);
    if (!(mode & 4) && write_bytes(s_key, key, (mode & 8) ? 33 : 32) != 0)
        abort();
    size_t flash_len = flash_for(mode, rest, len, flash);
    if (write_bytes(s_flash, flash, flash_len) != 0)
        abort();
    return (long)flash_len;
}

/* A payload as store_image.h lays it out: one verified contact. */
static size_t sample_payload(uint8_t *p)
{
    size_t len = 36 + 16 * 138;
    memset(p, 0, len);
    p[0] = 1;
    p[2] = 16;
    for (int i = 0; i < 32; i++)
        p[4 + i] = (uint8_t)(i + 1);
    uint8_t *c = p + 36;
    c[0] = 3;
    c[1] = 5;
    memcpy(c + 2, "alice", 5);
    for (int i = 0; i < 32; i++)
        c[34 + i] = (uint8_t)(0x40 + i);
    c[66] = 1;
    return len;
}

/* A genuine format-1 store under the fixed key with one contact, built
 * from the format's spec (the new code writes no format 1): the template
 * the overlay modes damage. */
static int build_template(void)
{
    static uint8_t payload[PC_IMAGE_PAYLOAD_LEN];
    size_t len = sample_payload(payload);
    seal_slot(s_template, payload, len, 1);
    seal_slot(s_template + SLOT, payload, len, 2);
    return 0;
}

/* Every read an opened store offers, on whatever it loaded. */
static void exercise(int32_t store)
{
    uint8_t rec[PC_CONTACT_RECORD_LEN], pub[32];
    if (pc_store_identity(store, pub, 32) != 32 || pc_store_status(store) < 0)
        abort();
    uint8_t page[PC_PAGE_HEADER_LEN + PC_PAGE_MAX_ENTRIES * PC_PAGE_ENTRY_LEN];
    if (pc_contact_page(store, 0, NULL, 0, page, sizeof page) < 0)
        abort();
    for (int32_t i = 0; i < PC_IMAGE_CONTACTS; i++) { /* all a format-1 store can hold */
        int32_t rc = pc_contact_read(store, i, rec, sizeof rec);
        if (rc == PC_CONTACT_RECORD_LEN && pc_contact_find(store, rec + PC_CONTACT_KEY_OFFSET, 32) < 0)
            abort(); /* a listed contact must be found by its key */
        if (rc != PC_CONTACT_RECORD_LEN && rc != PC_E_NOT_FOUND)
            abort();
    }
}

#ifndef PC_FUZZ_SEEDS

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (pc_selftest() != PC_OK || make_dir() != 0 || build_template() != 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t flash[FLASH_MAX], after[FLASH_MAX + 1];
    uint8_t key_before[40], key_after[40];
    if (size < 1)
        return 0;
    remove_records();
    long flash_len = lay_out(data[0], data + 1, size - 1, flash);
    long key_len = read_bytes(s_key, key_before, sizeof key_before);
    int32_t store = open_dir();
    if (store >= 0) {
        if (pc_store_status(store) & PC_STORE_CREATED)
            abort(); /* an image is present: damage must never become a new phone */
        exercise(store);
        pc_store_close(store);
    } else {
        if (store != PC_E_CORRUPT && !(store == PC_E_NOT_FOUND && (data[0] & 4)))
            abort(); /* only "no intact copy" or "no device key" may refuse an image */
        if (read_bytes(s_flash, after, sizeof after) != flash_len
            || memcmp(after, flash, (size_t)flash_len) != 0
            || read_bytes(s_key, key_after, sizeof key_after) != key_len
            || (key_len > 0 && memcmp(key_before, key_after, (size_t)key_len) != 0)
            || record_exists(PC_STORAGE_IDENTITY_A) || record_exists(PC_STORAGE_IDENTITY_B))
            abort(); /* a refused open touched the files */
    }
    unlink(s_flash);
    remove_records();
    return 0;
}

#else

static int write_seed(const char *dir, const char *name, uint8_t mode, const uint8_t *b,
                      size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    int ok = f != NULL && fwrite(&mode, 1, 1, f) == 1 && fwrite(b, 1, n, f) == n;
    if (f != NULL)
        fclose(f);
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    static uint8_t payload[PC_IMAGE_PAYLOAD_LEN];
    if (argc != 2 || pc_selftest() != PC_OK || make_dir() != 0 || build_template() != 0)
        return 2;
    size_t plen = sample_payload(payload);
    int rc = 0;
    rc |= write_seed(argv[1], "raw-genuine", 1, s_template, sizeof s_template);
    rc |= write_seed(argv[1], "raw-no-key", 1 | 4, s_template, sizeof s_template);
    rc |= write_seed(argv[1], "slot-a-genuine", 2, s_template, 4000); /* + template = whole */
    rc |= write_seed(argv[1], "slot-b-genuine", 3, s_template + SLOT, 4000);
    rc |= write_seed(argv[1], "slot-a-torn", 2, s_template + SLOT, 600);
    rc |= write_seed(argv[1], "payload-contact", 0, payload, plen);
    rc |= write_seed(argv[1], "payload-empty", 0, payload, 36);
    return rc == 0 ? 0 : 1;
}

#endif
