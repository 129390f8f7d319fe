// SPDX-License-Identifier: MIT
/*
 * book_index.h - the contact book's index in static RAM: which contact
 * records exist, found by static key (a sorted array of 32-bit key
 * fingerprints, binary search) and listed in name order (an array of
 * indices, plus an 8-byte case-folded name prefix per contact). It holds no
 * secret and no whole name: a lookup decrypts only the records whose
 * fingerprint matches, a page of the list only the names it shows. Sizes at
 * PC_MAX_CONTACTS = 1,000: docs/performance.md.
 */
#ifndef PC_BOOK_INDEX_H
#define PC_BOOK_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "pc_limits.h"
#include "phone_crypto_api.h"

#define PC_NAME_KEY_LEN 8

typedef struct pc_key_entry {
    uint32_t fingerprint;       /* first 4 bytes of the static key, LE */
    uint16_t index;             /* contact index */
    uint16_t zero;
} pc_key_entry;

typedef struct pc_book {
    uint16_t count;
    pc_key_entry by_key[PC_MAX_CONTACTS];       /* sorted by (fingerprint, index) */
    uint16_t by_name[PC_MAX_CONTACTS];          /* indices in name order */
    uint8_t name_key[PC_MAX_CONTACTS][PC_NAME_KEY_LEN]; /* folded name prefix, by index */
    uint8_t used[(PC_MAX_CONTACTS + 7) / 8];    /* by index */
} pc_book;

/* Reads the whole name of contact index into name (PC_MAX_NAME_LEN):
 * its length, or < 0 if the record cannot be read. */
typedef int (*pc_name_loader)(void *ctx, int index, uint8_t *name);

/* Keyed BLAKE2b-32 of a static key under a per-boot random key: where the
 * key sorts in by_key. Every book is rebuilt after the key is forgotten. */
uint32_t pci_book_fingerprint(const uint8_t pub[PC_KEY_LEN]);
/* With every book wiped (pci_keystore_wipe_all): the next fingerprint draws a new key. */
void pci_book_forget_fingerprint_key(void);
int pci_book_used(const pc_book *b, int index);
/* The lowest free index, or -1 when the book is full. */
int pci_book_free_index(const pc_book *b);
/* The first position in by_key with this fingerprint, or b->count. */
int pci_book_key_lower_bound(const pc_book *b, uint32_t fingerprint);
/* Adds index (not yet in the book) under its key and name. */
void pci_book_insert(pc_book *b, int index, const uint8_t pub[PC_KEY_LEN], const uint8_t *name,
                     size_t name_len, pc_name_loader load, void *ctx);
/* Removes index from the book (no-op if it is not there). */
void pci_book_remove(pc_book *b, int index);
/* The first position in name order whose name starts at or after prefix
 * (folded, at most PC_NAME_KEY_LEN bytes compared). */
int pci_book_name_lower_bound(const pc_book *b, const uint8_t *prefix, size_t len);

#endif /* PC_BOOK_INDEX_H */
