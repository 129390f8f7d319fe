// SPDX-License-Identifier: MIT
/*
 * storage_file.c - storage.h on the host: record n is the file
 * <dir>/flash/<n>.rec and the "eFuse" is <dir>/efuse.key (32 bytes).
 *
 * Every write is temp file, fsync, rename, fsync of the directory: the
 * record file is the old one or the new one after a cut, never torn - the
 * way NVS commits a key on the device. No file means a blank record. The
 * previous release's store, <dir>/flash.img (two 4096-byte copies), is
 * only read and removed (legacy, for the migration in keystore_migrate.c).
 *
 * Test builds model a power cut (pci_storage_test_cut_after): the bytes
 * before the cut reach the temp file, which is never renamed into place,
 * and nothing is written after it. They also count what reaches the flash.
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

#define RECORD_DIR "flash"
#define LEGACY_FILE "flash.img"
#define KEY_FILE "efuse.key"
#define KEY_TEMP_FILE "efuse.key.tmp"
#define DEVICE_KEY_LEN 32
#define PATH_CAP 160

static long s_cut_budget = -1; /* bytes left before the power cut; -1 = no cut */
static unsigned long s_bytes, s_writes, s_removes;

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

void pci_storage_test_counters(pc_storage_counters *out, int reset)
{
    out->bytes = s_bytes;
    out->writes = s_writes;
    out->removes = s_removes;
    if (reset)
        s_bytes = s_writes = s_removes = 0;
}
#endif

static int path_of(const pc_storage *st, const char *name, char out[PATH_CAP])
{
    int n = snprintf(out, PATH_CAP, "%s/%s", st->locator, name);
    return n > 0 && n < PATH_CAP ? 0 : PC_E_ARG;
}

