// SPDX-License-Identifier: MIT
/*
 * selftest.c - the power-on self-test behind pc_selftest and the gate
 * every other entry point checks (api_guard.h).
 *
 * One known answer per primitive through the backend (X25519, ChaCha20-
 * Poly1305, XChaCha20-Poly1305, BLAKE2b, HMAC-BLAKE2b/HKDF), then a
 * loopback XX handshake between two handshakes with random static keys,
 * and one packet sealed and opened by the transport state of each side.
 * It calls the core's internal functions only, never an exported pc_*
 * (which would pass the gate this file keeps).
 */
#include "selftest.h"

#include <stddef.h>
#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "handshake.h"
#include "hkdf.h"
#include "phone_crypto_api.h"
#include "selftest_kat.h"
#include "transport_state.h"

#define AEAD_TEXT_LEN (sizeof SUNSCREEN - 1) /* the RFC's plaintext, no terminator */

typedef char pc_check_sunscreen_len[(AEAD_TEXT_LEN == sizeof AEAD_CT) ? 1 : -1];
typedef char pc_check_xchacha_len[(AEAD_TEXT_LEN == sizeof XAEAD_CT) ? 1 : -1];

enum selftest_state { ST_NOT_RUN = 0, ST_PASSED, ST_FAILED };

static int s_state = ST_NOT_RUN;

int pci_selftest_passed(void)
{
    return s_state == ST_PASSED;
}

static int same(const uint8_t *a, const uint8_t *b, size_t len)
{
    return pci_be_equal(a, b, len);
}

/* ---- known answers ------------------------------------------------------- */

/* RFC 7748 §6.1: Alice's public key from her secret, then the shared secret. */
static int kat_x25519(void)
{
    uint8_t out[32];
    pci_be_x25519_public(out, DH_ALICE_PRIV);
    int ok = same(out, DH_ALICE_PUB, 32);
    ok = ok && pci_be_x25519(out, DH_ALICE_PRIV, DH_BOB_PUB) == 0 && same(out, DH_SHARED, 32);
    pci_be_wipe(out, sizeof out);
    return ok;
}

/* The two AEADs have the same shape; the XChaCha vector reuses the RFC 8439
 * key, associated data and plaintext. */
typedef struct aead_kat {
    void (*seal)(uint8_t *c, uint8_t *tag, const uint8_t *key, const uint8_t *nonce,
                 const uint8_t *ad, size_t ad_len, const uint8_t *m, size_t m_len);
    int (*open)(uint8_t *m, const uint8_t *key, const uint8_t *nonce, const uint8_t *ad,
                size_t ad_len, const uint8_t *c, size_t c_len, const uint8_t *tag);
    const uint8_t *nonce;
    const uint8_t *ct;
    const uint8_t *tag;
} aead_kat;

static const aead_kat AEAD_KATS[2] = {
    {pci_be_aead_seal, pci_be_aead_open, AEAD_NONCE, AEAD_CT, AEAD_TAG},
    {pci_be_xaead_seal, pci_be_xaead_open, XAEAD_NONCE, XAEAD_CT, XAEAD_TAG},
};

/* Seal gives the published ciphertext and tag; in place, a flipped tag bit
 * is refused with the ciphertext untouched, and the genuine tag opens it. */
static int kat_aead(const aead_kat *k)
{
    const uint8_t *pt = (const uint8_t *)SUNSCREEN;
    uint8_t buf[AEAD_TEXT_LEN], tag[16];

    k->seal(buf, tag, AEAD_KEY, k->nonce, AEAD_AD, sizeof AEAD_AD, pt, sizeof buf);
    int ok = same(buf, k->ct, sizeof buf) && same(tag, k->tag, sizeof tag);
    tag[0] ^= 1;
    ok = ok && k->open(buf, AEAD_KEY, k->nonce, AEAD_AD, sizeof AEAD_AD, buf, sizeof buf, tag)
                   == PC_E_AUTH
         && same(buf, k->ct, sizeof buf);
    tag[0] ^= 1;
    ok = ok && k->open(buf, AEAD_KEY, k->nonce, AEAD_AD, sizeof AEAD_AD, buf, sizeof buf, tag)
                   == 0
         && same(buf, pt, sizeof buf);
    return ok;
}

static int kat_blake2b(void)
{
    uint8_t out[64];
    pci_blake2b(out, sizeof out, (const uint8_t *)"abc", 3, NULL, 0);
    return same(out, BLAKE2B_ABC, sizeof out);
}

/* HKDF's third output is HMAC(temp, output2 || 3), output2 is HMAC(temp,
 * output1 || 2) and temp is HMAC(ck, ikm): one answer checks HMAC-BLAKE2b
 * (RFC 2104 padding, two-part messages) and every HKDF step. */
static int kat_hkdf(void)
{
    static const char ikm[] = "phone/v1/root";
    uint8_t ck[64], out[3][64];

    memset(ck, 0x0b, sizeof ck);
    pci_hkdf(ck, (const uint8_t *)ikm, sizeof ikm - 1, out[0], out[1], out[2]);
    return same(out[2], HKDF_OUT3, sizeof out[2]);
}

