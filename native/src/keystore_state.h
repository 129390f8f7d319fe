// SPDX-License-Identifier: MIT
/*
 * keystore_state.h - an open store as RAM holds it, private to keystore*.c,
 * store_*.c, book_index.c and api_store.c. RAM holds the identity and the
 * index of the contact book (book_index.h), never the contacts themselves:
 * each contact is read from its sealed flash record when it is needed. Every
 * change is sealed and written first, and the index follows only once the
 * write succeeded.
 */
#ifndef PC_KEYSTORE_STATE_H
#define PC_KEYSTORE_STATE_H

#include <stdint.h>

#include "book_index.h"
#include "handles.h"
#include "pc_limits.h"
#include "phone_crypto_api.h"
#include "storage.h"

#define PC_CONTACT_KNOWN_FLAGS (PC_CONTACT_USED | PC_CONTACT_VERIFIED | PC_CONTACT_NEWEST_UNPROVEN \
                                | PC_CONTACT_HYBRID | PC_CONTACT_ORG_VERIFIED)

/* One contact, decrypted from its record for the length of one call into
 * the key store (then wiped). */
typedef struct pc_contact {
    uint8_t flags;              /* PC_CONTACT_* */
    uint8_t name_len;
    uint8_t name[PC_MAX_NAME_LEN];
    uint8_t pub[PC_KEY_LEN];    /* pinned static key */
    uint32_t generation;        /* newest resumption secret (0 = none) */
    uint8_t secret[PC_KEY_LEN];
    uint32_t prev_generation;   /* previous one (0 = none) */
    uint8_t prev_secret[PC_KEY_LEN];
} pc_contact;

typedef struct pc_store_state {
    pc_slot slot;                   /* first member (handles.h) */
    uint8_t status;                 /* PC_STORE_* flags of the open */
    uint8_t newest;                 /* identity record holding the newest intact copy */
    uint32_t sequence;              /* that copy's sequence number */
    pc_storage storage;
    uint8_t device_key[32];         /* seals the flash records */
    uint8_t identity_secret[32];    /* never leaves keystore*.c */
    uint8_t identity_public[32];
    pc_book book;                   /* which contact records exist, by key and by name */
} pc_store_state;

/* The live store of a handle, or NULL. */
pc_store_state *pci_store_lookup(int32_t store);

/* Contact `index` from its flash record: 0, PC_E_NOT_FOUND (no such
 * contact), PC_E_CORRUPT (the record no longer authenticates) or
 * PC_E_STORAGE. *c is wiped on failure; the caller wipes it after use. */
int pci_contact_load(pc_store_state *st, int index, pc_contact *c);

/* Seals *c into contact index's record (one flash write) and, when reindex
 * is set (a pin: the name or key may be new), updates the index once it is
 * on flash; changes of flags and generations leave the index as it is.
 * 0 or PC_E_STORAGE/PC_E_RNG. */
int pci_contact_store(pc_store_state *st, int index, const pc_contact *c, int reindex);

/* Removes contact index's record, then its index entries. */
int pci_contact_drop(pc_store_state *st, int index);

/* Adds an intact contact read from flash to the index (open, migration). */
void pci_contact_index(pc_store_state *st, int index, const pc_contact *c);

/* Every contact record into the index: 0 and *damaged (records that did
 * not authenticate: refused and left out), or PC_E_STORAGE. */
int pci_contacts_scan(pc_store_state *st, int *damaged);

/* Writes identity copy `record` (PC_STORAGE_IDENTITY_A/B) with `sequence`. */
int pci_identity_write(pc_store_state *st, int record, uint32_t sequence);

/* Reads the device key into st once (*have_key): 0, PC_E_NOT_FOUND (data
 * without its key), PC_E_CORRUPT or PC_E_STORAGE. */
int pci_store_need_key(pc_store_state *st, int *have_key);

/* Migrates the previous release's store (store_image.h) into records:
 * 1 migrated, 0 there was none (both copies blank), or PC_E_CORRUPT (no
 * intact copy) / PC_E_NOT_FOUND (its device key is missing) / PC_E_STORAGE.
 * Called only when both identity copies are blank. */
int pci_store_migrate(pc_store_state *st);

#endif /* PC_KEYSTORE_STATE_H */
