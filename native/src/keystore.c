// SPDX-License-Identifier: MIT
/*
 * keystore.c - open stores: the identity key of each, from the newest intact
 * of its two sealed flash copies (records 0 and 1, store_record.h), and the
 * index of its contact records (keystore_records.c).
 *
 * Open: each identity copy is blank (the storage says PC_E_NOT_FOUND),
 * intact (authenticated under the device key) or damaged (anything else,
 * zero or 0xFF bytes and a record cut short included). The intact copy with
 * the higher sequence number wins; a damaged copy beside an intact one is
 * reported (PC_STORE_RECOVERED) and rewritten from it, a blank one (a
 * creation cut between its two writes) is filled. Both copies blank: the
 * previous release's store is migrated if there is one
 * (keystore_migrate.c), else - flash never written - an identity is
 * created. Damage never silently becomes a new phone: nothing intact is
 * PC_E_CORRUPT, data whose device key is missing is PC_E_NOT_FOUND, and in
 * both cases nothing is written: only a factory reset erases a store that
 * does not open. A contact record that does not authenticate is refused
 * (left out of the book) and reported as PC_STORE_RECOVERED.
 */
#include "keystore.h"

#include <string.h>

#include "backend.h"
#include "book_index.h"
#include "keystore_state.h"
#include "precompute.h"
#include "store_record.h"
#include "test_vectors.h"

static pc_store_state s_stores[PC_MAX_STORES];
static uint8_t s_identity[PC_RECORD_IDENTITY_LEN + 1]; /* one identity copy being sealed or read */

/* What an open found in the two identity copies. */
typedef struct copy_scan {
    int blank;      /* copies with no data */
    int damaged;    /* copies with data that did not authenticate */
    int best;       /* record loaded into the store, or -1 */
    uint32_t best_sequence;
    int other_state; /* the other copy: 0 intact, 1 blank, 2 damaged */
} copy_scan;

#define TABLE s_stores, PC_MAX_STORES, sizeof s_stores[0]

pc_store_state *pci_store_lookup(int32_t store)
{
    return pci_slot_get(store, TABLE);
}

/* Keys and the index are wiped with the slot. */
static void release(pc_store_state *st)
{
    pci_slot_free(st, sizeof *st);
}

/* Two handles on one flash would each think they know the newest copy. */
static int locator_open(const pc_storage *storage)
{
    for (int i = 0; i < PC_MAX_STORES; i++) {
        if (s_stores[i].slot.used
            && pci_be_equal((const uint8_t *)s_stores[i].storage.locator,
                           (const uint8_t *)storage->locator, sizeof storage->locator))
            return 1;
    }
    return 0;
}

/* A free table slot for storage, or PC_E_STATE / PC_E_NO_SLOT. */
static pc_store_state *allocate(const pc_storage *storage, int32_t *rc)
{
    *rc = locator_open(storage) ? PC_E_STATE : pci_slot_alloc(TABLE);
    if (*rc < 0)
        return NULL;
    pc_store_state *st = pci_store_lookup(*rc); /* wiped */
    st->storage = *storage;
    return st;
}

int pci_identity_write(pc_store_state *st, int record, uint32_t sequence)
{
    int rc = pci_record_seal_identity(s_identity, st->device_key, record, sequence,
                                      st->identity_secret);
    if (rc == 0)
        rc = pci_storage_write(&st->storage, record, s_identity, PC_RECORD_IDENTITY_LEN);
    pci_be_wipe(s_identity, sizeof s_identity);
    if (rc == 0) {
        st->newest = (uint8_t)record;
        st->sequence = sequence;
    }
    return rc;
}

/* The copy that is not the newest, written from it (a blank or damaged one). */
static int write_other_copy(pc_store_state *st)
{
    if (st->sequence == UINT32_MAX)
        return PC_E_STORAGE; /* flash worn out long before */
    int other = st->newest == PC_STORAGE_IDENTITY_A ? PC_STORAGE_IDENTITY_B : PC_STORAGE_IDENTITY_A;
    return pci_identity_write(st, other, st->sequence + 1u);
}

