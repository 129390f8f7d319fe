// SPDX-License-Identifier: MIT
/*
 * test_core.c - the native core on the emulated lx106, device limits:
 * the self-test gate and pc_selftest, every Noise XX/IK/IKpsk2 vector
 * replayed byte for byte through the fixed-key hook (handshake messages,
 * handshake hash, transport messages), a session packet round trip with
 * the 28-byte RTP header, the key store on the RAM flash (open, reopen,
 * damaged copy, power cuts) and a call over the store's identity (XX,
 * pin, IKpsk2 with the resumption secret).
 *
 * Messages and packets sit at odd offsets inside their buffers: the lx106
 * traps on unaligned 32-bit loads, so any cast of a byte pointer to a
 * wider type in the core ends the run with EXCCAUSE 9.
 */
#include <string.h>

#include "cipher_state.h"
#include "phone_crypto_api.h"
#include "pc_platform.h"
#include "transport.h"
#include "storage.h"
#include "storage_ram.h"
#include "test_groups.h"
#include "test_hooks.h"
#include "xt_test.h"
#include "xt_vectors.h"

#define OFF 3   /* odd offset of messages and packets in their buffers */

static uint8_t msg[PC_MAX_HS_MSG_LEN + 8];
static uint8_t payload[PC_MAX_HS_MSG_LEN];
static uint8_t pkt[PC_MAX_PACKET_LEN + 8];

/* ---- gate and self-test ----------------------------------------------------- */

static void gate(const char *group)
{
    uint8_t h[64];

    xt_check_rc(pc_api_version(), PC_API_VERSION, group, "pc_api_version", "version");
    xt_check_rc(pc_hash((const uint8_t *)"abc", 3, h, 64), PC_E_SELFTEST, group,
                "pc_hash before pc_selftest", "gate open before the self-test");
    xt_check_rc(pc_hs_status(0), PC_E_SELFTEST, group, "pc_hs_status before pc_selftest",
                "gate open before the self-test");
    xt_check_rc(pc_selftest(), PC_OK, group, "pc_selftest", "power-on self-test");
    xt_check_rc(pc_hash((const uint8_t *)"abc", 3, h, 64), 64, group, "pc_hash after pc_selftest",
                "hash length");
}

/* ---- Noise vectors ---------------------------------------------------------- */

static int hs_message(const char *group, const xt_noise_vector *v, size_t k, int32_t from,
                      int32_t to)
{
    const xt_noise_msg *m = &v->msgs[k];
    int32_t n, p;

    n = pc_hs_write(from, m->payload, (int32_t)m->payload_len, msg, (int32_t)sizeof msg, OFF);
    if (!xt_check_rc(n, (int32_t)m->ct_len, group, v->name, "handshake message length")) {
        return 0;
    }
    if (!xt_check(memcmp(msg + OFF, m->ct, m->ct_len) == 0, group, v->name,
                  "handshake message differs from the vector")) {
        return 0;
    }
    p = pc_hs_read(to, msg, (int32_t)sizeof msg, OFF, n, payload, (int32_t)sizeof payload);
    if (!xt_check_rc(p, (int32_t)m->payload_len, group, v->name, "payload length read")) {
        return 0;
    }
    return xt_check(memcmp(payload, m->payload, m->payload_len) == 0, group, v->name,
                    "payload read differs");
}

/* Transport messages after the handshake: Noise CipherStates from each side's Split(). */
static void transport(const char *group, const xt_noise_vector *v, size_t first, int32_t i,
                      int32_t r)
{
    static pc_split_result si, sr;
    static pc_cipher_state i_send, i_recv, r_send, r_recv;

    if (!xt_check_rc(pc_test_hs_split(i, &si), PC_OK, group, v->name, "initiator split")
        || !xt_check_rc(pc_test_hs_split(r, &sr), PC_OK, group, v->name, "responder split")) {
        return;
    }
    pci_cs_init(&i_send, si.k_i2r);
    pci_cs_init(&i_recv, si.k_r2i);
    pci_cs_init(&r_send, sr.k_r2i);
    pci_cs_init(&r_recv, sr.k_i2r);
    for (size_t k = first; k < v->n_msgs; k++) {
        const xt_noise_msg *m = &v->msgs[k];
        int from_init = (k % 2) == 0;
        uint8_t *ct = msg + OFF;

        if (!xt_check(m->ct_len == m->payload_len + 16 && m->ct_len <= sizeof msg - OFF, group,
                      v->name, "transport message size")) {
            return;
        }
        xt_check_rc(pci_cs_encrypt(from_init ? &i_send : &r_send, NULL, 0, m->payload,
                                  m->payload_len, ct), PC_OK, group, v->name, "transport encrypt");
        xt_check(memcmp(ct, m->ct, m->ct_len) == 0, group, v->name,
                 "transport message differs from the vector");
        xt_check_rc(pci_cs_decrypt(from_init ? &r_recv : &i_recv, NULL, 0, m->ct, m->ct_len,
                                  payload), PC_OK, group, v->name, "transport decrypt");
        xt_check(memcmp(payload, m->payload, m->payload_len) == 0, group, v->name,
                 "transport payload differs");
    }
    pci_cs_wipe(&i_send);
    pci_cs_wipe(&i_recv);
    pci_cs_wipe(&r_send);
    pci_cs_wipe(&r_recv);
}

