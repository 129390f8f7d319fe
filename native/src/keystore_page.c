// SPDX-License-Identifier: MIT
/*
 * keystore_page.c - pc_contact_page: a window of the contact list in name
 * order, so the display can scroll through 1,000 contacts and jump by first
 * letter while the managed side holds only the names on screen. Only the
 * records in the window are decrypted (for their whole names).
 */
#include <string.h>

#include "backend.h"
#include "bytes_le.h"
#include "keystore.h"
#include "keystore_state.h"

static void put_entry(pc_store_state *st, int index, uint8_t *entry)
{
    pc_contact c;
    memset(entry, 0, PC_PAGE_ENTRY_LEN);
    pci_store_le16(entry + PC_PAGE_ENTRY_INDEX_OFFSET, (uint32_t)index);
    if (pci_contact_load(st, index, &c) == 0) { /* damaged since the open: flags 0, no name */
        entry[PC_PAGE_ENTRY_FLAGS_OFFSET] = c.flags;
        entry[PC_PAGE_ENTRY_NAME_LEN_OFFSET] = c.name_len;
        memcpy(entry + PC_PAGE_ENTRY_NAME_OFFSET, c.name, c.name_len);
    }
    pci_be_wipe(&c, sizeof c);
}

int pci_keystore_contact_page(int32_t store, int first, const uint8_t *prefix, size_t prefix_len,
                              uint8_t *out, size_t out_len)
{
    pc_store_state *st = pci_store_lookup(store);
    if (st == NULL)
        return PC_E_HANDLE;
    int total = st->book.count;
    int start = prefix_len > 0 ? pci_book_name_lower_bound(&st->book, prefix, prefix_len) : first;
    if (start > total)
        start = total;
    size_t room = (out_len - PC_PAGE_HEADER_LEN) / PC_PAGE_ENTRY_LEN;
    int count = total - start;
    if (count > PC_PAGE_MAX_ENTRIES)
        count = PC_PAGE_MAX_ENTRIES;
    if ((size_t)count > room)
        count = (int)room;
    memset(out, 0, PC_PAGE_HEADER_LEN);
    pci_store_le16(out + PC_PAGE_TOTAL_OFFSET, (uint32_t)total);
    pci_store_le16(out + PC_PAGE_START_OFFSET, (uint32_t)start);
    pci_store_le16(out + PC_PAGE_COUNT_OFFSET, (uint32_t)count);
    for (int i = 0; i < count; i++)
        put_entry(st, st->book.by_name[start + i],
                  out + PC_PAGE_HEADER_LEN + (size_t)i * PC_PAGE_ENTRY_LEN);
    return count;
}
