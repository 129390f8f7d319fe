// SPDX-License-Identifier: MIT
/* store_record.c - sealed per-record flash format (layout in store_record.h). */
#include "store_record.h"

#include <string.h>

#include "backend.h"
#include "bytes_le.h"

#define MAGIC_OFF 0
#define VERSION_OFF 4
#define HEADER_LEN_OFF 6
#define RECORD_OFF 8
#define SEQUENCE_OFF 12
#define PAYLOAD_LEN_OFF 16
#define ZERO_OFF 20
#define NONCE_OFF 24
#define FORMAT_VERSION 2u

#define C_FLAGS_OFF 0
#define C_NAME_LEN_OFF 1
#define C_NAME_OFF 2
#define C_KEY_OFF 34
#define C_GEN_OFF 66
#define C_SECRET_OFF 70
#define C_PREV_GEN_OFF 102
#define C_PREV_SECRET_OFF 106

static const uint8_t k_magic[4] = {'P', 'H', 'R', 'C'};

typedef char pc_check_nonce_fits[NONCE_OFF + PC_XAEAD_NONCE_LEN == PC_RECORD_HEADER_LEN ? 1 : -1];
typedef char pc_check_contact_len[C_PREV_SECRET_OFF + PC_KEY_LEN == PC_RECORD_CONTACT_PAYLOAD ? 1 : -1];

void pci_contact_encode(uint8_t p[PC_RECORD_CONTACT_PAYLOAD], const pc_contact *c)
{
    p[C_FLAGS_OFF] = c->flags;
    p[C_NAME_LEN_OFF] = c->name_len;
    memcpy(p + C_NAME_OFF, c->name, PC_MAX_NAME_LEN);
    memcpy(p + C_KEY_OFF, c->pub, PC_KEY_LEN);
    pci_store_le32(p + C_GEN_OFF, c->generation);
    memcpy(p + C_SECRET_OFF, c->secret, PC_KEY_LEN);
    pci_store_le32(p + C_PREV_GEN_OFF, c->prev_generation);
    memcpy(p + C_PREV_SECRET_OFF, c->prev_secret, PC_KEY_LEN);
}

void pci_contact_decode(const uint8_t p[PC_RECORD_CONTACT_PAYLOAD], pc_contact *c)
{
    c->flags = p[C_FLAGS_OFF];
    c->name_len = p[C_NAME_LEN_OFF];
    memcpy(c->name, p + C_NAME_OFF, PC_MAX_NAME_LEN);
    memcpy(c->pub, p + C_KEY_OFF, PC_KEY_LEN);
    c->generation = pci_load_le32(p + C_GEN_OFF);
    memcpy(c->secret, p + C_SECRET_OFF, PC_KEY_LEN);
    c->prev_generation = pci_load_le32(p + C_PREV_GEN_OFF);
    memcpy(c->prev_secret, p + C_PREV_SECRET_OFF, PC_KEY_LEN);
}

int pci_contact_encoded_ok(const uint8_t p[PC_RECORD_CONTACT_PAYLOAD], int used_required)
{
    uint8_t flags = p[C_FLAGS_OFF];
    if ((flags & ~PC_CONTACT_KNOWN_FLAGS) != 0)
        return 0;
    if ((flags != 0 || used_required) && !(flags & PC_CONTACT_USED))
        return 0;
    return p[C_NAME_LEN_OFF] <= PC_MAX_NAME_LEN;
}

static void put_header(uint8_t *out, int record, uint32_t sequence, uint32_t payload_len)
{
    memcpy(out + MAGIC_OFF, k_magic, sizeof k_magic);
    pci_store_le16(out + VERSION_OFF, FORMAT_VERSION);
    pci_store_le16(out + HEADER_LEN_OFF, PC_RECORD_HEADER_LEN);
    pci_store_le32(out + RECORD_OFF, (uint32_t)record);
    pci_store_le32(out + SEQUENCE_OFF, sequence);
    pci_store_le32(out + PAYLOAD_LEN_OFF, payload_len);
    pci_store_le32(out + ZERO_OFF, 0);
}