static void noise_vector(const char *group, const xt_noise_vector *v)
{
    uint8_t h[64];
    int32_t i, r;
    size_t k = 0;

    i = pc_test_hs_new(v->pattern, PC_ROLE_INITIATOR, v->init_prologue, v->init_prologue_len,
                       v->init_static, v->init_ephemeral, v->init_remote_static, v->init_psk);
    r = pc_test_hs_new(v->pattern, PC_ROLE_RESPONDER, v->resp_prologue, v->resp_prologue_len,
                       v->resp_static, v->resp_ephemeral, v->resp_remote_static, v->resp_psk);
    if (xt_check(i >= 0 && r >= 0, group, v->name, "pc_test_hs_new")) {
        while (k < v->n_msgs
               && (pc_hs_status(i) != PC_HS_DONE || pc_hs_status(r) != PC_HS_DONE)) {
            int from_init = (k % 2) == 0;
            if (!hs_message(group, v, k, from_init ? i : r, from_init ? r : i)) {
                break;
            }
            k++;
        }
        if (xt_check(pc_hs_status(i) == PC_HS_DONE && pc_hs_status(r) == PC_HS_DONE, group,
                     v->name, "both sides done")) {
            xt_check(pc_test_hs_ephemeral_held(i) == 0 && pc_test_hs_ephemeral_held(r) == 0,
                     group, v->name, "ephemeral secret not wiped after its last DH");
            if (v->handshake_hash != NULL) {
                xt_check_rc(pc_hs_hash(i, h, 64), 64, group, v->name, "pc_hs_hash");
                xt_check(memcmp(h, v->handshake_hash, 64) == 0, group, v->name,
                         "initiator handshake hash differs");
                xt_check_rc(pc_hs_hash(r, h, 64), 64, group, v->name, "pc_hs_hash");
                xt_check(memcmp(h, v->handshake_hash, 64) == 0, group, v->name,
                         "responder handshake hash differs");
            }
            transport(group, v, k, i, r);
        }
    }
    if (i >= 0) {
        xt_check_rc(pc_hs_free(i), PC_OK, group, v->name, "pc_hs_free");
    }
    if (r >= 0) {
        xt_check_rc(pc_hs_free(r), PC_OK, group, v->name, "pc_hs_free");
    }
}

static void noise(const char *group)
{
    for (int n = 0; n < XT_NOISE_VECTORS_COUNT; n++) {
        noise_vector(group, &xt_noise_vectors[n]);
    }
    xt_check(XT_NOISE_VECTORS_COUNT >= 7, group, "vector count", "fewer Noise vectors than expected");
}

/* ---- sessions ------------------------------------------------------------- */

/* An XX pair through the API (random test statics), then both splits. */
static int session_pair(const char *group, int32_t *si, int32_t *sr)
{
    int32_t i, r, n, p;

    i = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, NULL, NULL, NULL);
    r = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, NULL, NULL, NULL);
    if (!xt_check(i >= 0 && r >= 0, group, "session pair", "pc_test_hs_new")) {
        return 0;
    }
    while (pc_hs_status(i) != PC_HS_DONE || pc_hs_status(r) != PC_HS_DONE) {
        int32_t from = pc_hs_status(i) == PC_HS_WRITE ? i : r;
        int32_t to = from == i ? r : i;
        n = pc_hs_write(from, NULL, 0, msg, (int32_t)sizeof msg, OFF);
        p = pc_hs_read(to, msg, (int32_t)sizeof msg, OFF, n, payload, (int32_t)sizeof payload);
        if (!xt_check(n > 0 && p == 0, group, "session pair", "handshake message")) {
            return 0;
        }
    }
    *si = pc_hs_split(i);
    *sr = pc_hs_split(r);
    return xt_check(*si >= 0 && *sr >= 0, group, "session pair", "pc_hs_split");
}