static int known_answers(void)
{
    return pci_be_init() == 0 && kat_x25519() && kat_aead(&AEAD_KATS[0])
           && kat_aead(&AEAD_KATS[1]) && kat_blake2b() && kat_hkdf();
}

/* ---- loopback ------------------------------------------------------------ */

static const uint8_t k_payload[] = "selftest";

/* The longest XX message with that payload: e, encrypted s, encrypted payload. */
#define LOOPBACK_MSG_LEN (32 + 32 + PC_TAG_LEN + sizeof k_payload + PC_TAG_LEN)

/* The loopback's state lives here, not on the stack (the peak stack of
 * pc_selftest stays that of one handshake message: docs/performance.md).
 * Only pci_selftest_run uses it, under the table lock, and wipes it on every
 * path. [0] is the initiator, [1] the responder. The handshakes are done
 * once both splits exist, so the transport states take their place. */
static struct loopback_scratch {
    union {
        pc_handshake hs[2];             /* the XX */
        pc_transport_state ts[2];       /* then the packet, keyed by the splits */
    } side;
    pc_split_result split[2];
    uint8_t msg[LOOPBACK_MSG_LEN];
} s_loop;

/* An XX handshake of that role with a random static key. */
static int start(pc_handshake *hs, int role)
{
    pc_local_static s;

    memset(&s, 0, sizeof s);
    s.store = PC_STORE_NONE;
    int ok = pci_be_random(s.secret, sizeof s.secret) == 0;
    if (ok) {
        pci_be_x25519_public(s.pub, s.secret);
        ok = pci_handshake_init(hs, PC_PATTERN_XX, role, NULL, 0, &s, NULL) == 0;
    }
    pci_be_wipe(&s, sizeof s);
    return ok;
}

/* One message from hs[from] to the other side, payload checked on arrival. */
static int relay(int from)
{
    uint8_t got[sizeof k_payload];
    size_t len = 0, got_len = 0;

    return pci_handshake_write(&s_loop.side.hs[from], k_payload, sizeof k_payload, s_loop.msg,
                              sizeof s_loop.msg, &len) == 0
           && pci_handshake_read(&s_loop.side.hs[1 - from], s_loop.msg, len, got, sizeof got,
                                &got_len) == 0
           && got_len == sizeof k_payload && same(got, k_payload, sizeof k_payload);
}

/* A split starts with the four keys both sides must derive alike (split.h:
 * k_i2r, k_r2i, root, resumption), compared as one block of bytes. */
#define SPLIT_KEYS_LEN offsetof(pc_split_result, remote_static)
typedef char pc_check_split_keys[
    (offsetof(pc_split_result, k_i2r) == 0 && SPLIT_KEYS_LEN == 4 * 32) ? 1 : -1];

/* XX between the two handshakes; both splits must agree. */
static int loopback_xx(void)
{
    const pc_split_result *a = &s_loop.split[0], *b = &s_loop.split[1];
    int ok = start(&s_loop.side.hs[0], PC_ROLE_INITIATOR) && start(&s_loop.side.hs[1], PC_ROLE_RESPONDER)
             && relay(0) && relay(1) && relay(0)
             && pci_handshake_split(&s_loop.side.hs[0], &s_loop.split[0]) == 0
             && pci_handshake_split(&s_loop.side.hs[1], &s_loop.split[1]) == 0;
    return ok && same((const uint8_t *)a, (const uint8_t *)b, SPLIT_KEYS_LEN)
           && same(a->handshake_hash, b->handshake_hash, 64) && !same(a->k_i2r, a->k_r2i, 32);
}

/* One packet (the same bytes as the handshake payload) sealed by the
 * initiator's transport state, opened by the responder's: both built from
 * the splits in the scratch area, outside the session table, so a full
 * table cannot stop the self-test. */
static int packet_round_trip(void)
{
    pc_transport_state *tx = &s_loop.side.ts[0], *rx = &s_loop.side.ts[1];
    uint8_t pkt[PC_PKT_MIN_HDR_LEN + sizeof k_payload + PC_TAG_LEN];
    uint8_t *body = pkt + PC_PKT_MIN_HDR_LEN;

    pci_transport_init(tx, &s_loop.split[0]);
    pci_transport_init(rx, &s_loop.split[1]);
    memset(pkt, 0, sizeof pkt);
    memcpy(body, k_payload, sizeof k_payload);
    int len = pci_transport_seal_packet(tx, pkt, PC_PKT_MIN_HDR_LEN, sizeof k_payload);
    if (len != (int)sizeof pkt || same(body, k_payload, sizeof k_payload))
        return 0;
    int got = pci_transport_open_packet(rx, pkt, PC_PKT_MIN_HDR_LEN, sizeof pkt);
    return got == (int)sizeof k_payload && same(body, k_payload, sizeof k_payload);
}

static int loopback(void)
{
    int ok = loopback_xx() && packet_round_trip();
    pci_be_wipe(&s_loop, sizeof s_loop); /* handshakes, splits, transport states, message */
    return ok;
}

int pci_selftest_run(void)
{
    s_state = ST_FAILED; /* the gate stays closed while it runs */
    if (known_answers() && loopback())
        s_state = ST_PASSED;
    return s_state == ST_PASSED ? PC_OK : PC_E_SELFTEST;
}
