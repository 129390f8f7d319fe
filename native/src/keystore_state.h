// SPDX-License-Identifier: MIT
/*
 * keystore_state.h - an open store as RAM holds it, private to keystore*.c,
 * store_image.c and api_store.c. RAM always equals the newest intact copy
 * on flash: every change is sealed and written first, and committed here
 * only after the write succeeded.
 */
#ifndef PC_KEYSTORE_STATE_H
#define PC_KEYSTORE_STATE_H

#include <stdint.h>

#include "handles.h"
#include "pc_limits.h"
#include "phone_crypto_api.h"
#include "storage.h"

#define PC_CONTACT_KNOWN_FLAGS (PC_CONTACT_USED | PC_CONTACT_VERIFIED | PC_CONTACT_NEWEST_UNPROVEN \
                                | PC_CONTACT_ORG_VERIFIED)

typedef struct pc_contact {
    uint8_t flags;              /* PC_CONTACT_*; 0 = free slot */
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
    uint8_t newest;                 /* flash slot holding the newest intact copy */
    uint32_t sequence;              /* that copy's sequence number */
    pc_storage storage;
    uint8_t device_key[32];         /* seals the flash image */
    uint8_t identity_secret[32];    /* never leaves keystore*.c */
    uint8_t identity_public[32];
    pc_contact contacts[PC_MAX_CONTACTS];
} pc_store_state;

/* The live store of a handle, or NULL. */
pc_store_state *pci_store_lookup(int32_t store);

/* Seals the store, with contacts[index] replaced by *change when change is
 * not NULL, into the flash slot not holding the newest copy; commits the
 * change to RAM only once the write succeeded. 0 or PC_E_STORAGE/PC_E_RNG. */
int pci_store_write(pc_store_state *st, int index, const pc_contact *change);

#endif /* PC_KEYSTORE_STATE_H */
