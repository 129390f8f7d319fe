// SPDX-License-Identifier: MIT
/*
 * bytes_le.h - little-endian loads and stores, one byte at a time, so no
 * wide access ever touches an unaligned address (the lx106 core traps).
 */
#ifndef PC_BYTES_LE_H
#define PC_BYTES_LE_H

#include <stdint.h>

static inline uint32_t pci_load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t pci_load_le64(const uint8_t *p)
{
    return (uint64_t)pci_load_le32(p) | (uint64_t)pci_load_le32(p + 4) << 32;
}

static inline void pci_store_le16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline uint32_t pci_load_le16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static inline void pci_store_le32(uint8_t *p, uint32_t v)
{
    pci_store_le16(p, v & 0xFFFFu);
    pci_store_le16(p + 2, v >> 16);
}

static inline void pci_store_le64(uint8_t *p, uint64_t v)
{
    pci_store_le32(p, (uint32_t)v);
    pci_store_le32(p + 4, (uint32_t)(v >> 32));
}

#endif /* PC_BYTES_LE_H */
