// SPDX-License-Identifier: MIT
/*
 * ct_backend_wrap.c - the backend (backend.h) seen by the constant-time check.
 *
 * The backend is libsodium, constant-time by its own design and tests; it is
 * not what this check is about, and its results that are public by design
 * are declassified here, at the backend.h boundary, so memcheck reports only
 * our own code. The link wraps these pci_be_* symbols (-Wl,--wrap), so every
 * call from the core comes through here and __real_* is the real backend.
 *
 * Born secret:  every 32-byte random draw (identity, ephemeral and re-key keys).
 *               Other draws (the 24-byte flash nonce) are public nonces.
 * Declassified (public by design):
 *   - X25519 public keys (pci_be_x25519_public): sent in the clear;
 *   - the X25519 verdict (pci_be_x25519's return): only says whether the
 *     peer's public point was of low order; the shared secret stays secret
 *     (the backend's own branch on it: backend.supp);
 *   - AEAD ciphertext and tag (seal): what goes on the wire or into flash;
 *   - the AEAD verdict (open's return): the sender learns it anyway (the
 *     backend's own branch on it: backend.supp);
 *   - AEAD plaintext of packets and handshake messages (open): what a peer
 *     sent (payloads, its static key, media), not key material;
 *   - the store records (xaead open) except their key material: the record
 *     layout (flags, names, pinned keys, generations) is parsed by branching
 *     code; the identity record and both resumption secrets of a contact
 *     record (or of every contact of a previous-release image) are marked
 *     secret again right after decryption.
 *   - the contact book's fingerprint of a looked-up key (pci_book_fingerprint):
 *     a keyed BLAKE2b under a per-boot random key the observer lacks, so the
 *     binary search it steers says nothing about whose key it was.
 * Not marked: the device key (efuse.key), which goes from the storage layer
 * to the backend without our code looking at it.
 */
#include <stddef.h>
#include <stdint.h>

#include "backend.h"
#include "ct_mark.h"
#include "phone_crypto_api.h"

enum ct_plant ct_planted = CT_PLANT_NONE;
int ct_armed = 0;
int ct_secret_draws = 0;
int ct_contact_slots = 0;

/* The documented payload layout (native/src/store_image.h): the identity
 * secret, then fixed-size contact records with two resumption secrets. */
#define PAYLOAD_IDENTITY_OFF 4
#define PAYLOAD_CONTACTS_OFF 36
#define CONTACT_RECORD_LEN 138
#define CONTACT_SECRET_OFF 70
#define CONTACT_PREV_SECRET_OFF 106
/* Per-record format (native/src/store_record.h): payload sizes of the
 * identity record and of one contact record (laid out as above). */
#define RECORD_IDENTITY_PAYLOAD 32
#define RECORD_CONTACT_PAYLOAD 138

int __real_pci_be_x25519(uint8_t out[32], const uint8_t secret[32], const uint8_t peer[32]);
uint32_t __real_pci_book_fingerprint(const uint8_t pub[32]);
uint32_t __wrap_pci_book_fingerprint(const uint8_t pub[32]);
void __real_pci_be_x25519_public(uint8_t pub[32], const uint8_t secret[32]);
void __real_pci_be_aead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                            const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad,
                            size_t ad_len, const uint8_t *m, size_t m_len);
int __real_pci_be_aead_open(uint8_t *m, const uint8_t key[32],
                           const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad,
                           size_t ad_len, const uint8_t *c, size_t c_len, const uint8_t tag[16]);
void __real_pci_be_xaead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                             const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad,
                             size_t ad_len, const uint8_t *m, size_t m_len);
int __real_pci_be_xaead_open(uint8_t *m, const uint8_t key[32],
                            const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad,
                            size_t ad_len, const uint8_t *c, size_t c_len, const uint8_t tag[16]);
int __real_pci_be_random(uint8_t *out, size_t len);
int __real_pci_be_equal(const uint8_t *a, const uint8_t *b, size_t len);

int __wrap_pci_be_x25519(uint8_t out[32], const uint8_t secret[32], const uint8_t peer[32]);
void __wrap_pci_be_x25519_public(uint8_t pub[32], const uint8_t secret[32]);
void __wrap_pci_be_aead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                            const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad,
                            size_t ad_len, const uint8_t *m, size_t m_len);
int __wrap_pci_be_aead_open(uint8_t *m, const uint8_t key[32],
                           const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad,
                           size_t ad_len, const uint8_t *c, size_t c_len, const uint8_t tag[16]);
void __wrap_pci_be_xaead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                             const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad,
                             size_t ad_len, const uint8_t *m, size_t m_len);
int __wrap_pci_be_xaead_open(uint8_t *m, const uint8_t key[32],
                            const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad,
                            size_t ad_len, const uint8_t *c, size_t c_len, const uint8_t tag[16]);
int __wrap_pci_be_random(uint8_t *out, size_t len);
int __wrap_pci_be_equal(const uint8_t *a, const uint8_t *b, size_t len);

