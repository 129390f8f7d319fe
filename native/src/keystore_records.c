// SPDX-License-Identifier: MIT
/*
 * keystore_records.c - the contact records of an open store: each contact
 * is one sealed flash record (store_record.h), read and decrypted into a
 * static buffer when needed and wiped after; the index (book_index.h) is
 * kept in step with what is on flash.
 */
#include <string.h>

#include "backend.h"
#include "keystore_state.h"
#include "store_record.h"

static uint8_t s_record[PC_RECORD_CONTACT_LEN + 1]; /* one sealed contact record */

static int record_of(int index)
{
    return PC_STORAGE_CONTACT_BASE + index;
}

int pci_contact_load(pc_store_state *st, int index, pc_contact *c)
{
    memset(c, 0, sizeof *c);
    if (!pci_book_used(&st->book, index))
        return PC_E_NOT_FOUND;
    int len = pci_storage_read(&st->storage, record_of(index), s_record, sizeof s_record);
    if (len == PC_E_NOT_FOUND)
        return PC_E_CORRUPT; /* indexed, so it was there: removed behind our back */
    if (len < 0)
        return len;
    return pci_record_open_contact(s_record, (size_t)len, st->device_key, record_of(index), c);
}

/* The book's name loader: a contact's whole name from its record. */
static int load_name(void *ctx, int index, uint8_t *name)
{
    pc_contact c;
    int rc = pci_contact_load((pc_store_state *)ctx, index, &c);
    if (rc == 0) {
        memcpy(name, c.name, PC_MAX_NAME_LEN);
        rc = c.name_len;
    }
    pci_be_wipe(&c, sizeof c);
    return rc;
}

void pci_contact_index(pc_store_state *st, int index, const pc_contact *c)
{
    pci_book_insert(&st->book, index, c->pub, c->name, c->name_len, load_name, st);
}

/* A rename or a new key moves the contact in the index; flags and
 * generations do not. */
static int index_changes(pc_store_state *st, int index, const pc_contact *c)
{
    pc_contact old;
    int same = pci_contact_load(st, index, &old) == 0 && old.name_len == c->name_len
               && pci_be_equal(old.name, c->name, PC_MAX_NAME_LEN)
               && pci_be_equal(old.pub, c->pub, PC_KEY_LEN);
    pci_be_wipe(&old, sizeof old);
    return !same;
}

int pci_contact_store(pc_store_state *st, int index, const pc_contact *c, int reindex)
{
    int moved = reindex && index_changes(st, index, c);
    int rc = pci_record_seal_contact(s_record, st->device_key, record_of(index), c);
    if (rc == 0)
        rc = pci_storage_write(&st->storage, record_of(index), s_record, PC_RECORD_CONTACT_LEN);
    pci_be_wipe(s_record, sizeof s_record);
    if (rc == 0 && moved) {
        pci_book_remove(&st->book, index);
        pci_contact_index(st, index, c);
    }
    return rc;
}

int pci_contact_drop(pc_store_state *st, int index)
{
    int rc = pci_storage_remove(&st->storage, record_of(index));
    if (rc == 0)
        pci_book_remove(&st->book, index);
    return rc;
}

int pci_contacts_scan(pc_store_state *st, int *damaged)
{
    pc_contact c;
    *damaged = 0;
    for (int index = 0; index < PC_MAX_CONTACTS; index++) {
        int len = pci_storage_read(&st->storage, record_of(index), s_record, sizeof s_record);
        if (len == PC_E_NOT_FOUND)
            continue;
        if (len < 0)
            return len;
        if (pci_record_open_contact(s_record, (size_t)len, st->device_key, record_of(index), &c)
            == 0)
            pci_contact_index(st, index, &c);
        else
            (*damaged)++;
        pci_be_wipe(&c, sizeof c);
    }
    return 0;
}
