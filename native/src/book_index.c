// SPDX-License-Identifier: MIT
/* book_index.c - the contact book's index (book_index.h): sorted arrays,
 * binary search, insertion by adjacent swaps. O(log n) lookups, O(n) changes.
 * Only memcpy/memset from libc (DESIGN.md), so the shifts and byte
 * comparisons are loops here. */
#include "book_index.h"

#include <string.h>

#include "backend.h"
#include "bytes_le.h"

/* The fingerprint key: random per boot, never stored (the index is rebuilt at
 * every open). A keyed fingerprint makes the binary search's path a function
 * of a secret the observer lacks, not of the looked-up key's own bytes, so a
 * lookup's timing says nothing about whose key it was (identity hiding). */
static uint8_t s_fingerprint_key[16];
static int s_fingerprint_ready;

uint32_t pci_book_fingerprint(const uint8_t pub[PC_KEY_LEN])
{
    if (!s_fingerprint_ready)
        s_fingerprint_ready = pci_be_random(s_fingerprint_key, sizeof s_fingerprint_key) == 0;
    if (!s_fingerprint_ready)
        return pci_load_le32(pub); /* no randomness: an unkeyed index still finds every contact */
    uint8_t digest[4];
    pc_blake2b_ctx ctx;
    pci_be_blake2b_init_keyed(&ctx, sizeof digest, s_fingerprint_key, sizeof s_fingerprint_key);
    pci_be_blake2b_update(&ctx, pub, PC_KEY_LEN);
    pci_be_blake2b_final(&ctx, digest, sizeof digest);
    return pci_load_le32(digest);
}

void pci_book_forget_fingerprint_key(void)
{
    pci_be_wipe(s_fingerprint_key, sizeof s_fingerprint_key);
    s_fingerprint_ready = 0;
}

int pci_book_used(const pc_book *b, int index)
{
    return index >= 0 && index < PC_MAX_CONTACTS && (b->used[index / 8] >> (index % 8)) & 1;
}

int pci_book_free_index(const pc_book *b)
{
    for (int i = 0; i < PC_MAX_CONTACTS; i++) {
        if (!pci_book_used(b, i))
            return i;
    }
    return -1;
}

/* ASCII letters compare case-blind; every other byte as it is. */
static uint8_t fold(uint8_t c)
{
    return c >= 'a' && c <= 'z' ? (uint8_t)(c - 'a' + 'A') : c;
}

static void name_key_of(const uint8_t *name, size_t len, uint8_t key[PC_NAME_KEY_LEN])
{
    memset(key, 0, PC_NAME_KEY_LEN);
    for (size_t i = 0; i < len && i < PC_NAME_KEY_LEN; i++)
        key[i] = fold(name[i]);
}

static int compare_names(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    for (size_t i = 0; i < a_len && i < b_len; i++) {
        if (fold(a[i]) != fold(b[i]))
            return fold(a[i]) < fold(b[i]) ? -1 : 1;
    }
    return a_len == b_len ? 0 : (a_len < b_len ? -1 : 1);
}