/* <dir>/flash/<record>.rec, or .tmp for the file a write fills first. */
static int record_path(const pc_storage *st, int record, const char *ext, char out[PATH_CAP])
{
    if (record < 0 || record >= PC_STORAGE_RECORDS)
        return PC_E_ARG;
    int n = snprintf(out, PATH_CAP, "%s/" RECORD_DIR "/%d.%s", st->locator, record, ext);
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

static int write_all(int fd, const uint8_t *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return PC_E_STORAGE;
        buf += n;
        len -= (size_t)n;
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

/* Makes directory entries (a rename, a removal) durable. */
static int sync_path(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return PC_E_STORAGE;
    int rc = fsync(fd) == 0 ? 0 : PC_E_STORAGE;
    close(fd);
    return rc;
}

static int ensure_dirs(const pc_storage *st)
{
    char dir[PATH_CAP];
    if (path_of(st, RECORD_DIR, dir) != 0)
        return PC_E_ARG;
    if ((mkdir(st->locator, 0700) != 0 && errno != EEXIST)
        || (mkdir(dir, 0700) != 0 && errno != EEXIST))
        return PC_E_STORAGE;
    return 0;
}

static int read_file(const char *path, uint8_t *buf, size_t cap, off_t at)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? PC_E_NOT_FOUND : PC_E_STORAGE;
    int rc = read_all(fd, buf, cap, at);
    close(fd);
    return rc;
}

int pci_storage_read(pc_storage *st, int record, uint8_t *buf, size_t cap)
{
    char path[PATH_CAP];
    int rc = record_path(st, record, "rec", path);
    if (rc != 0)
        return rc;
    return read_file(path, buf, cap > PC_STORAGE_RECORD_MAX ? PC_STORAGE_RECORD_MAX : cap, 0);
}

/* Fills path (up to the cut) and fsyncs it: a cut write fails before its fsync. */
static int write_durable(const char *path, const uint8_t *buf, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return PC_E_STORAGE;
    int cut;
    size_t n = cut_take(len, &cut);
    int rc = write_all(fd, buf, n);
    if (rc == 0 && cut)
        rc = PC_E_STORAGE;
    if (rc == 0 && fsync(fd) != 0)
        rc = PC_E_STORAGE;
    close(fd);
    return rc;
}

/* temp, fsync, rename, fsync dir: the target is whole or as it was. */
static int replace_file(const char *dir, const char *temp, const char *path, const uint8_t *buf,
                        size_t len)
{
    int rc = write_durable(temp, buf, len);
    if (rc == 0 && rename(temp, path) != 0)
        rc = PC_E_STORAGE;
    if (rc != 0)
        return rc; /* a cut temp file stays: power is off, and it is never read */
    return sync_path(dir);
}

int pci_storage_write(pc_storage *st, int record, const uint8_t *buf, size_t len)
{
    char temp[PATH_CAP], path[PATH_CAP], dir[PATH_CAP];
    if (len > PC_STORAGE_RECORD_MAX || record_path(st, record, "tmp", temp) != 0
        || record_path(st, record, "rec", path) != 0 || path_of(st, RECORD_DIR, dir) != 0)
        return PC_E_ARG;
    if (ensure_dirs(st) != 0)
        return PC_E_STORAGE;
    int rc = replace_file(dir, temp, path, buf, len);
    if (rc == 0) {
        s_bytes += len;
        s_writes++;
    }
    return rc;
}

/* unlink + fsync of its directory; a cut stops it before anything happens. */
static int remove_file(const char *dir, const char *path)
{
    int cut;
    cut_take(0, &cut);
    if (cut)
        return PC_E_STORAGE;
    if (unlink(path) != 0)
        return errno == ENOENT || errno == ENOTDIR ? 0 : PC_E_STORAGE;
    return sync_path(dir);
}

int pci_storage_remove(pc_storage *st, int record)
{
    char path[PATH_CAP], dir[PATH_CAP];
    if (record_path(st, record, "rec", path) != 0 || path_of(st, RECORD_DIR, dir) != 0)
        return PC_E_ARG;
    int rc = remove_file(dir, path);
    if (rc == 0)
        s_removes++;
    return rc;
}

int pci_storage_legacy_read(pc_storage *st, int copy, uint8_t *buf, size_t cap)
{
    char path[PATH_CAP];
    if (copy < 0 || copy >= PC_STORAGE_LEGACY_COPIES || path_of(st, LEGACY_FILE, path) != 0)
        return PC_E_ARG;
    if (cap > PC_STORAGE_LEGACY_LEN)
        cap = PC_STORAGE_LEGACY_LEN;
    return read_file(path, buf, cap, (off_t)copy * PC_STORAGE_LEGACY_LEN);
}

int pci_storage_legacy_erase(pc_storage *st)
{
    char path[PATH_CAP];
    if (path_of(st, LEGACY_FILE, path) != 0)
        return PC_E_ARG;
    return remove_file(st->locator, path);
}

/* Exactly DEVICE_KEY_LEN bytes, else the file is not a key we wrote. */
static int read_key(const pc_storage *st, uint8_t key[32])
{
    char path[PATH_CAP];
    uint8_t buf[DEVICE_KEY_LEN + 1];
    if (path_of(st, KEY_FILE, path) != 0)
        return PC_E_ARG;
    int n = read_file(path, buf, sizeof buf, 0);
    int rc = n < 0 ? n : (n == DEVICE_KEY_LEN ? 0 : PC_E_CORRUPT);
    if (rc == 0)
        memcpy(key, buf, DEVICE_KEY_LEN);
    pci_be_wipe(buf, sizeof buf);
    return rc;
}

static int write_key(const pc_storage *st, const uint8_t key[32])
{
    char temp[PATH_CAP], path[PATH_CAP];
    if (path_of(st, KEY_TEMP_FILE, temp) != 0 || path_of(st, KEY_FILE, path) != 0)
        return PC_E_ARG;
    if (ensure_dirs(st) != 0)
        return PC_E_STORAGE;
    return replace_file(st->locator, temp, path, key, DEVICE_KEY_LEN);
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

/* Identity copies first (records 0 and 1), then everything else. */
int pci_storage_erase(pc_storage *st)
{
    int rc = 0;
    for (int record = 0; record < PC_STORAGE_RECORDS && rc == 0; record++)
        rc = pci_storage_remove(st, record);
    return rc == 0 ? pci_storage_legacy_erase(st) : rc;
}
