// SPDX-License-Identifier: MIT
/*
 * storage_file.c - storage.h on the host: the "flash" is <dir>/flash.img
 * (record n at offset n * 4096: the store's A/B copies 0 and 1, then the
 * organisation record's 2 and 3; a record past the file's end reads 0 bytes) and the "eFuse" is <dir>/efuse.key (32 bytes,
 * written once: temp file, fsync, rename, fsync of the directory).
 *
 * Never written (or erased) means no flash.img: only then is a slot blank.
 * The first write creates the image whole, its copy in every slot, the same
 * way as the key (temp file, fsync, rename), so a cut first boot leaves no
 * image rather than a torn one. Every later slot write is pwrite + fsync of
 * that slot. A factory reset removes the image. A short or zero-filled
 * image is data: the key store refuses it instead of starting afresh.
 *
 * Test builds model a power cut (pci_storage_test_cut_after): the bytes
 * before the cut reach the file, the rest of the slot keeps its old bytes,
 * and nothing is written after it.
 */
#include "storage.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backend.h"
#include "phone_crypto_api.h"

#define FLASH_FILE "flash.img"
#define FLASH_TEMP_FILE "flash.img.tmp"
#define KEY_FILE "efuse.key"
#define KEY_TEMP_FILE "efuse.key.tmp"
#define DEVICE_KEY_LEN 32
#define PATH_CAP 128

static long s_cut_budget = -1; /* bytes left before the power cut; -1 = no cut */

/* How many of len bytes reach the file before the cut: len if no cut comes. */
static size_t cut_take(size_t len, int *cut)
{
    *cut = 0;
    if (s_cut_budget < 0 || (size_t)s_cut_budget > len) {
        if (s_cut_budget >= 0)
            s_cut_budget -= (long)len;
        return len;
    }
    size_t n = (size_t)s_cut_budget;
    s_cut_budget = 0; /* power stays off */
    *cut = 1;
    return n;
}

#ifdef PC_TEST_HOOKS
void pci_storage_test_cut_after(long bytes)
{
    s_cut_budget = bytes < 0 ? -1 : bytes;
}
#endif

static int path_of(const pc_storage *st, const char *name, char out[PATH_CAP])
{
    int n = snprintf(out, PATH_CAP, "%s/%s", st->locator, name);
    return n > 0 && n < PATH_CAP ? 0 : PC_E_ARG;
}

int pci_storage_bind(pc_storage *st, const uint8_t *locator, size_t len)
{
    memset(st, 0, sizeof *st);
    if (len == 0 || len >= sizeof st->locator || memchr(locator, 0, len) != NULL)
        return PC_E_ARG;
    memcpy(st->locator, locator, len);
    return 0;
}