/* First boot or factory reset: every record removed (leftovers of a cut
 * reset must not join the new identity), a fresh identity in both copies. */
static int create_identity(pc_store_state *st, int key_mode)
{
    int rc = pci_storage_erase(&st->storage);
    if (rc == 0)
        rc = pci_storage_device_key(&st->storage, st->device_key, key_mode);
    if (rc < 0)
        return rc;
    if (pci_be_random(st->identity_secret, sizeof st->identity_secret) != 0)
        return PC_E_RNG;
    PCI_TRACE("identity", 0, 0, st->identity_secret, sizeof st->identity_secret);
    memset(&st->book, 0, sizeof st->book);
    rc = pci_identity_write(st, PC_STORAGE_IDENTITY_A, 1);
    if (rc == 0)
        rc = write_other_copy(st);
    st->status = PC_STORE_CREATED;
    return rc;
}

/* The device key is only read once a record turns out to hold data; data
 * without its key is reported as a missing key, not as damaged flash. */
int pci_store_need_key(pc_store_state *st, int *have_key)
{
    if (*have_key)
        return 0;
    int rc = pci_storage_device_key(&st->storage, st->device_key, PC_DEVICE_KEY_READ);
    if (rc < 0)
        return rc == PC_E_STORAGE || rc == PC_E_NOT_FOUND ? rc : PC_E_CORRUPT;
    *have_key = 1;
    return 0;
}

static int scan_copy(pc_store_state *st, int record, copy_scan *scan, int *have_key)
{
    uint32_t sequence = 0;
    int len = pci_storage_read(&st->storage, record, s_identity, sizeof s_identity);
    if (len == PC_E_NOT_FOUND) {
        scan->blank++;
        return 0;
    }
    if (len < 0)
        return len;
    int rc = pci_store_need_key(st, have_key);
    if (rc != 0)
        return rc;
    if (pci_record_open_identity(s_identity, (size_t)len, st->device_key, record, &sequence) != 0) {
        scan->damaged++;
    } else if (scan->best < 0 || sequence > scan->best_sequence) {
        memcpy(st->identity_secret, s_identity + PC_RECORD_HEADER_LEN, 32);
        scan->best = record;
        scan->best_sequence = sequence;
    }
    return 0;
}

static int scan_identity(pc_store_state *st, copy_scan *scan, int *have_key)
{
    int rc = 0;
    for (int record = PC_STORAGE_IDENTITY_A; record <= PC_STORAGE_IDENTITY_B && rc == 0; record++) {
        rc = scan_copy(st, record, scan, have_key);
        pci_be_wipe(s_identity, sizeof s_identity);
    }
    return rc;
}

/* Identity found: both copies good again, the migration's leftovers gone,
 * the contact records indexed. */
static int load_found(pc_store_state *st, const copy_scan *scan)
{
    int damaged_contacts = 0;
    st->newest = (uint8_t)scan->best;
    st->sequence = scan->best_sequence;
    int rc = scan->blank || scan->damaged ? write_other_copy(st) : 0;
    if (rc == 0)
        rc = pci_storage_legacy_erase(&st->storage);
    if (rc == 0)
        rc = pci_contacts_scan(st, &damaged_contacts);
    st->status = (uint8_t)(st->status | (scan->damaged || damaged_contacts ? PC_STORE_RECOVERED : 0));
    return rc;
}

static int load(pc_store_state *st)
{
    copy_scan scan = {0, 0, -1, 0, 0};
    int have_key = 0;
    int rc = scan_identity(st, &scan, &have_key);
    if (rc != 0)
        return rc;
    if (scan.best >= 0)
        return load_found(st, &scan);
    if (scan.blank != 2)
        return PC_E_CORRUPT;
    rc = pci_store_migrate(st);
    if (rc == 0)
        return create_identity(st, PC_DEVICE_KEY_CREATE);
    return rc < 0 ? rc : 0;
}

