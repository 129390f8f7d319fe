/*
 * selftest.c - the power-on self-test behind pc_selftest and the gate
 * every other entry point checks (api_guard.h).
 *
 * Known answers for every primitive through the backend (RFC 7748,
 * RFC 8439, RFC 7693, HMAC/HKDF, XChaCha20-Poly1305), then a loopback
 * XX handshake between two stack handshakes with random static keys, and
 * one sealed packet through the session API.
 */
#include "selftest.h"

#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "handshake.h"
#include "hkdf.h"
#include "phone_crypto.h"
#include "selftest_kat.h"
#include "session.h"

typedef char pc_check_sunscreen_len[(sizeof SUNSCREEN - 1 == sizeof AEAD_CT) ? 1 : -1];

enum selftest_state { ST_NOT_RUN = 0, ST_LOOPBACK, ST_PASSED, ST_FAILED };

static int s_state = ST_NOT_RUN;

/* ST_LOOPBACK lets the self-test's own session calls through the gate; it
 * only ever exists while pc_selftest holds the (recursive) table lock. */
int pc_selftest_passed(void)
{
    return s_state == ST_PASSED || s_state == ST_LOOPBACK;
}

/* ---- known answers ------------------------------------------------------- */

static int kat_x25519(void)
{
    uint8_t out[32];
    int ok = pc_be_x25519(out, X25519_SCALAR, X25519_U) == 0
             && memcmp(out, X25519_OUT, 32) == 0;
    pc_be_x25519_public(out, DH_ALICE_PRIV);
    ok = ok && memcmp(out, DH_ALICE_PUB, 32) == 0;
    ok = ok && pc_be_x25519(out, DH_ALICE_PRIV, DH_BOB_PUB) == 0
         && memcmp(out, DH_SHARED, 32) == 0;
    pc_be_wipe(out, sizeof out);
    return ok;
}

/* Seal, open, and a flipped tag bit refused without touching the output. */
static int kat_aead(void)
{
    const uint8_t *pt = (const uint8_t *)SUNSCREEN;
    uint8_t ct[sizeof AEAD_CT], tag[16], back[sizeof AEAD_CT];

    pc_be_aead_seal(ct, tag, AEAD_KEY, AEAD_NONCE, AEAD_AD, sizeof AEAD_AD, pt, sizeof ct);
    int ok = memcmp(ct, AEAD_CT, sizeof ct) == 0 && memcmp(tag, AEAD_TAG, 16) == 0;
    ok = ok && pc_be_aead_open(back, AEAD_KEY, AEAD_NONCE, AEAD_AD, sizeof AEAD_AD, ct,
                               sizeof ct, tag) == 0
         && memcmp(back, pt, sizeof back) == 0;
    tag[0] ^= 1;
    memset(back, 0xA5, sizeof back);
    ok = ok && pc_be_aead_open(back, AEAD_KEY, AEAD_NONCE, AEAD_AD, sizeof AEAD_AD, ct,
                               sizeof ct, tag) == PC_E_AUTH
         && back[0] == 0xA5;
    return ok;
}

static int kat_xaead(void)
{
    const uint8_t *pt = (const uint8_t *)SUNSCREEN;
    uint8_t ct[sizeof XAEAD_CT], tag[16], back[sizeof XAEAD_CT];

    pc_be_xaead_seal(ct, tag, AEAD_KEY, XAEAD_NONCE, AEAD_AD, sizeof AEAD_AD, pt, sizeof ct);
    int ok = memcmp(ct, XAEAD_CT, sizeof ct) == 0 && memcmp(tag, XAEAD_TAG, 16) == 0;
    ok = ok && pc_be_xaead_open(back, AEAD_KEY, XAEAD_NONCE, AEAD_AD, sizeof AEAD_AD, ct,
                                sizeof ct, tag) == 0
         && memcmp(back, pt, sizeof back) == 0;
    tag[15] ^= 0x80;
    ok = ok && pc_be_xaead_open(back, AEAD_KEY, XAEAD_NONCE, AEAD_AD, sizeof AEAD_AD, ct,
                                sizeof ct, tag) == PC_E_AUTH;
    return ok;
}

static int kat_blake2b(void)
{
    uint8_t out[64];
    pc_blake2b_ctx ctx;

    pc_be_blake2b_init(&ctx, sizeof out);
    pc_be_blake2b_update(&ctx, (const uint8_t *)"abc", 3);
    pc_be_blake2b_final(&ctx, out, sizeof out);
    return memcmp(out, BLAKE2B_ABC, sizeof out) == 0;
}

static int kat_hmac_hkdf(void)
{
    static const char msg[] = "The quick brown fox jumps over the lazy dog";
    static const char ikm[] = "phone/v1/root";
    uint8_t ck[64], out1[64], out2[64], out3[64];

    pc_hmac_blake2b(out1, (const uint8_t *)"key", 3, (const uint8_t *)msg, sizeof msg - 1,
                    NULL, 0);
    int ok = memcmp(out1, HMAC_EXPECTED, 64) == 0;
    memset(ck, 0x0b, sizeof ck);
    pc_hkdf(ck, (const uint8_t *)ikm, sizeof ikm - 1, out1, out2, out3);
    ok = ok && memcmp(out1, HKDF_OUT1, 64) == 0 && memcmp(out3, HKDF_OUT3, 64) == 0;
    return ok;
}