static int write_all(int fd, const uint8_t *buf, size_t len, off_t at)
{
    while (len > 0) {
        ssize_t n = pwrite(fd, buf, len, at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return PC_E_STORAGE;
        buf += n;
        len -= (size_t)n;
        at += n;
    }
    return 0;
}

static int read_all(int fd, uint8_t *buf, size_t cap, off_t at)
{
    size_t got = 0;
    while (got < cap) {
        ssize_t n = pread(fd, buf + got, cap - got, at + (off_t)got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return PC_E_STORAGE;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (int)got;
}

/* Makes a new directory entry durable. */
static int sync_dir(const pc_storage *st)
{
    int fd = open(st->locator, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return PC_E_STORAGE;
    int rc = fsync(fd) == 0 ? 0 : PC_E_STORAGE;
    close(fd);
    return rc;
}

static int ensure_dir(const pc_storage *st)
{
    if (mkdir(st->locator, 0700) == 0 || errno == EEXIST)
        return 0;
    return PC_E_STORAGE;
}

int pci_storage_read(pc_storage *st, int slot, uint8_t *buf, size_t cap)
{
    char path[PATH_CAP];
    if (slot < 0 || slot >= PC_STORAGE_RECORDS || path_of(st, FLASH_FILE, path) != 0)
        return PC_E_ARG;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? PC_E_NOT_FOUND : PC_E_STORAGE;
    if (cap > PC_STORAGE_SLOT_LEN)
        cap = PC_STORAGE_SLOT_LEN;
    int rc = read_all(fd, buf, cap, (off_t)slot * PC_STORAGE_SLOT_LEN);
    close(fd);
    return rc;
}

/* pwrite up to the cut, then fsync: a cut write fails before its fsync. */
static int write_durable(int fd, const uint8_t *buf, size_t len, off_t at)
{
    int cut;
    size_t n = cut_take(len, &cut);
    int rc = write_all(fd, buf, n, at);
    if (rc == 0 && cut)
        rc = PC_E_STORAGE;
    if (rc == 0 && fsync(fd) != 0)
        rc = PC_E_STORAGE;
    return rc;
}

/* The first write: a new image with buf in every slot, renamed into place. */
static int create_image(const pc_storage *st, const uint8_t *buf, size_t len)
{
    char temp[PATH_CAP], path[PATH_CAP];
    if (path_of(st, FLASH_TEMP_FILE, temp) != 0 || path_of(st, FLASH_FILE, path) != 0)
        return PC_E_ARG;
    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return PC_E_STORAGE;
    int rc = 0;
    for (int slot = 0; slot < PC_STORAGE_SLOTS && rc == 0; slot++)
        rc = write_durable(fd, buf, len, (off_t)slot * PC_STORAGE_SLOT_LEN);
    close(fd);
    if (rc == 0 && rename(temp, path) != 0)
        rc = PC_E_STORAGE;
    return rc == 0 ? sync_dir(st) : rc;
}

int pci_storage_write(pc_storage *st, int slot, const uint8_t *buf, size_t len)
{
    char path[PATH_CAP];
    if (slot < 0 || slot >= PC_STORAGE_RECORDS || len > PC_STORAGE_SLOT_LEN
        || path_of(st, FLASH_FILE, path) != 0)
        return PC_E_ARG;
    if (ensure_dir(st) != 0)
        return PC_E_STORAGE;
    int fd = open(path, O_RDWR | O_CLOEXEC);
    /* only the store's own copies create the image; other records follow it */
    if (fd < 0 && errno == ENOENT)
        return slot < PC_STORAGE_SLOTS ? create_image(st, buf, len) : PC_E_STATE;
    if (fd < 0)
        return PC_E_STORAGE;
    int rc = write_durable(fd, buf, len, (off_t)slot * PC_STORAGE_SLOT_LEN);
    close(fd);
    return rc;
}

/* Exactly DEVICE_KEY_LEN bytes, else the file is not a key we wrote. */
static int read_key(const pc_storage *st, uint8_t key[32])
{
    char path[PATH_CAP];
    uint8_t buf[DEVICE_KEY_LEN + 1];
    if (path_of(st, KEY_FILE, path) != 0)
        return PC_E_ARG;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? PC_E_NOT_FOUND : PC_E_STORAGE;
    int n = read_all(fd, buf, sizeof buf, 0);
    close(fd);
    int rc = n < 0 ? PC_E_STORAGE : (n == DEVICE_KEY_LEN ? 0 : PC_E_CORRUPT);
    if (rc == 0)
        memcpy(key, buf, DEVICE_KEY_LEN);
    pci_be_wipe(buf, sizeof buf);
    return rc;
}

/* Write-temp, fsync, rename, fsync dir: the key file is whole or absent. */
static int write_key(const pc_storage *st, const uint8_t key[32])
{
    char temp[PATH_CAP], path[PATH_CAP];
    if (path_of(st, KEY_TEMP_FILE, temp) != 0 || path_of(st, KEY_FILE, path) != 0)
        return PC_E_ARG;
    if (ensure_dir(st) != 0)
        return PC_E_STORAGE;
    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return PC_E_STORAGE;
    int rc = write_durable(fd, key, DEVICE_KEY_LEN, 0);
    close(fd);
    if (rc == 0 && rename(temp, path) != 0)
        rc = PC_E_STORAGE;
    return rc == 0 ? sync_dir(st) : rc;
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
    int rc = pci_be_random(key, DEVICE_KEY_LEN) == 0 ? write_key(st, key) : PC_E_RNG;
    if (rc != 0)
        pci_be_wipe(key, DEVICE_KEY_LEN);
    return rc == 0 ? 1 : rc;
}

/* Removing the image erases every record at once. */
int pci_storage_erase(pc_storage *st)
{
    char path[PATH_CAP];
    int cut;
    if (path_of(st, FLASH_FILE, path) != 0)
        return PC_E_ARG;
    cut_take(0, &cut);
    if (cut)
        return PC_E_STORAGE;
    if (unlink(path) != 0)
        return errno == ENOENT ? 0 : PC_E_STORAGE;
    return sync_dir(st);
}
