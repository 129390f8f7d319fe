// SPDX-License-Identifier: MIT
/*
 * keystore_contacts.c - the contact book: pinned static keys with their
 * resumption secrets (newest and previous generation). Each change is one
 * flash write of that contact's record (pci_contact_store); a lookup by key
 * searches the index and decrypts only the records whose fingerprint
 * matches.
 */
#include <string.h>

#include "backend.h"
#include "bytes_le.h"
#include "keystore.h"
#include "keystore_state.h"
#include "precompute.h"

#define GENERATION_MAX 0x7FFFFFFFu /* the managed side reads it as an int */

/* The store, or NULL with *rc = PC_E_HANDLE; index checked against the
 * capacity (PC_E_ARG). */
static pc_store_state *store_at(int32_t store, int index, int *rc)
{
    pc_store_state *st = pci_store_lookup(store);
    *rc = st == NULL ? PC_E_HANDLE
                     : (index < 0 || index >= PC_MAX_CONTACTS) ? PC_E_ARG : PC_OK;
    return *rc == PC_OK ? st : NULL;
}

/* Contact index into *c (wiped by the caller), or PC_E_HANDLE/ARG/NOT_FOUND/
 * CORRUPT/STORAGE. */
static int load_at(int32_t store, int index, pc_contact *c, pc_store_state **out)
{
    int rc;
    memset(c, 0, sizeof *c);
    pc_store_state *st = store_at(store, index, &rc);
    if (st != NULL)
        rc = pci_contact_load(st, index, c);
    *out = st;
    return rc;
}

/* Index of the contact pinned to pub, or PC_E_NOT_FOUND: binary search of
 * the fingerprints, then only the records with that fingerprint are read
 * and their whole keys compared in constant time. */
static int find_index(pc_store_state *st, const uint8_t pub[32])
{
    uint32_t fingerprint = pci_book_fingerprint(pub);
    uint32_t found = (uint32_t)PC_E_NOT_FOUND;
    pc_contact c;
    /* Every record with this fingerprint is read (almost always one), and the
     * match is selected without a branch on the key comparison. */
    for (int at = pci_book_key_lower_bound(&st->book, fingerprint);
         at < st->book.count && st->book.by_key[at].fingerprint == fingerprint; at++) {
        int index = st->book.by_key[at].index;
        if (pci_contact_load(st, index, &c) == 0) {
            uint32_t mask = 0u - (uint32_t)pci_be_equal(c.pub, pub, PC_KEY_LEN);
            found = (found & ~mask) | ((uint32_t)index & mask);
        }
        pci_be_wipe(&c, sizeof c);
    }
    return (int)found;
}

int pci_keystore_contact_find(int32_t store, const uint8_t pub[32])
{
    pc_store_state *st = pci_store_lookup(store);
    return st == NULL ? PC_E_HANDLE : find_index(st, pub);
}

/* The public part of a contact, laid out as pc_contact_read returns it. */
static void public_record(const pc_contact *c, uint8_t rec[PC_CONTACT_RECORD_LEN])
{
    memset(rec, 0, PC_CONTACT_RECORD_LEN);
    rec[PC_CONTACT_FLAGS_OFFSET] = c->flags;
    rec[PC_CONTACT_NAME_LEN_OFFSET] = c->name_len;
    memcpy(rec + PC_CONTACT_NAME_OFFSET, c->name, c->name_len);
    memcpy(rec + PC_CONTACT_KEY_OFFSET, c->pub, PC_KEY_LEN);
    pci_store_le32(rec + PC_CONTACT_GEN_OFFSET, c->generation);
    pci_store_le32(rec + PC_CONTACT_PREV_GEN_OFFSET, c->prev_generation);
}

int pci_keystore_contact_read(int32_t store, int index, uint8_t rec[74])
{
    pc_contact c;
    pc_store_state *st;
    int rc = load_at(store, index, &c, &st);
    if (rc == 0)
        public_record(&c, rec);
    pci_be_wipe(&c, sizeof c);
    return rc == 0 ? PC_CONTACT_RECORD_LEN : rc;
}

/* Where a pin goes: the record with the same key, else the first free one. */
static int pin_index(pc_store_state *st, const uint8_t pub[32])
{
    int index = find_index(st, pub);
    if (index < 0)
        index = pci_book_free_index(&st->book);
    return index < 0 ? PC_E_NO_SLOT : index;
}

/* A freshly pinned record: resumption secret as generation 1, no previous. */
static void pinned_record(pc_contact *c, const uint8_t pub[32], const uint8_t *name,
                          size_t name_len, int flags, const uint8_t resumption[32])
{
    memset(c, 0, sizeof *c);
    c->flags = (uint8_t)(flags | PC_CONTACT_USED);
    c->name_len = (uint8_t)name_len;
    if (name_len > 0)
        memcpy(c->name, name, name_len);
    memcpy(c->pub, pub, PC_KEY_LEN);
    c->generation = 1;
    memcpy(c->secret, resumption, PC_KEY_LEN);
}