static int header_ok(const uint8_t *in, int record, uint32_t payload_len)
{
    return pci_be_equal(in + MAGIC_OFF, k_magic, sizeof k_magic)
           && pci_load_le16(in + VERSION_OFF) == FORMAT_VERSION
           && pci_load_le16(in + HEADER_LEN_OFF) == PC_RECORD_HEADER_LEN
           && pci_load_le32(in + RECORD_OFF) == (uint32_t)record
           && pci_load_le32(in + PAYLOAD_LEN_OFF) == payload_len
           && pci_load_le32(in + ZERO_OFF) == 0;
}

/* out holds the header and the plaintext payload; encrypts it in place. */
static int seal(uint8_t *out, const uint8_t key[32], size_t payload_len)
{
    uint8_t *payload = out + PC_RECORD_HEADER_LEN;
    if (pci_be_random(out + NONCE_OFF, PC_XAEAD_NONCE_LEN) != 0) {
        pci_be_wipe(payload, payload_len);
        return PC_E_RNG;
    }
    pci_be_xaead_seal(payload, payload + payload_len, key, out + NONCE_OFF, out,
                     PC_RECORD_HEADER_LEN, payload, payload_len);
    return 0;
}

static int unseal(uint8_t *buf, size_t len, const uint8_t key[32], int record, size_t payload_len)
{
    uint8_t *payload = buf + PC_RECORD_HEADER_LEN;
    if (len != PC_RECORD_HEADER_LEN + payload_len + PC_TAG_LEN
        || !header_ok(buf, record, (uint32_t)payload_len))
        return PC_E_CORRUPT;
    if (pci_be_xaead_open(payload, key, buf + NONCE_OFF, buf, PC_RECORD_HEADER_LEN, payload,
                         payload_len, payload + payload_len) != 0)
        return PC_E_CORRUPT;
    return 0;
}

int pci_record_seal_identity(uint8_t out[PC_RECORD_IDENTITY_LEN], const uint8_t key[32],
                             int record, uint32_t sequence, const uint8_t secret[32])
{
    put_header(out, record, sequence, PC_RECORD_IDENTITY_PAYLOAD);
    memcpy(out + PC_RECORD_HEADER_LEN, secret, PC_RECORD_IDENTITY_PAYLOAD);
    return seal(out, key, PC_RECORD_IDENTITY_PAYLOAD);
}

int pci_record_seal_contact(uint8_t out[PC_RECORD_CONTACT_LEN], const uint8_t key[32],
                            int record, const pc_contact *c)
{
    put_header(out, record, 0, PC_RECORD_CONTACT_PAYLOAD);
    pci_contact_encode(out + PC_RECORD_HEADER_LEN, c);
    return seal(out, key, PC_RECORD_CONTACT_PAYLOAD);
}

int pci_record_open_identity(uint8_t *buf, size_t len, const uint8_t key[32], int record,
                             uint32_t *sequence)
{
    int rc = unseal(buf, len, key, record, PC_RECORD_IDENTITY_PAYLOAD);
    if (rc == 0)
        *sequence = pci_load_le32(buf + SEQUENCE_OFF);
    return rc;
}

int pci_record_open_contact(uint8_t *buf, size_t len, const uint8_t key[32], int record,
                            pc_contact *c)
{
    int rc = unseal(buf, len, key, record, PC_RECORD_CONTACT_PAYLOAD);
    if (rc == 0 && pci_contact_encoded_ok(buf + PC_RECORD_HEADER_LEN, 1))
        pci_contact_decode(buf + PC_RECORD_HEADER_LEN, c);
    else
        rc = PC_E_CORRUPT;
    pci_be_wipe(buf, len);
    return rc;
}