/* ---- loopback ------------------------------------------------------------ */

static int random_static(pc_local_static *s)
{
    memset(s, 0, sizeof *s);
    s->store = PC_STORE_NONE;
    if (pc_be_random(s->secret, 32) != 0)
        return 0;
    pc_be_x25519_public(s->pub, s->secret);
    return 1;
}

/* One message from `from` to `to`, payload checked on arrival. */
static int relay(pc_handshake *from, pc_handshake *to)
{
    static const uint8_t payload[] = "selftest";
    uint8_t msg[PC_MAX_HS_MSG_LEN], got[sizeof payload];
    size_t len = 0, got_len = 0;

    if (pc_handshake_write(from, payload, sizeof payload, msg, sizeof msg, &len) != 0)
        return 0;
    if (pc_handshake_read(to, msg, len, got, sizeof got, &got_len) != 0)
        return 0;
    return got_len == sizeof payload && memcmp(got, payload, sizeof payload) == 0;
}

/* XX between two handshakes; both splits must agree. */
static int loopback_xx(pc_handshake *a, pc_handshake *b, pc_split_result *sa,
                       pc_split_result *sb)
{
    pc_local_static s;
    int ok = random_static(&s)
             && pc_handshake_init(a, PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, &s, NULL) == 0;
    ok = ok && random_static(&s)
         && pc_handshake_init(b, PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, &s, NULL) == 0;
    pc_be_wipe(&s, sizeof s);
    ok = ok && relay(a, b) && relay(b, a) && relay(a, b);
    ok = ok && pc_handshake_split(a, sa) == 0 && pc_handshake_split(b, sb) == 0;
    ok = ok && memcmp(sa->k_i2r, sb->k_i2r, 32) == 0 && memcmp(sa->k_r2i, sb->k_r2i, 32) == 0
         && memcmp(sa->handshake_hash, sb->handshake_hash, 64) == 0
         && memcmp(sa->resumption, sb->resumption, 32) == 0
         && memcmp(sa->k_i2r, sa->k_r2i, 32) != 0;
    return ok;
}

/* One packet sealed by the initiator's session, opened by the responder's. */
static int packet_round_trip(int32_t tx, int32_t rx)
{
    static const uint8_t body[] = "one sealed packet";
    uint8_t pkt[PC_PKT_MIN_HDR_LEN + sizeof body + PC_TAG_LEN];
    int32_t n = (int32_t)sizeof body;

    memset(pkt, 0, sizeof pkt);
    memcpy(pkt + PC_PKT_MIN_HDR_LEN, body, sizeof body);
    int32_t len = pc_session_seal(tx, pkt, (int32_t)sizeof pkt, 0, PC_PKT_MIN_HDR_LEN, n);
    if (len != (int32_t)sizeof pkt || memcmp(pkt + PC_PKT_MIN_HDR_LEN, body, sizeof body) == 0)
        return 0;
    int32_t got = pc_session_open(rx, pkt, (int32_t)sizeof pkt, 0, PC_PKT_MIN_HDR_LEN, len);
    return got == n && memcmp(pkt + PC_PKT_MIN_HDR_LEN, body, sizeof body) == 0;
}

/* PC_OK, PC_E_SELFTEST, or PC_E_NO_SLOT when the session table is full
 * (a re-run while calls are up: a lack of room, not a failed check). */
static int loopback_sessions(const pc_split_result *sa, const pc_split_result *sb)
{
    int32_t tx = pc_session_create(sa);
    int32_t rx = pc_session_create(sb);
    int rc = PC_E_SELFTEST;
    if (tx == PC_E_NO_SLOT || rx == PC_E_NO_SLOT)
        rc = PC_E_NO_SLOT;
    else if (tx >= 0 && rx >= 0 && packet_round_trip(tx, rx))
        rc = PC_OK;
    if (tx >= 0)
        pc_session_free(tx);
    if (rx >= 0)
        pc_session_free(rx);
    return rc;
}

static int loopback(void)
{
    pc_handshake a, b;
    pc_split_result sa, sb;
    int rc = PC_E_SELFTEST;

    if (loopback_xx(&a, &b, &sa, &sb)) {
        s_state = ST_LOOPBACK;
        rc = loopback_sessions(&sa, &sb);
    }
    pc_handshake_wipe(&a);
    pc_handshake_wipe(&b);
    pc_be_wipe(&sa, sizeof sa);
    pc_be_wipe(&sb, sizeof sb);
    return rc;
}

static int known_answers(void)
{
    return pc_be_init() == 0 && kat_x25519() && kat_aead() && kat_xaead() && kat_blake2b()
           && kat_hmac_hkdf();
}

int pc_selftest_run(void)
{
    int previous = s_state;
    s_state = ST_FAILED;
    int rc = known_answers() ? loopback() : PC_E_SELFTEST;
    if (rc == PC_E_NO_SLOT) {
        s_state = previous; /* nothing was found wrong: keep the last verdict */
        return rc;
    }
    s_state = rc == PC_OK ? ST_PASSED : ST_FAILED;
    return rc;
}