int __wrap_pci_be_x25519(uint8_t out[32], const uint8_t secret[32], const uint8_t peer[32])
{
    int rc = __real_pci_be_x25519(out, secret, peer);
    CT_PUBLIC(&rc, sizeof rc);
    return rc;
}

void __wrap_pci_be_x25519_public(uint8_t pub[32], const uint8_t secret[32])
{
    __real_pci_be_x25519_public(pub, secret);
    CT_PUBLIC(pub, 32);
}

/* The planted index leak: a table read at a position taken from the cipher
 * key (derived by our HKDF from DH results, so this also shows that derived
 * keys carry the mark), as a table-driven cipher would do. */
static volatile uint8_t s_table[256];

void __wrap_pci_be_aead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                            const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad,
                            size_t ad_len, const uint8_t *m, size_t m_len)
{
    if (ct_planted == CT_PLANT_INDEX)
        (void)s_table[key[0]];
    __real_pci_be_aead_seal(c, tag, key, nonce, ad, ad_len, m, m_len);
    if (m_len > 0)
        CT_PUBLIC(c, m_len);
    CT_PUBLIC(tag, 16);
}

int __wrap_pci_be_aead_open(uint8_t *m, const uint8_t key[32],
                           const uint8_t nonce[PC_AEAD_NONCE_LEN], const uint8_t *ad,
                           size_t ad_len, const uint8_t *c, size_t c_len, const uint8_t tag[16])
{
    int rc = __real_pci_be_aead_open(m, key, nonce, ad, ad_len, c, c_len, tag);
    CT_PUBLIC(&rc, sizeof rc);
    if (rc == 0 && c_len > 0)
        CT_PUBLIC(m, c_len);
    return rc;
}

void __wrap_pci_be_xaead_seal(uint8_t *c, uint8_t tag[16], const uint8_t key[32],
                             const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad,
                             size_t ad_len, const uint8_t *m, size_t m_len)
{
    __real_pci_be_xaead_seal(c, tag, key, nonce, ad, ad_len, m, m_len);
    if (m_len > 0)
        CT_PUBLIC(c, m_len);
    CT_PUBLIC(tag, 16);
}

int __wrap_pci_be_xaead_open(uint8_t *m, const uint8_t key[32],
                            const uint8_t nonce[PC_XAEAD_NONCE_LEN], const uint8_t *ad,
                            size_t ad_len, const uint8_t *c, size_t c_len, const uint8_t tag[16])
{
    int rc = __real_pci_be_xaead_open(m, key, nonce, ad, ad_len, c, c_len, tag);
    CT_PUBLIC(&rc, sizeof rc);
    if (!ct_armed || rc != 0)
        return rc;
    CT_PUBLIC(m, c_len);
    if (c_len == RECORD_IDENTITY_PAYLOAD) { /* store_record.h: the identity record */
        CT_SECRET(m, c_len);
        return rc;
    }
    if (c_len == RECORD_CONTACT_PAYLOAD) { /* one contact record: its two resumption secrets */
        CT_SECRET(m + CONTACT_SECRET_OFF, 32);
        CT_SECRET(m + CONTACT_PREV_SECRET_OFF, 32);
        return rc;
    }
    if (c_len < PAYLOAD_CONTACTS_OFF) /* other records (organisation): public data only */
        return rc;
    /* The previous release's whole image (store_image.h), read once to migrate it. */
    CT_SECRET(m + PAYLOAD_IDENTITY_OFF, 32);
    for (int i = 0; i < ct_contact_slots; i++) {
        size_t at = PAYLOAD_CONTACTS_OFF + (size_t)i * CONTACT_RECORD_LEN;
        if (at + CONTACT_RECORD_LEN > c_len)
            break;
        CT_SECRET(m + at + CONTACT_SECRET_OFF, 32);
        CT_SECRET(m + at + CONTACT_PREV_SECRET_OFF, 32);
    }
    return rc;
}

int __wrap_pci_be_random(uint8_t *out, size_t len)
{
    int rc = __real_pci_be_random(out, len);
    if (ct_armed && len == PC_KEY_LEN) {
        CT_SECRET(out, len);
        ct_secret_draws++;
    }
    return rc;
}

/* The planted branch leak: a comparison that stops at the first difference
 * (memcmp-style), as a careless contact lookup would use. */
int __wrap_pci_be_equal(const uint8_t *a, const uint8_t *b, size_t len)
{
    if (ct_planted != CT_PLANT_BRANCH)
        return __real_pci_be_equal(a, b, len);
    for (size_t i = 0; i < len; i++) {
        if (a[i] != b[i])
            return 0;
    }
    return 1;
}

uint32_t __wrap_pci_book_fingerprint(const uint8_t pub[32])
{
    uint32_t fingerprint = __real_pci_book_fingerprint(pub);
    CT_PUBLIC(&fingerprint, sizeof fingerprint);
    return fingerprint;
}