/* memcmp's sign for n bytes (names and prefixes are not secret). */
static int compare_bytes(const uint8_t *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

/* Moves the entry at `from` to `to` in both arrays' order by adjacent swaps
 * (swaps, not a shifting loop, which compilers turn into memmove). */
static void move_key(pc_book *b, int from, int to)
{
    for (; from > to; from--) {
        pc_key_entry t = b->by_key[from];
        b->by_key[from] = b->by_key[from - 1];
        b->by_key[from - 1] = t;
    }
    for (; from < to; from++) {
        pc_key_entry t = b->by_key[from];
        b->by_key[from] = b->by_key[from + 1];
        b->by_key[from + 1] = t;
    }
}

static void move_name(pc_book *b, int from, int to)
{
    for (; from > to; from--) {
        uint16_t t = b->by_name[from];
        b->by_name[from] = b->by_name[from - 1];
        b->by_name[from - 1] = t;
    }
    for (; from < to; from++) {
        uint16_t t = b->by_name[from];
        b->by_name[from] = b->by_name[from + 1];
        b->by_name[from + 1] = t;
    }
}

int pci_book_key_lower_bound(const pc_book *b, uint32_t fingerprint)
{
    int lo = 0, hi = b->count;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (b->by_key[mid].fingerprint < fingerprint)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The position of the new (fingerprint, index) entry in by_key. */
static int key_position(const pc_book *b, uint32_t fingerprint, int index)
{
    int at = pci_book_key_lower_bound(b, fingerprint);
    while (at < b->count && b->by_key[at].fingerprint == fingerprint
           && b->by_key[at].index < index)
        at++;
    return at;
}

/* Does the new name (key, whole name, index) sort before the one at `other`?
 * Only prefixes that tie cost a record read. */
static int sorts_before(const pc_book *b, const uint8_t key[PC_NAME_KEY_LEN], const uint8_t *name,
                        size_t name_len, int index, int other, pc_name_loader load, void *ctx)
{
    int c = compare_bytes(key, b->name_key[other], PC_NAME_KEY_LEN);
    if (c == 0 && name_len >= PC_NAME_KEY_LEN) {
        uint8_t other_name[PC_MAX_NAME_LEN];
        int other_len = load(ctx, other, other_name);
        if (other_len >= 0)
            c = compare_names(name, name_len, other_name, (size_t)other_len);
    }
    return c != 0 ? c < 0 : index < other;
}

static int name_position(const pc_book *b, const uint8_t key[PC_NAME_KEY_LEN], const uint8_t *name,
                         size_t name_len, int index, pc_name_loader load, void *ctx)
{
    int lo = 0, hi = b->count;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (sorts_before(b, key, name, name_len, index, b->by_name[mid], load, ctx))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

void pci_book_insert(pc_book *b, int index, const uint8_t pub[PC_KEY_LEN], const uint8_t *name,
                     size_t name_len, pc_name_loader load, void *ctx)
{
    uint8_t key[PC_NAME_KEY_LEN];
    uint32_t fingerprint = pci_book_fingerprint(pub);
    if (b->count >= PC_MAX_CONTACTS || pci_book_used(b, index))
        return;
    name_key_of(name, name_len, key);

    int at = key_position(b, fingerprint, index);
    int name_at = name_position(b, key, name, name_len, index, load, ctx);
    b->by_key[b->count].fingerprint = fingerprint; /* appended, then moved into place */
    b->by_key[b->count].index = (uint16_t)index;
    b->by_key[b->count].zero = 0;
    b->by_name[b->count] = (uint16_t)index;
    move_key(b, b->count, at);
    move_name(b, b->count, name_at);
    memcpy(b->name_key[index], key, PC_NAME_KEY_LEN);

    b->used[index / 8] = (uint8_t)(b->used[index / 8] | (1u << (index % 8)));
    b->count++;
}

void pci_book_remove(pc_book *b, int index)
{
    if (!pci_book_used(b, index))
        return;
    int k = 0, n = 0;
    while (k < b->count && b->by_key[k].index != index)
        k++;
    while (n < b->count && b->by_name[n] != index)
        n++;
    if (k < b->count)
        move_key(b, k, b->count - 1); /* to the end, then dropped */
    if (n < b->count)
        move_name(b, n, b->count - 1);
    memset(b->name_key[index], 0, PC_NAME_KEY_LEN);
    b->used[index / 8] = (uint8_t)(b->used[index / 8] & ~(1u << (index % 8)));
    b->count--;
}

int pci_book_name_lower_bound(const pc_book *b, const uint8_t *prefix, size_t len)
{
    uint8_t key[PC_NAME_KEY_LEN];
    size_t n = len < PC_NAME_KEY_LEN ? len : PC_NAME_KEY_LEN;
    name_key_of(prefix, n, key);
    int lo = 0, hi = b->count;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (compare_bytes(b->name_key[b->by_name[mid]], key, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
