// SPDX-License-Identifier: MIT
/* store_image.c - the sealed flash image of a store (layout in store_image.h). */
#include "store_image.h"

#include <string.h>

#include "backend.h"
#include "bytes_le.h"

#define MAGIC_OFF 0
#define VERSION_OFF 4
#define HEADER_LEN_OFF 6
#define SEQUENCE_OFF 8
#define PAYLOAD_LEN_OFF 12
#define NONCE_OFF 16
#define FORMAT_VERSION 1u

#define P_VERSION_OFF 0
#define P_COUNT_OFF 2
#define P_IDENTITY_OFF 4
#define P_CONTACTS_OFF 36
#define PAYLOAD_VERSION 1u

#define C_FLAGS_OFF 0
#define C_NAME_LEN_OFF 1
#define C_NAME_OFF 2
#define C_KEY_OFF 34
#define C_GEN_OFF 66
#define C_SECRET_OFF 70
#define C_PREV_GEN_OFF 102
#define C_PREV_SECRET_OFF 106
#define CONTACT_LEN 138

static const uint8_t k_magic[4] = {'P', 'H', 'S', 'T'};

typedef char pc_check_contacts_fit[
    P_CONTACTS_OFF + PC_MAX_CONTACTS * CONTACT_LEN <= PC_IMAGE_PAYLOAD_LEN ? 1 : -1];
typedef char pc_check_nonce_fits[NONCE_OFF + PC_XAEAD_NONCE_LEN == PC_IMAGE_HEADER_LEN ? 1 : -1];

static void put_header(uint8_t *image, uint32_t sequence)
{
    memcpy(image + MAGIC_OFF, k_magic, sizeof k_magic);
    pci_store_le16(image + VERSION_OFF, FORMAT_VERSION);
    pci_store_le16(image + HEADER_LEN_OFF, PC_IMAGE_HEADER_LEN);
    pci_store_le32(image + SEQUENCE_OFF, sequence);
    pci_store_le32(image + PAYLOAD_LEN_OFF, PC_IMAGE_PAYLOAD_LEN);
}

static int header_ok(const uint8_t *image)
{
    return pci_be_equal(image + MAGIC_OFF, k_magic, sizeof k_magic)
           && pci_load_le16(image + VERSION_OFF) == FORMAT_VERSION
           && pci_load_le16(image + HEADER_LEN_OFF) == PC_IMAGE_HEADER_LEN
           && pci_load_le32(image + PAYLOAD_LEN_OFF) == PC_IMAGE_PAYLOAD_LEN;
}

static void put_contact(uint8_t *p, const pc_contact *c)
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

static void get_contact(const uint8_t *p, pc_contact *c)
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

static void put_payload(uint8_t *p, const pc_store_state *st, int index, const pc_contact *change)
{
    p[P_VERSION_OFF] = PAYLOAD_VERSION;
    pci_store_le16(p + P_COUNT_OFF, PC_MAX_CONTACTS);
    memcpy(p + P_IDENTITY_OFF, st->identity_secret, 32);
    for (int i = 0; i < PC_MAX_CONTACTS; i++) {
        const pc_contact *c = (change != NULL && i == index) ? change : &st->contacts[i];
        put_contact(p + P_CONTACTS_OFF + (size_t)i * CONTACT_LEN, c);
    }
}

int pci_image_seal(uint8_t image[PC_STORAGE_SLOT_LEN], const pc_store_state *st,
                  uint32_t sequence, int index, const pc_contact *change)
{
    uint8_t *payload = image + PC_IMAGE_HEADER_LEN;

    memset(image, 0, PC_STORAGE_SLOT_LEN);
    put_header(image, sequence);
    if (pci_be_random(image + NONCE_OFF, PC_XAEAD_NONCE_LEN) != 0)
        return PC_E_RNG;
    put_payload(payload, st, index, change);
    pci_be_xaead_seal(payload, payload + PC_IMAGE_PAYLOAD_LEN, st->device_key, image + NONCE_OFF,
                     image, PC_IMAGE_HEADER_LEN, payload, PC_IMAGE_PAYLOAD_LEN);
    return 0;
}

/* A decrypted record we could have written: known flags, a free slot has
 * none at all, a name that fits. */
static int contact_ok(const uint8_t *p)
{
    uint8_t flags = p[C_FLAGS_OFF];
    if ((flags & ~PC_CONTACT_KNOWN_FLAGS) != 0)
        return 0;
    if (flags != 0 && !(flags & PC_CONTACT_USED))
        return 0;
    return p[C_NAME_LEN_OFF] <= PC_MAX_NAME_LEN;
}

static int payload_ok(const uint8_t *p)
{
    uint32_t count = pci_load_le16(p + P_COUNT_OFF);
    if (p[P_VERSION_OFF] != PAYLOAD_VERSION || p[P_VERSION_OFF + 1] != 0
        || count > PC_MAX_CONTACTS)
        return 0;
    for (uint32_t i = 0; i < count; i++) {
        if (!contact_ok(p + P_CONTACTS_OFF + (size_t)i * CONTACT_LEN))
            return 0;
    }
    return 1;
}

int pci_image_unseal(uint8_t *image, size_t len, const uint8_t key[32], uint32_t *sequence)
{
    uint8_t *payload = image + PC_IMAGE_HEADER_LEN;

    if (len != PC_STORAGE_SLOT_LEN || !header_ok(image))
        return PC_E_CORRUPT;
    if (pci_be_xaead_open(payload, key, image + NONCE_OFF, image, PC_IMAGE_HEADER_LEN, payload,
                         PC_IMAGE_PAYLOAD_LEN, payload + PC_IMAGE_PAYLOAD_LEN) != 0)
        return PC_E_CORRUPT;
    if (!payload_ok(payload)) {
        pci_be_wipe(payload, PC_IMAGE_PAYLOAD_LEN);
        return PC_E_CORRUPT;
    }
    *sequence = pci_load_le32(image + SEQUENCE_OFF);
    return 0;
}

void pci_image_load(const uint8_t image[PC_STORAGE_SLOT_LEN], pc_store_state *st)
{
    const uint8_t *p = image + PC_IMAGE_HEADER_LEN;
    uint32_t count = pci_load_le16(p + P_COUNT_OFF);

    memcpy(st->identity_secret, p + P_IDENTITY_OFF, 32);
    pci_be_wipe(st->contacts, sizeof st->contacts);
    for (uint32_t i = 0; i < count; i++)
        get_contact(p + P_CONTACTS_OFF + (size_t)i * CONTACT_LEN, &st->contacts[i]);
}