/* RTP over the session: 16-byte native header + 12-byte RTP header, 160-byte body. */
#define HDR 28
#define BODY 160

static int32_t seal_rtp(int32_t s, uint8_t fill)
{
    memset(pkt, 0, sizeof pkt);
    pkt[OFF] = 1;                                  /* version */
    pkt[OFF + 1] = 2;                              /* type: media */
    memset(pkt + OFF + 16, 0x80, 12);              /* RTP header */
    memset(pkt + OFF + HDR, fill, BODY);
    return pc_session_seal(s, pkt, (int32_t)sizeof pkt, OFF, HDR, BODY);
}

static uint64_t le64_at(const uint8_t *p)
{
    uint64_t v = 0;
    for (int k = 7; k >= 0; k--) {
        v = v << 8 | p[k];
    }
    return v;
}

/* 64-bit counters on a 32-bit core: across 2^32, and the reserved 2^64-1. */
static void counters(const char *group, int32_t si, int32_t sr)
{
    static const uint64_t at[] = { 0xFFFFFFFFull, 0x100000000ull, 0x1234567800000001ull,
                                   UINT64_MAX - 1u };
    int32_t len;

    for (unsigned k = 0; k < sizeof at / sizeof at[0]; k++) {
        xt_check_rc(pc_test_session_set_send_counter(si, at[k]), PC_OK, group, "counter",
                    "pc_test_session_set_send_counter");
        len = seal_rtp(si, (uint8_t)k);
        xt_check(len == HDR + BODY + 16 && le64_at(pkt + OFF + PC_PKT_COUNTER_OFFSET) == at[k],
                 group, "64-bit counter", "counter in the header differs");
        xt_check_rc(pc_session_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len), BODY, group,
                    "64-bit counter", "packet far ahead of the window refused");
    }
    xt_check_rc(seal_rtp(si, 9), PC_E_NONCE_EXHAUSTED, group, "counter 2^64-1",
                "reserved counter used");
}

static void sessions(const char *group)
{
    static uint8_t copy[HDR + BODY + 16];
    int32_t si, sr, len, got;

    if (!session_pair(group, &si, &sr)) {
        return;
    }
    len = seal_rtp(si, 0x11);
    xt_check_rc(len, HDR + BODY + 16, group, "seal 172-byte RTP packet", "sealed length");
    memcpy(copy, pkt + OFF, sizeof copy);
    got = pc_session_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len);
    xt_check_rc(got, BODY, group, "open", "body length");
    xt_check(pkt[OFF + HDR] == 0x11 && pkt[OFF + HDR + BODY - 1] == 0x11, group, "open",
             "body differs");
    memcpy(pkt + OFF, copy, sizeof copy);          /* the same packet again */
    xt_check_rc(pc_session_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len), PC_E_REPLAY,
                group, "replayed packet", "replay accepted");
    len = seal_rtp(si, 0x22);
    pkt[OFF + 20] ^= 0x01;                         /* RTP header is authenticated */
    memcpy(copy, pkt + OFF, sizeof copy);
    xt_check_rc(pc_session_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len), PC_E_AUTH, group,
                "tampered header", "tampered packet accepted");
    xt_check(memcmp(copy, pkt + OFF, sizeof copy) == 0, group, "tampered header",
             "rejected packet changed the buffer");
    pkt[OFF + 20] ^= 0x01;
    xt_check_rc(pc_session_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len), BODY, group,
                "genuine packet after a forgery", "open");
    len = seal_rtp(sr, 0x33);                      /* the other direction */
    xt_check_rc(pc_session_open(si, pkt, (int32_t)sizeof pkt, OFF, HDR, len), BODY, group,
                "responder to initiator", "open");
    xt_check_rc(pc_session_ratchet(si), PC_OK, group, "ratchet", "pc_session_ratchet");
    len = seal_rtp(si, 0x44);
    xt_check_rc(pc_session_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len), BODY, group,
                "packet after a ratchet", "open");
    counters(group, si, sr);
    xt_check_rc(pc_session_free(si), PC_OK, group, "free", "pc_session_free");
    xt_check_rc(pc_session_free(sr), PC_OK, group, "free", "pc_session_free");
}

