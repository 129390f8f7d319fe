/*
 * fuzz_store_load.c - libFuzzer target for pc_store_open, the parser of
 * the flash image (two sealed A/B slots) that a thief or a dying flash
 * chip hands back.
 *
 * Input: byte 0 is the mode, the rest the flash bytes.
 *   mode bit 0: the rest is written to flash.img as is (raw mode); clear:
 *               it is sealed as slot 0's *payload* under the device key,
 *               so the checks on authenticated content are fuzzed too
 *               (slot 1 keeps the seed store's copy);
 *   mode bit 1: efuse.key is missing; bit 2: efuse.key has the wrong length.
 * The device key is fixed (public test data). Checks beyond the sanitizers:
 * the open returns a store or PC_E_CORRUPT, nothing else; a refused open
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
#include "phone_crypto.h"
#include "storage.h"
#include "store_image.h"

#define FLASH_MAX (2 * PC_STORAGE_SLOT_LEN + 64)

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
    pc_be_xaead_seal(p, p + PC_IMAGE_PAYLOAD_LEN, key, slot + 16, slot, PC_IMAGE_HEADER_LEN, p,
                     PC_IMAGE_PAYLOAD_LEN);
}

/* Lays out the files for one input; returns the flash length written. */
static long lay_out(uint8_t mode, const uint8_t *rest, size_t len, uint8_t *flash)
{
    uint8_t key[33];
    fixed_device_key(key);
    key[32] = 0;
    unlink(s_key);
    if (!(mode & 2) && write_bytes(s_key, key, (mode & 4) ? 33 : 32) != 0)
        abort();
    size_t flash_len = len < FLASH_MAX ? len : FLASH_MAX;
    if (mode & 1) {
        memcpy(flash, rest, flash_len);
    } else {
        memset(flash, 0, 2 * PC_STORAGE_SLOT_LEN);
        seal_slot(flash, rest, len, 7);
        flash_len = 2 * PC_STORAGE_SLOT_LEN; /* slot 1 blank */
    }
    if (write_bytes(s_flash, flash, flash_len) != 0)
        abort();
    return (long)flash_len;
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
    if (pc_selftest() != PC_OK || make_dir() != 0)
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
        exercise(store);
        pc_store_close(store);
    } else {
        if (store != PC_E_CORRUPT)
            abort(); /* only "no intact copy" may refuse an image */
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

/* A genuine store under the fixed key, with contacts: its flash image. */
static long genuine_store(uint8_t *flash)
{
    uint8_t key[32];
    fixed_device_key(key);
    unlink(s_flash);
    if (write_bytes(s_key, key, 32) != 0)
        return -1;
    int32_t store = open_dir();
    if (store < 0)
        return -1;
    pc_store_close(store); /* contacts need sessions: the payload seeds add them */
    return read_bytes(s_flash, flash, FLASH_MAX);
}

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
    static uint8_t flash[FLASH_MAX], payload[PC_IMAGE_PAYLOAD_LEN];
    if (argc != 2 || pc_selftest() != PC_OK || make_dir() != 0)
        return 2;
    long n = genuine_store(flash);
    size_t plen = sample_payload(payload);
    int rc = n > 0 ? 0 : -1;
    rc |= write_seed(argv[1], "raw-genuine", 1, flash, (size_t)n);
    rc |= write_seed(argv[1], "raw-no-key", 3, flash, (size_t)n);
    rc |= write_seed(argv[1], "raw-slot0-only", 1, flash, PC_STORAGE_SLOT_LEN);
    rc |= write_seed(argv[1], "payload-contact", 0, payload, plen);
    rc |= write_seed(argv[1], "payload-empty", 0, payload, 36);
    return rc == 0 ? 0 : 1;
}

#endif
