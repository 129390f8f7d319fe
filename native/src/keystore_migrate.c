// SPDX-License-Identifier: MIT
/*
 * keystore_migrate.c - a store written by the previous release (format 1,
 * store_image.h: identity and 16 contacts in each of two 4 KB copies)
 * becomes per-record flash (store_record.h) without losing anything: the
 * identity, every contact at the same index, its flags, name and both
 * resumption generations.
 *
 * Order, so that a power cut anywhere leaves a store that opens: every
 * contact record first, then identity copy A, then B, then the old copies
 * are erased. Until copy A is on flash the next open finds no identity
 * record and migrates again from the untouched old copies (rewriting the
 * same contact records); from then on it opens the new records, finishes
 * copy B and erases the old copies.
 */
#include <string.h>

#include "backend.h"
#include "keystore_state.h"
#include "store_image.h"

static uint8_t s_image[PC_IMAGE_LEN]; /* one old copy being read (4 KB: migration only) */

/* What the old copies hold: which one is the newest intact. */
typedef struct legacy_scan {
    int blank;
    int damaged;
    int best;
    uint32_t best_sequence;
} legacy_scan;

/* Reads copy `copy` into s_image and unseals it: 0 (intact, *sequence),
 * 1 (blank), 2 (damaged), or < 0. */
static int read_copy(pc_store_state *st, int copy, int *have_key, uint32_t *sequence)
{
    int len = pci_storage_legacy_read(&st->storage, copy, s_image, sizeof s_image);
    if (len == PC_E_NOT_FOUND)
        return 1;
    if (len < 0)
        return len;
    int rc = pci_store_need_key(st, have_key);
    if (rc != 0)
        return rc;
    return pci_image_unseal(s_image, (size_t)len, st->device_key, sequence) == 0 ? 0 : 2;
}

static int scan_copy(pc_store_state *st, int copy, legacy_scan *scan, int *have_key)
{
    uint32_t sequence = 0;
    int rc = read_copy(st, copy, have_key, &sequence);
    pci_be_wipe(s_image, sizeof s_image);
    if (rc == 1)
        scan->blank++;
    else if (rc == 2)
        scan->damaged++;
    else if (rc == 0 && (scan->best < 0 || sequence > scan->best_sequence)) {
        scan->best = copy;
        scan->best_sequence = sequence;
    }
    return rc < 0 ? rc : 0;
}

/* Every used contact of the old image into its record, at the same index. */
static int write_contacts(pc_store_state *st)
{
    pc_contact c;
    int rc = 0;
    for (int i = 0; i < PC_IMAGE_CONTACTS && i < PC_MAX_CONTACTS && rc == 0; i++) {
        pci_image_contact(s_image, i, &c);
        if (c.flags & PC_CONTACT_USED)
            rc = pci_contact_store(st, i, &c, 1);
        pci_be_wipe(&c, sizeof c);
    }
    return rc;
}

static int migrate_best(pc_store_state *st, const legacy_scan *scan)
{
    memcpy(st->identity_secret, pci_image_identity(s_image), 32);
    memset(&st->book, 0, sizeof st->book);
    int rc = write_contacts(st);
    if (rc == 0)
        rc = pci_identity_write(st, PC_STORAGE_IDENTITY_A, 1);
    if (rc == 0)
        rc = pci_identity_write(st, PC_STORAGE_IDENTITY_B, 2);
    if (rc == 0)
        rc = pci_storage_legacy_erase(&st->storage);
    st->status = (uint8_t)(PC_STORE_MIGRATED | (scan->damaged ? PC_STORE_RECOVERED : 0));
    return rc == 0 ? 1 : rc;
}

int pci_store_migrate(pc_store_state *st)
{
    legacy_scan scan = {0, 0, -1, 0};
    int have_key = 0;
    int rc = 0;
    for (int copy = 0; copy < PC_STORAGE_LEGACY_COPIES && rc == 0; copy++)
        rc = scan_copy(st, copy, &scan, &have_key);
    uint32_t sequence = 0;
    if (rc == 0 && scan.best >= 0) /* read the winner again: one 4 KB buffer, not two */
        rc = read_copy(st, scan.best, &have_key, &sequence) == 0 ? migrate_best(st, &scan)
                                                                 : PC_E_STORAGE;
    else if (rc == 0 && scan.blank != PC_STORAGE_LEGACY_COPIES)
        rc = PC_E_CORRUPT;
    pci_be_wipe(s_image, sizeof s_image);
    return rc;
}
