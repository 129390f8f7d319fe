// SPDX-License-Identifier: MIT
/* store_image.c - the previous release's flash image, read for migration
 * (layout in store_image.h). */
#include "store_image.h"

#include <string.h>

#include "backend.h"
#include "bytes_le.h"
#include "store_record.h"

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

static const uint8_t k_magic[4] = {'P', 'H', 'S', 'T'};

typedef char pc_check_contacts_fit[
    P_CONTACTS_OFF + PC_IMAGE_CONTACTS * PC_RECORD_CONTACT_PAYLOAD <= PC_IMAGE_PAYLOAD_LEN ? 1 : -1];
typedef char pc_check_nonce_fits[NONCE_OFF + PC_XAEAD_NONCE_LEN == PC_IMAGE_HEADER_LEN ? 1 : -1];

static int header_ok(const uint8_t *image)
{
    return pci_be_equal(image + MAGIC_OFF, k_magic, sizeof k_magic)
           && pci_load_le16(image + VERSION_OFF) == FORMAT_VERSION
           && pci_load_le16(image + HEADER_LEN_OFF) == PC_IMAGE_HEADER_LEN
           && pci_load_le32(image + PAYLOAD_LEN_OFF) == PC_IMAGE_PAYLOAD_LEN;
}

/* Format 1 wrote every one of its 16 slots; a free one has no flags at all. */
static int payload_ok(const uint8_t *p)
{
    uint32_t count = pci_load_le16(p + P_COUNT_OFF);
    if (p[P_VERSION_OFF] != PAYLOAD_VERSION || p[P_VERSION_OFF + 1] != 0
        || count > PC_IMAGE_CONTACTS)
        return 0;
    for (uint32_t i = 0; i < count; i++) {
        if (!pci_contact_encoded_ok(p + P_CONTACTS_OFF + (size_t)i * PC_RECORD_CONTACT_PAYLOAD, 0))
            return 0;
    }
    return 1;
}

int pci_image_unseal(uint8_t *image, size_t len, const uint8_t key[32], uint32_t *sequence)
{
    uint8_t *payload = image + PC_IMAGE_HEADER_LEN;

    if (len != PC_IMAGE_LEN || !header_ok(image))
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

const uint8_t *pci_image_identity(const uint8_t image[PC_IMAGE_LEN])
{
    return image + PC_IMAGE_HEADER_LEN + P_IDENTITY_OFF;
}

void pci_image_contact(const uint8_t image[PC_IMAGE_LEN], int i, pc_contact *c)
{
    const uint8_t *p = image + PC_IMAGE_HEADER_LEN;
    memset(c, 0, sizeof *c);
    if ((uint32_t)i < pci_load_le16(p + P_COUNT_OFF))
        pci_contact_decode(p + P_CONTACTS_OFF + (size_t)i * PC_RECORD_CONTACT_PAYLOAD, c);
}