/* Device limits: the static tables are full at their configured sizes. */
static void limits(const char *group)
{
    int32_t hs[8], n = 0, rc = 0;

    for (n = 0; n < 8; n++) {
        hs[n] = rc = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, NULL, NULL,
                                    NULL);
        if (rc < 0) {
            break;
        }
    }
    xt_check_rc(n, 4, group, "handshake table", "handshakes before the table is full");
    xt_check_rc(rc, PC_E_NO_SLOT, group, "handshake table", "full table");
    for (int k = 0; k < n; k++) {
        (void)pc_hs_free(hs[k]);
    }
    xt_check_rc(pc_hs_free(hs[0]), PC_E_HANDLE, group, "stale handle", "freed handle accepted");
    xt_check_rc(pc_contact_capacity(), 1000, group, "contact capacity", "PC_MAX_CONTACTS");
}

/* ---- key store on the RAM flash ------------------------------------------------ */

#define LOC "phone-a"
#define LOC_LEN 7

static void store(const char *group)
{
    uint8_t id1[32], id2[32];
    int32_t st, st2;
    uint8_t *slot;
    size_t len;

    st = pc_store_open((const uint8_t *)LOC, LOC_LEN);
    if (!xt_check(st >= 0, group, "first open", "pc_store_open")) {
        xt_check_rc(st, 0, group, "first open", "rc");
        return;
    }
    xt_check(pc_store_status(st) & PC_STORE_CREATED, group, "first open", "identity not created");
    xt_check_rc(pc_store_identity(st, id1, 32), 32, group, "identity", "pc_store_identity");
    st2 = pc_store_open((const uint8_t *)"phone-b", 7);
    xt_check(st2 < 0, group, "second store", "more stores than PC_MAX_STORES (1) opened");
    xt_check_rc(pc_store_close(st), PC_OK, group, "close", "pc_store_close");

    st = pc_store_open((const uint8_t *)LOC, LOC_LEN);
    xt_check(st >= 0 && pc_store_status(st) == 0, group, "reopen", "status not clean");
    xt_check(pc_store_identity(st, id2, 32) == 32 && memcmp(id1, id2, 32) == 0, group, "reopen",
             "identity changed");
    (void)pc_store_close(st);

    /* Damage one identity copy: the other is used, the damage reported and
     * the copy rewritten. */
    slot = xt_ram_flash_slot(LOC, 0, &len);
    if (xt_check(slot != NULL && len > 64, group, "damaged copy", "no identity record 0")) {
        slot[len / 2] ^= 0x10;
        st = pc_store_open((const uint8_t *)LOC, LOC_LEN);
        xt_check(st >= 0 && (pc_store_status(st) & PC_STORE_RECOVERED), group, "damaged copy",
                 "damage not reported");
        xt_check(pc_store_identity(st, id2, 32) == 32 && memcmp(id1, id2, 32) == 0, group,
                 "damaged copy", "identity changed");
        (void)pc_store_close(st);
        st = pc_store_open((const uint8_t *)LOC, LOC_LEN);
        xt_check(st >= 0 && pc_store_status(st) == 0, group, "damaged copy", "copy not repaired");
        (void)pc_store_close(st);
    }
}

/* A call to "ourselves": XX over the store identity on both sides, pin the
 * contact, then IKpsk2 with the resumption secret (one store on the device). */
