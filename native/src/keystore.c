// SPDX-License-Identifier: MIT
/*
 * keystore.c - open stores: the identity key and the contact book of each,
 * loaded from the newest intact flash copy, and the one write path that
 * keeps flash and RAM in step (A/B slots, see store_image.h).
 *
 * Open: each slot is blank (never written or erased: the storage says
 * PC_E_NOT_FOUND), intact (authenticated under the device key) or damaged
 * (anything else, zero or 0xFF bytes and a slot cut short included). The
 * intact copy with the higher sequence number wins; a damaged copy beside an
 * intact one is reported (PC_STORE_RECOVERED). Only flash blank in every
 * slot creates an identity: damage never silently becomes a new phone.
 * Nothing intact is PC_E_CORRUPT, data whose device key is missing is
 * PC_E_NOT_FOUND, and in both cases nothing is written: only a factory
 * reset erases a store that does not open.
 */
#include "keystore.h"

#include <string.h>

#include "backend.h"
#include "keystore_state.h"
#include "store_image.h"
#include "test_vectors.h"

static pc_store_state s_stores[PC_MAX_STORES];
static uint8_t s_image[PC_STORAGE_SLOT_LEN]; /* one flash image being sealed or read */

/* What an open found on flash. */
typedef struct slot_scan {
    int blank;      /* slots with no data */
    int damaged;    /* slots with data that did not authenticate */
    int best;       /* slot loaded into the store, or -1 */
    uint32_t best_sequence;
} slot_scan;

#define TABLE s_stores, PC_MAX_STORES, sizeof s_stores[0]

pc_store_state *pci_store_lookup(int32_t store)
{
    return pci_slot_get(store, TABLE);
}

/* Keys and contacts are wiped with the slot. */
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

int pci_store_write(pc_store_state *st, int index, const pc_contact *change)
{
    int target = 1 - st->newest;
    if (st->sequence == UINT32_MAX)
        return PC_E_STORAGE; /* flash worn out long before */
    uint32_t sequence = st->sequence + 1u;
    int rc = pci_image_seal(s_image, st, sequence, index, change);
    if (rc == 0)
        rc = pci_storage_write(&st->storage, target, s_image, sizeof s_image);
    pci_be_wipe(s_image, sizeof s_image);
    if (rc != 0)
        return rc;
    st->newest = (uint8_t)target;
    st->sequence = sequence;
    if (change != NULL)
        st->contacts[index] = *change;
    return 0;
}

/* A copy in the slot that is still blank, if one is: a creation that the
 * storage did not write to every slot at once, or that a cut stopped
 * between its two writes (an intact slot beside a blank one). */
static int fill_blank_slot(pc_store_state *st)
{
    int len = pci_storage_read(&st->storage, 1 - st->newest, s_image, sizeof s_image);
    pci_be_wipe(s_image, sizeof s_image);
    if (len == PC_E_NOT_FOUND)
        return pci_store_write(st, -1, NULL);
    return len < 0 ? len : 0;
}

/* First boot or factory reset: a fresh identity, written to both slots. */
static int create_identity(pc_store_state *st, int key_mode)
{
    int rc = pci_storage_device_key(&st->storage, st->device_key, key_mode);
    if (rc < 0)
        return rc;
    if (pci_be_random(st->identity_secret, sizeof st->identity_secret) != 0)
        return PC_E_RNG;
    PCI_TRACE("identity", 0, 0, st->identity_secret, sizeof st->identity_secret);
    pci_be_wipe(st->contacts, sizeof st->contacts);
    st->newest = 1; /* so the first write goes to slot 0 with sequence 1 */
    st->sequence = 0;
    rc = pci_store_write(st, -1, NULL);
    if (rc == 0)
        rc = fill_blank_slot(st);
    st->status = PC_STORE_CREATED;
    return rc;
}

/* The device key is only read once a slot turns out to hold data; data
 * without its key is reported as a missing key, not as damaged flash. */
static int need_key(pc_store_state *st, int *have_key)
{
    if (*have_key)
        return 0;
    int rc = pci_storage_device_key(&st->storage, st->device_key, PC_DEVICE_KEY_READ);
    if (rc < 0)
        return rc == PC_E_STORAGE || rc == PC_E_NOT_FOUND ? rc : PC_E_CORRUPT;
    *have_key = 1;
    return 0;
}

static int scan_slot(pc_store_state *st, int slot, slot_scan *scan, int *have_key)
{
    uint32_t sequence = 0;
    int len = pci_storage_read(&st->storage, slot, s_image, sizeof s_image);
    if (len == PC_E_NOT_FOUND) {
        scan->blank++;
        return 0;
    }
    if (len < 0)
        return len;
    int rc = need_key(st, have_key);
    if (rc != 0)
        return rc;
    if (pci_image_unseal(s_image, (size_t)len, st->device_key, &sequence) != 0) {
        scan->damaged++;
    } else if (scan->best < 0 || sequence > scan->best_sequence) {
        pci_image_load(s_image, st);
        scan->best = slot;
        scan->best_sequence = sequence;
    }
    return 0;
}

static int scan_all(pc_store_state *st, slot_scan *scan)
{
    int have_key = 0;
    int rc = 0;
    for (int slot = 0; slot < PC_STORAGE_SLOTS && rc == 0; slot++) {
        rc = scan_slot(st, slot, scan, &have_key);
        pci_be_wipe(s_image, sizeof s_image);
    }
    return rc;
}

static int load(pc_store_state *st)
{
    slot_scan scan = {0, 0, -1, 0};
    int rc = scan_all(st, &scan);
    if (rc != 0)
        return rc;
    if (scan.best < 0)
        return scan.blank == PC_STORAGE_SLOTS ? create_identity(st, PC_DEVICE_KEY_CREATE)
                                              : PC_E_CORRUPT;
    st->newest = (uint8_t)scan.best;
    st->sequence = scan.best_sequence;
    st->status = scan.damaged ? PC_STORE_RECOVERED : 0;
    /* A creation cut short between its two writes (only storage that
     * writes slots one at a time leaves that): finish it, so that a store
     * in use never has a blank slot. */
    return scan.blank ? pci_store_write(st, -1, NULL) : 0;
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
    pci_be_wipe(s_image, sizeof s_image);
}
