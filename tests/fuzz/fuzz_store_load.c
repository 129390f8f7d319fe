// SPDX-License-Identifier: MIT
/*
 * fuzz_store_load.c - libFuzzer target for pc_store_open, the parser of
 * the flash image (two sealed A/B slots) that a thief or a dying flash
 * chip hands back.
 *
 * Input: byte 0 is the mode, the rest the flash bytes. Mode bits 0-1:
 *   0  the rest is sealed as slot A's *payload* under the device key (slot
 *      B zeroed, which is damage), so the checks on authenticated content
 *      are fuzzed too;
 *   1  the rest is the whole flash.img, as is;
 *   2  the rest overwrites the start of slot A of a genuine store (with a
 *      contact), the rest of the image stays genuine - torn writes, flips;
 *   3  the same for slot B.
 * Bit 2: efuse.key is missing; bit 3: efuse.key has the wrong length.
 * The device key is fixed (public test data). Checks beyond the sanitizers:
 * the open returns a store or PC_E_CORRUPT (PC_E_NOT_FOUND when efuse.key
 * is missing), nothing else - never a new identity; a refused open
 * leaves both files exactly as they were; an opened store answers every
 * read without crashing.
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

#define SLOT PC_STORAGE_SLOT_LEN
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

static void remove_dir(void)
{
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
    memset(slot, 0, PC_STORAGE_SLOT_LEN);
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

/* A genuine store under the fixed key with one pinned contact: the
 * template the overlay modes damage. */
static int build_template(void)
{
    pc_split_result split;
    uint8_t key[32];
    memset(&split, 0, sizeof split);
    for (int i = 0; i < 32; i++)
        split.remote_static[i] = split.resumption[i] = (uint8_t)(0x40 + i);
    split.role = PC_ROLE_INITIATOR;
    split.has_remote_static = 1;
    fixed_device_key(key);
    unlink(s_flash);
    int32_t session = pci_transport_create(&split);
    int32_t store = write_bytes(s_key, key, 32) == 0 ? open_dir() : -1;
    int ok = session >= 0 && store >= 0
             && pc_contact_pin(store, session, (const uint8_t *)"alice", 5, PC_CONTACT_VERIFIED) == 0;
    pc_store_close(store);
    pc_session_free(session);
    ok = ok && read_bytes(s_flash, s_template, sizeof s_template) == (long)sizeof s_template;
    unlink(s_flash);
    return ok ? 0 : -1;
}

/* Every read an opened store offers, on whatever it loaded. */
static void exercise(int32_t store)
{
    uint8_t rec[PC_CONTACT_RECORD_LEN], pub[32];
    if (pc_store_identity(store, pub, 32) != 32 || pc_store_status(store) < 0)
        abort();
    for (int32_t i = 0; i < pc_contact_capacity(); i++) {
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
            || (key_len > 0 && memcmp(key_before, key_after, (size_t)key_len) != 0))
            abort(); /* a refused open touched the files */
    }
    unlink(s_flash);
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

/* A payload as store_image.c lays it out: one verified contact. */
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