int pci_keystore_pin(int32_t store, const uint8_t pub[32], const uint8_t *name, size_t name_len,
                    int flags, const uint8_t resumption[32])
{
    pc_contact c;
    pc_store_state *st = pci_store_lookup(store);
    if (st == NULL)
        return PC_E_HANDLE;
    if (name_len > PC_MAX_NAME_LEN || (flags & ~PC_CONTACT_KNOWN_FLAGS) != 0)
        return PC_E_ARG;
    int index = pin_index(st, pub);
    if (index < 0)
        return index;
    pinned_record(&c, pub, name, name_len, flags, resumption);
    int rc = pci_contact_store(st, index, &c, 1);
    pci_be_wipe(&c, sizeof c);
    if (rc == 0)
        pci_precomp_forget(store, pub); /* a (re)pin drops ss and the binding */
    return rc == 0 ? index : rc;
}

int pci_keystore_set_flags(int32_t store, int index, int flags)
{
    pc_contact c;
    pc_store_state *st;
    int rc = load_at(store, index, &c, &st);
    if (rc == 0 && (flags & ~PC_CONTACT_KNOWN_FLAGS) != 0)
        rc = PC_E_ARG;
    if (rc == 0) {
        /* The hybrid bit records how the pinned chain began: only a pin sets it. */
        c.flags = (uint8_t)((flags & ~PC_CONTACT_HYBRID) | (c.flags & PC_CONTACT_HYBRID) | PC_CONTACT_USED);
        rc = pci_contact_store(st, index, &c, 0);
    }
    pci_be_wipe(&c, sizeof c);
    return rc;
}

/* The generations after a call that used PSK generation psk_gen (0: no PSK):
 * previous := the secret the call used, newest := (psk_gen+1, resumption);
 * without a PSK: newest := (newest+1 or 1, resumption), no previous. */
static int next_generations(pc_contact *c, uint32_t psk_gen, const uint8_t resumption[32])
{
    uint32_t base = psk_gen != 0 ? psk_gen : c->generation;
    if (base >= GENERATION_MAX)
        return PC_E_STATE;
    if (psk_gen == 0) {
        pci_be_wipe(c->prev_secret, sizeof c->prev_secret);
        c->prev_generation = 0;
    } else if (psk_gen == c->generation) {
        memcpy(c->prev_secret, c->secret, sizeof c->secret);
        c->prev_generation = psk_gen;
    } else if (psk_gen != c->prev_generation) {
        return PC_E_NO_PSK; /* the call used a secret this contact no longer holds */
    }
    c->generation = base + 1u;
    memcpy(c->secret, resumption, sizeof c->secret);
    return 0;
}

int pci_keystore_remember(int32_t store, int index, const uint8_t pub[32], uint32_t psk_generation,
                         const uint8_t resumption[32], int flags)
{
    pc_contact c;
    pc_store_state *st;
    int rc = load_at(store, index, &c, &st);
    if (rc == 0 && !pci_be_equal(c.pub, pub, PC_KEY_LEN))
        rc = PC_E_ARG; /* the session's peer is not this contact */
    if (rc == 0 && flags != -1 && (flags & ~PC_CONTACT_KNOWN_FLAGS) != 0)
        rc = PC_E_ARG;
    if (rc == 0)
        rc = next_generations(&c, psk_generation, resumption);
    if (rc == 0 && flags != -1) /* the hybrid bit stays as the pin set it */
        c.flags = (uint8_t)((flags & ~PC_CONTACT_HYBRID) | (c.flags & PC_CONTACT_HYBRID) | PC_CONTACT_USED);
    if (rc == 0)
        rc = pci_contact_store(st, index, &c, 0);
    pci_be_wipe(&c, sizeof c);
    return rc;
}

int pci_keystore_forget(int32_t store, int index)
{
    int rc;
    pc_store_state *st = store_at(store, index, &rc);
    if (st == NULL)
        return rc;
    if (!pci_book_used(&st->book, index))
        return PC_E_NOT_FOUND;
    pc_contact old;
    if (pci_contact_load(st, index, &old) == 0)
        pci_precomp_forget(store, old.pub); /* ss and binding go with the contact */
    pci_be_wipe(&old, sizeof old);
    return pci_contact_drop(st, index);
}

int pci_keystore_resumption(int32_t store, int index, uint32_t generation, uint8_t psk[32])
{
    pc_contact c;
    pc_store_state *st;
    int rc = load_at(store, index, &c, &st);
    if (rc == 0) {
        if (generation != 0 && generation == c.generation)
            memcpy(psk, c.secret, 32);
        else if (generation != 0 && generation == c.prev_generation)
            memcpy(psk, c.prev_secret, 32);
        else
            rc = PC_E_NO_PSK;
    }
    pci_be_wipe(&c, sizeof c);
    return rc == 0 ? PC_OK : rc;
}