static int api_handshake(const char *group, int32_t st, int pattern, int32_t contact,
                         int32_t *si, int32_t *sr)
{
    uint8_t id[32];
    int32_t i, r, n, p;

    (void)pc_store_identity(st, id, 32);
    i = pc_hs_new(st, pattern, PC_ROLE_INITIATOR, NULL, 0, pattern == PC_PATTERN_XX ? NULL : id,
                  pattern == PC_PATTERN_XX ? 0 : 32);
    r = pc_hs_new(st, pattern, PC_ROLE_RESPONDER, NULL, 0, NULL, 0);
    if (!xt_check(i >= 0 && r >= 0, group, "pc_hs_new", "store handshake")) {
        return 0;
    }
    if (pattern == PC_PATTERN_IKPSK2) {
        xt_check_rc(pc_hs_use_resumption(i, st, contact, 1), PC_OK, group, "initiator PSK",
                    "pc_hs_use_resumption");
    }
    while (pc_hs_status(i) != PC_HS_DONE || pc_hs_status(r) != PC_HS_DONE) {
        int32_t from = pc_hs_status(i) == PC_HS_WRITE ? i : r;
        int32_t to = from == i ? r : i;
        n = pc_hs_write(from, (const uint8_t *)"hi", 2, msg, (int32_t)sizeof msg, OFF);
        p = pc_hs_read(to, msg, (int32_t)sizeof msg, OFF, n, payload, (int32_t)sizeof payload);
        if (!xt_check(n > 0 && p == 2, group, "store handshake", "message")) {
            xt_check_rc(n, 1, group, "store handshake", "write rc");
            xt_check_rc(p, 2, group, "store handshake", "read rc");
            return 0;
        }
        if (pattern == PC_PATTERN_IKPSK2 && to == r && pc_hs_status(r) == PC_HS_WRITE) {
            xt_check_rc(pc_hs_use_resumption(r, st, contact, 1), PC_OK, group, "responder PSK",
                        "pc_hs_use_resumption");
        }
    }
    *si = pc_hs_split(i);
    *sr = pc_hs_split(r);
    return xt_check(*si >= 0 && *sr >= 0, group, "store handshake", "pc_hs_split");
}

static void call(const char *group)
{
    int32_t st, si, sr, contact, len;

    st = pc_store_open((const uint8_t *)LOC, LOC_LEN);
    if (!xt_check(st >= 0, group, "open", "pc_store_open")) {
        return;
    }
    if (api_handshake(group, st, PC_PATTERN_XX, -1, &si, &sr)) {
        contact = pc_contact_pin(st, si, (const uint8_t *)"me", 2, PC_CONTACT_VERIFIED);
        xt_check(contact >= 0, group, "pin", "pc_contact_pin");
        (void)pc_session_free(si);
        (void)pc_session_free(sr);
        if (contact >= 0 && api_handshake(group, st, PC_PATTERN_IKPSK2, contact, &si, &sr)) {
            len = seal_rtp(si, 0x55);
            xt_check_rc(pc_session_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len), BODY, group,
                        "IKpsk2 session packet", "open");
            xt_check_rc(pc_contact_remember(st, contact, si), PC_OK, group, "remember",
                        "pc_contact_remember");
            (void)pc_session_free(si);
            (void)pc_session_free(sr);
        }
    }
    (void)pc_store_close(st);
}

/* Power cut at several points of a contact write, then a "reboot": the store
 * opens (never corrupt) and holds either the old or the new contact book. */
static void power_cut(const char *group)
{
    static const long cuts[] = { 0, 1, 17, 100, 1000, 2000, 4000, 100000 };
    uint8_t id[32], id2[32];

    for (unsigned c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
        int32_t st = pc_store_open((const uint8_t *)LOC, LOC_LEN);
        int32_t rc;

        if (!xt_check(st >= 0, group, "open before cut", "pc_store_open")) {
            xt_check_rc(st, 0, group, "open before cut", "rc");
            return;
        }
        (void)pc_store_identity(st, id, 32);
        pci_storage_test_cut_after(cuts[c]);
        rc = pc_contact_set_flags(st, 0, c % 2 ? PC_CONTACT_VERIFIED : 0);
        pci_storage_test_cut_after(-1);
        pci_wipe_all();                  /* soft reboot: every table wiped */
        st = pc_store_open((const uint8_t *)LOC, LOC_LEN);
        xt_check(st >= 0, group, "open after cut", "store lost or corrupt after a power cut");
        xt_check(st >= 0 && pc_store_identity(st, id2, 32) == 32 && memcmp(id, id2, 32) == 0,
                 group, "open after cut", "identity changed after a power cut");
        if (cuts[c] >= 100000) {
            xt_check_rc(rc, PC_OK, group, "write without cut", "pc_contact_set_flags");
        }
        (void)pc_store_close(st);
    }
}

void xt_test_core(void)
{
    xt_run_group("core gate + pc_selftest", gate);
    xt_run_group("core Noise vectors (XX, IK, IKpsk2)", noise);
    xt_run_group("core sessions (RTP 28+160 B)", sessions);
    xt_run_group("core device limits", limits);
    xt_run_group("core key store (RAM flash)", store);
    xt_run_group("core call over the store (XX, pin, IKpsk2)", call);
    xt_run_group("core power cuts", power_cut);
}