/* Loads or creates into a fresh table slot; the slot is released on failure. */
static int32_t open_into(const pc_storage *storage, int (*fill)(pc_store_state *))
{
    int32_t handle;
    pc_store_state *st = allocate(storage, &handle);
    if (st == NULL)
        return handle;
    int rc = fill(st);
    if (rc != 0) {
        release(st);
        return rc;
    }
    pci_be_x25519_public(st->identity_public, st->identity_secret);
    return handle;
}

int32_t pci_keystore_open(const uint8_t *locator, size_t len)
{
    pc_storage storage;
    int rc = pci_storage_bind(&storage, locator, len);
    return rc != 0 ? rc : open_into(&storage, load);
}

int pci_keystore_close(int32_t store)
{
    pc_store_state *st = pci_store_lookup(store);
    if (st == NULL)
        return PC_E_HANDLE;
    pci_precomp_drop_store(store); /* its cached ss and bound ephemerals */
    release(st);
    return PC_OK;
}

int pci_keystore_status(int32_t store)
{
    const pc_store_state *st = pci_store_lookup(store);
    return st == NULL ? PC_E_HANDLE : st->status;
}

static int has_free_slot(void)
{
    for (int i = 0; i < PC_MAX_STORES; i++) {
        if (!s_stores[i].slot.used)
            return 1;
    }
    return 0;
}

static int renew(pc_store_state *st)
{
    return create_identity(st, PC_DEVICE_KEY_RENEW);
}

/* The storage a reset names: an open store's own, or the locator's (which
 * must not be open under another handle). */
static int reset_target(int32_t store, const uint8_t *locator, size_t len, pc_storage *out)
{
    if (store == -1) {
        int rc = pci_storage_bind(out, locator, len);
        return rc != 0 ? rc : (locator_open(out) ? PC_E_STATE : 0);
    }
    const pc_store_state *st = pci_store_lookup(store);
    if (st == NULL)
        return PC_E_HANDLE;
    if (len != 0) {
        int rc = pci_storage_bind(out, locator, len);
        if (rc != 0 || !pci_be_equal((const uint8_t *)out->locator,
                                    (const uint8_t *)st->storage.locator, sizeof out->locator))
            return PC_E_ARG;
    }
    *out = st->storage;
    return 0;
}

int32_t pci_keystore_factory_reset(int32_t store, const uint8_t *locator, size_t len)
{
    pc_storage storage;
    int rc = reset_target(store, locator, len, &storage);
    if (rc != 0)
        return rc;
    if (store == -1 && !has_free_slot())
        return PC_E_NO_SLOT; /* before anything is erased */
    rc = pci_storage_erase(&storage);
    if (rc != 0)
        return rc;
    if (store != -1)
        pci_precomp_drop_store(store); /* the identity they were computed with is gone */
    if (store != -1)
        release(pci_store_lookup(store));
    return open_into(&storage, renew);
}

int pci_keystore_identity_public(int32_t store, uint8_t pub[32])
{
    const pc_store_state *st = pci_store_lookup(store);
    if (st == NULL)
        return PC_E_HANDLE;
    memcpy(pub, st->identity_public, 32);
    return PC_OK;
}

int pci_keystore_dh(int32_t store, uint8_t out[32], const uint8_t peer[32])
{
    const pc_store_state *st = pci_store_lookup(store);
    if (st == NULL)
        return PC_E_HANDLE;
    return pci_be_x25519(out, st->identity_secret, peer);
}

void pci_keystore_wipe_all(void)
{
    pci_slot_wipe_all(TABLE);
    pci_be_wipe(s_identity, sizeof s_identity);
    pci_book_forget_fingerprint_key(); /* the books it sorted are gone */
}
