// SPDX-License-Identifier: MIT
/*
 * bench_core.c - the core's interop entry points on the emulated lx106,
 * production build (no test hooks), device limits, one key store.
 *
 * Handshakes are a phone calling itself: both sides use the one store's
 * identity (the device has PC_MAX_STORES = 1), so each side runs exactly
 * the production path: pc_hs_new -> pc_hs_write/read (identity DH through
 * the key store, ephemeral from the key pool) -> pc_hs_split. Each side's
 * figure is the sum of its own calls. Two variants:
 *   "pool"  the key pool was refilled beforehand (idle-time key generation,
 *           the design's intent): the side performs only its DHs;
 *   "cold"  the pool is empty: the side also generates its ephemeral key
 *           (one base-point multiplication).
 * Every pc_* call is also recorded per entry point (S| lines): the deepest
 * stack any call of that function reached.
 */
#include <string.h>

#include "bench_ops.h"
#include "g711_mulaw.h"
#include "phone_crypto_api.h"
#include "precompute.h"
#include "semihost.h"

/* ---- per entry point: deepest stack ------------------------------------------ */

#define MAX_ENTRY 48

static const char *entry_name[MAX_ENTRY];
static uint32_t entry_stack[MAX_ENTRY];
static uint32_t entry_calls[MAX_ENTRY];
static uint64_t entry_insns[MAX_ENTRY];
static int entries;

static void entry_note(const char *name, const xt_acc *one)
{
    int k;

    for (k = 0; k < entries; k++) {
        if (strcmp(entry_name[k], name) == 0) {
            break;
        }
    }
    if (k == entries) {
        if (entries == MAX_ENTRY) {
            return;
        }
        entry_name[entries++] = name;
    }
    entry_stack[k] = one->stack > entry_stack[k] ? one->stack : entry_stack[k];
    entry_insns[k] = one->insns > entry_insns[k] ? one->insns : entry_insns[k];
    entry_calls[k]++;
}

/* One API call: measured on its own, added to the side's total, noted per entry point. */
#define XT_CALL(acc, fn, call)                                \
    do {                                                      \
        xt_acc one_ = { 0 };                                  \
        XT_MEASURE(&one_, call);                              \
        entry_note(#fn, &one_);                               \
        if ((acc) != NULL) {                                  \
            (acc)->insns += one_.insns;                       \
            (acc)->muls += one_.muls;                         \
            (acc)->stack = one_.stack > (acc)->stack ? one_.stack : (acc)->stack; \
            (acc)->calls++;                                   \
        }                                                     \
    } while (0)

static void expect(int ok, const char *what, int32_t rc)
{
    if (!ok) {
        xt_bench_fail(what, rc);
    }
}

/* ---- state ----------------------------------------------------------------------- */

#define LOC "bench-phone"
#define LOC_LEN 11
#define HDR 28          /* 16-byte native header + 12-byte RTP header */
#define BODY 160        /* 20 ms of G.711: a 172-byte RTP packet */
#define PAYLOAD 32      /* handshake payload per message (e.g. a commitment) */

static int32_t store = -1;
static int32_t contact = -1;
static uint8_t identity[32];
static uint8_t msg[PC_MAX_HS_MSG_LEN];
static uint8_t payload[PC_MAX_HS_MSG_LEN];
static uint8_t pkt[HDR + BODY + PC_TAG_LEN];
static const uint8_t hs_payload[PAYLOAD] = { 'b', 'e', 'n', 'c', 'h' };

/* One handshake message: written by `from` (into *wacc), read by `to` (into *racc). */
static void relay(int32_t from, xt_acc *wacc, int32_t to, xt_acc *racc)
{
    int32_t n = 0, p = 0;

    XT_CALL(wacc, pc_hs_write,
            n = pc_hs_write(from, hs_payload, PAYLOAD, msg, (int32_t)sizeof msg, 0));
    expect(n > 0, "pc_hs_write", n);
    XT_CALL(racc, pc_hs_read,
            p = pc_hs_read(to, msg, (int32_t)sizeof msg, 0, n, payload, (int32_t)sizeof payload));
    expect(p == PAYLOAD, "pc_hs_read", p);
}

/* A whole handshake of `pattern`; each side's instructions into *ini / *res.
 * Returns the two sessions. */
static void handshake(int pattern, xt_acc *ini, xt_acc *res, int32_t *si, int32_t *sr)
{
    int ik = pattern != PC_PATTERN_XX;
    int32_t i = 0, r = 0, rc = 0;

    XT_CALL(ini, pc_hs_new, i = pc_hs_new(store, pattern, PC_ROLE_INITIATOR, NULL, 0,
                                          ik ? identity : NULL, ik ? 32 : 0));
    expect(i >= 0, "pc_hs_new initiator", i);
    XT_CALL(res, pc_hs_new, r = pc_hs_new(store, pattern, PC_ROLE_RESPONDER, NULL, 0, NULL, 0));
    expect(r >= 0, "pc_hs_new responder", r);
    if (pattern == PC_PATTERN_IKPSK2) {
        XT_CALL(ini, pc_hs_use_resumption, rc = pc_hs_use_resumption(i, store, contact, 1));
        expect(rc == PC_OK, "pc_hs_use_resumption initiator", rc);
    }
    relay(i, ini, r, res);                                 /* -> e, (es, s, ss) */
    if (pattern == PC_PATTERN_IKPSK2) {
        XT_CALL(res, pc_hs_use_resumption, rc = pc_hs_use_resumption(r, store, contact, 1));
        expect(rc == PC_OK, "pc_hs_use_resumption responder", rc);
    }
    relay(r, res, i, ini);                                 /* <- e, ee, (s, es | se) */
    if (pattern == PC_PATTERN_XX) {
        relay(i, ini, r, res);                             /* -> s, se */
    }
    XT_CALL(ini, pc_hs_split, *si = pc_hs_split(i));
    expect(*si >= 0, "pc_hs_split initiator", *si);
    XT_CALL(res, pc_hs_split, *sr = pc_hs_split(r));
    expect(*sr >= 0, "pc_hs_split responder", *sr);
}

static void free_sessions(int32_t si, int32_t sr)
{
    int32_t rc = 0;
    XT_CALL((xt_acc *)NULL, pc_session_free, rc = pc_session_free(si));
    XT_CALL((xt_acc *)NULL, pc_session_free, rc = pc_session_free(sr));
    (void)rc;
}

static void drain_pool(void)
{
    int32_t si, sr;
    xt_acc scratch = { 0 };

    while (pc_pool_ready() > 0) {
        handshake(PC_PATTERN_XX, &scratch, &scratch, &si, &sr);
        free_sessions(si, sr);
    }
}

static void fill_pool(void)
{
    int32_t rc = 0;
    XT_CALL((xt_acc *)NULL, pc_pool_refill, rc = pc_pool_refill());
    expect(rc >= 2, "pc_pool_refill", rc);
}

/* ---- the measurements ------------------------------------------------------------ */

static void setup(void)
{
    xt_acc st = { 0 }, open1 = { 0 }, open2 = { 0 };
    int32_t rc = 0;

    pci_precomp_set_limit(0); /* today's path throughout; bench_precomp.c compares both */
    XT_CALL(&st, pc_selftest, rc = pc_selftest());
    expect(rc == PC_OK, "pc_selftest", rc);
    xt_report("selftest", "pc_selftest (KATs + loopback XX + one packet)", &st);

    XT_CALL(&open1, pc_store_open, store = pc_store_open((const uint8_t *)LOC, LOC_LEN));
    expect(store >= 0, "pc_store_open (first boot)", store);
    xt_report("store_create", "pc_store_open, first boot (identity created, 2 copies sealed)",
              &open1);
    XT_CALL((xt_acc *)NULL, pc_store_close, rc = pc_store_close(store));
    XT_CALL(&open2, pc_store_open, store = pc_store_open((const uint8_t *)LOC, LOC_LEN));
    expect(store >= 0, "pc_store_open", store);
    xt_report("store_open", "pc_store_open, existing store (2 identity copies unsealed)", &open2);
    XT_CALL((xt_acc *)NULL, pc_store_identity, rc = pc_store_identity(store, identity, 32));
    expect(rc == 32, "pc_store_identity", rc);
}

static void bench_handshakes(void)
{
    static const struct {
        int pattern;
        const char *id;
        const char *name;
    } pats[] = {
        { PC_PATTERN_XX, "xx", "XX" },
        { PC_PATTERN_IK, "ik", "IK" },
        { PC_PATTERN_IKPSK2, "ikpsk2", "IKpsk2" },
    };
    static char id[40], label[96];
    int32_t si, sr, rc = 0;

    for (unsigned p = 0; p < sizeof pats / sizeof pats[0]; p++) {
        for (int cold = 0; cold < 2; cold++) {
            xt_acc ini = { 0 }, res = { 0 };

            if (cold) {
                drain_pool();
            } else {
                fill_pool();
            }
            handshake(pats[p].pattern, &ini, &res, &si, &sr);
            for (int side = 0; side < 2; side++) {
                /* id: <pattern>_<init|resp>_<pool|cold> */
                strcpy(id, pats[p].id);
                strcat(id, side ? "_resp" : "_init");
                strcat(id, cold ? "_cold" : "_pool");
                strcpy(label, pats[p].name);
                strcat(label, side ? " responder" : " initiator");
                strcat(label, cold ? ", ephemeral generated in the call"
                                   : ", ephemeral from the refilled pool");
                xt_report(id, label, side ? &res : &ini);
            }
            if (pats[p].pattern == PC_PATTERN_XX && contact < 0) {
                xt_acc pin = { 0 };
                XT_CALL(&pin, pc_contact_pin,
                        contact = pc_contact_pin(store, si, (const uint8_t *)"me", 2, 0));
                expect(contact >= 0, "pc_contact_pin", contact);
                xt_report("contact_pin", "pc_contact_pin (one sealed flash write)", &pin);
            }
            if (pats[p].pattern == PC_PATTERN_IKPSK2 && cold) {
                xt_acc rem = { 0 };
                XT_CALL(&rem, pc_contact_remember, rc = pc_contact_remember(store, contact, si));
                expect(rc == PC_OK, "pc_contact_remember", rc);
                xt_report("contact_remember", "pc_contact_remember (one sealed flash write)",
                          &rem);
            }
            free_sessions(si, sr);
        }
    }
}

static int32_t seal_rtp(int32_t s, xt_acc *acc)
{
    int32_t len = 0;

    memset(pkt, 0, sizeof pkt);
    pkt[0] = 1;
    pkt[1] = 2;
    memset(pkt + 16, 0x80, 12);
    memset(pkt + HDR, 0x55, BODY);
    XT_CALL(acc, pc_session_seal,
            len = pc_session_seal(s, pkt, (int32_t)sizeof pkt, 0, HDR, BODY));
    expect(len == (int32_t)sizeof pkt, "pc_session_seal", len);
    return len;
}

/* One 20 ms frame each way through the media calls, as the firmware makes them. */
static void bench_media(void)
{
    static uint8_t pcm[PC_MEDIA_FRAME_SAMPLES * PC_SAMPLE_I2S32];
    static uint8_t played[PC_MEDIA_FRAME_SAMPLES * 4];
    static uint8_t codes[PC_MEDIA_FRAME_SAMPLES];
    xt_acc seal = { 0 }, seal32 = { 0 }, open = { 0 }, conceal = { 0 }, enc = { 0 }, dec = { 0 };
    int32_t si, sr, len = 0, rc = 0;

    for (unsigned k = 0; k < sizeof pcm; k++) {
        pcm[k] = (uint8_t)(k * 37u + 11u);          /* every segment, both signs */
    }
    handshake(PC_PATTERN_XX, &seal, &open, &si, &sr);   /* scratch */
    seal = open = (xt_acc){ 0 };
    memset(pkt, 0, sizeof pkt);
    pkt[0] = 1;
    memset(pkt + 16, 0x80, 12);
    XT_CALL(&seal, pc_media_seal,
            len = pc_media_seal(si, pcm, (int32_t)sizeof pcm, 0, PC_SAMPLE_PCM16, BODY, pkt,
                                (int32_t)sizeof pkt, 0, HDR));
    expect(len == (int32_t)sizeof pkt, "pc_media_seal", len);
    XT_CALL(&open, pc_media_open,
            rc = pc_media_open(sr, pkt, len, 0, HDR, len, played, (int32_t)sizeof played, 0, BODY));
    expect(rc == BODY, "pc_media_open", rc);
    XT_CALL(&seal32, pc_media_seal,
            len = pc_media_seal(si, pcm, (int32_t)sizeof pcm, 0, PC_SAMPLE_I2S32, BODY, pkt,
                                (int32_t)sizeof pkt, 0, HDR));
    expect(len == (int32_t)sizeof pkt, "pc_media_seal (I2S slots)", len);
    XT_CALL(&conceal, pc_media_conceal,
            rc = pc_media_conceal(played, (int32_t)sizeof played, 0, 2 * BODY, BODY, 181));
    expect(rc == BODY, "pc_media_conceal", rc);
    XT_MEASURE(&enc, pci_mulaw_encode_frame(pcm, 2, BODY, codes));   /* internal: no entry point */
    XT_MEASURE(&dec, pci_mulaw_decode_frame(codes, BODY, played));
    xt_report("media_seal", "pc_media_seal, 160 PCM16 samples -> 172-byte sealed RTP packet", &seal);
    xt_report("media_open", "pc_media_open, same packet -> 160 PCM16 samples", &open);
    xt_report("media_seal_i2s", "pc_media_seal from 32-bit I2S slots", &seal32);
    xt_report("media_conceal", "pc_media_conceal, one frame", &conceal);
    xt_report("mulaw_encode", "G.711 encode, 160 samples", &enc);
    xt_report("mulaw_decode", "G.711 decode, 160 samples", &dec);
    free_sessions(si, sr);
}

static void bench_packets(void)
{
    static uint8_t copy[sizeof pkt];
    xt_acc seal = { 0 }, open = { 0 }, forged = { 0 }, replay = { 0 }, ratchet = { 0 };
    xt_acc offer = { 0 }, accept = { 0 }, complete = { 0 };
    uint8_t e1[32], e2[32];
    int32_t si, sr, len, rc = 0;

    fill_pool();
    handshake(PC_PATTERN_XX, &seal, &open, &si, &sr);   /* scratch */
    seal = open = (xt_acc){ 0 };

    len = seal_rtp(si, &seal);
    memcpy(copy, pkt, sizeof pkt);
    XT_CALL(&open, pc_session_open,
            rc = pc_session_open(sr, pkt, (int32_t)sizeof pkt, 0, HDR, len));
    expect(rc == BODY, "pc_session_open", rc);
    xt_report("pkt_seal", "pc_session_seal, 172-byte RTP packet (28 B header + 160 B body)", &seal);
    xt_report("pkt_open", "pc_session_open, same packet", &open);

    memcpy(pkt, copy, sizeof pkt);
    XT_CALL(&replay, pc_session_open,
            rc = pc_session_open(sr, pkt, (int32_t)sizeof pkt, 0, HDR, len));
    expect(rc == PC_E_REPLAY, "replayed pc_session_open", rc);
    xt_report("pkt_replay", "pc_session_open of a replayed packet (rejected before the AEAD)",
              &replay);
    len = seal_rtp(si, NULL);
    pkt[HDR + 3] ^= 1;
    XT_CALL(&forged, pc_session_open,
            rc = pc_session_open(sr, pkt, (int32_t)sizeof pkt, 0, HDR, len));
    expect(rc == PC_E_AUTH, "forged pc_session_open", rc);
    xt_report("pkt_forged", "pc_session_open of a forged packet (tag fails)", &forged);

    XT_CALL(&ratchet, pc_session_ratchet, rc = pc_session_ratchet(si));
    expect(rc == PC_OK, "pc_session_ratchet", rc);
    xt_report("ratchet", "pc_session_ratchet (symmetric epoch step)", &ratchet);

    XT_CALL(&offer, pc_session_rekey_offer, rc = pc_session_rekey_offer(si, e1, 32));
    expect(rc >= 0, "pc_session_rekey_offer", rc);
    XT_CALL(&accept, pc_session_rekey_accept, rc = pc_session_rekey_accept(sr, e1, 32, e2, 32));
    expect(rc >= 0, "pc_session_rekey_accept", rc);
    XT_CALL(&complete, pc_session_rekey_complete, rc = pc_session_rekey_complete(si, e2, 32));
    expect(rc >= 0, "pc_session_rekey_complete", rc);
    xt_report("rekey_offer", "pc_session_rekey_offer (pool key)", &offer);
    xt_report("rekey_accept", "pc_session_rekey_accept (pool key + 1 DH + HKDF)", &accept);
    xt_report("rekey_complete", "pc_session_rekey_complete (1 DH + HKDF)", &complete);
    free_sessions(si, sr);
}

/* Every other entry point once, for the per-entry-point stack table. */
static void bench_rest(void)
{
    static uint8_t buf[PC_CONTACT_RECORD_LEN + 64];
    xt_acc *none = NULL;
    int32_t rc = 0, i = 0, r = 0, si, sr;

    XT_CALL(none, pc_api_version, rc = pc_api_version());
    XT_CALL(none, pc_hash, rc = pc_hash(pkt, 64, buf, 64));
    expect(rc == 64, "pc_hash", rc);
    XT_CALL(none, pc_random, rc = pc_random(buf, 32));
    expect(rc == 32, "pc_random", rc);
    XT_CALL(none, pc_pool_ready, rc = pc_pool_ready());
    XT_CALL(none, pc_store_status, rc = pc_store_status(store));
    XT_CALL(none, pc_contact_capacity, rc = pc_contact_capacity());
    XT_CALL(none, pc_contact_read, rc = pc_contact_read(store, contact, buf, PC_CONTACT_RECORD_LEN));
    expect(rc >= 0, "pc_contact_read", rc);
    XT_CALL(none, pc_contact_find, rc = pc_contact_find(store, identity, 32));
    expect(rc == contact, "pc_contact_find", rc);
    XT_CALL(none, pc_contact_set_flags, rc = pc_contact_set_flags(store, contact, PC_CONTACT_VERIFIED));
    expect(rc >= 0, "pc_contact_set_flags", rc);

    XT_CALL(none, pc_hs_new, i = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, 0));
    XT_CALL(none, pc_hs_new, r = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, 0));
    expect(i >= 0 && r >= 0, "pc_hs_new", i < 0 ? i : r);
    relay(i, none, r, none);
    relay(r, none, i, none);
    XT_CALL(none, pc_hs_status, rc = pc_hs_status(i));
    XT_CALL(none, pc_hs_hash, rc = pc_hs_hash(i, buf, 64));
    XT_CALL(none, pc_hs_remote_static, rc = pc_hs_remote_static(i, buf, 32));
    relay(i, none, r, none);
    XT_CALL(none, pc_hs_split, si = pc_hs_split(i));
    XT_CALL(none, pc_hs_split, sr = pc_hs_split(r));
    expect(si >= 0 && sr >= 0, "pc_hs_split", si < 0 ? si : sr);
    XT_CALL(none, pc_session_info, rc = pc_session_info(sr, buf, 4));
    XT_CALL(none, pc_session_forget_previous, rc = pc_session_forget_previous(sr));
    free_sessions(si, sr);
    XT_CALL(none, pc_hs_new, i = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, 0));
    XT_CALL(none, pc_hs_free, rc = pc_hs_free(i));
    expect(rc == PC_OK, "pc_hs_free", rc);
    XT_CALL(none, pc_contact_forget, rc = pc_contact_forget(store, contact));
    expect(rc >= 0, "pc_contact_forget", rc);
}

/* Data dependence: the same handshake with other identities and ephemerals. */
static void bench_spread(void)
{
    static const int pats[] = { PC_PATTERN_XX, PC_PATTERN_IK };
    static const char *const ids[] = { "xx", "ik" };

    for (unsigned p = 0; p < 2; p++) {
        uint64_t min[2] = { UINT64_MAX, UINT64_MAX }, max[2] = { 0, 0 };

        for (unsigned run = 0; run < XT_SPREAD_RUNS; run++) {
            xt_acc ini = { 0 }, res = { 0 };
            int32_t si, sr;

            xt_seed(1000 + 10 * p + run);       /* new identity and ephemerals */
            XT_CALL((xt_acc *)NULL, pc_store_factory_reset,
                    store = pc_store_factory_reset(store, NULL, 0));
            expect(store >= 0, "pc_store_factory_reset", store);
            (void)pc_store_identity(store, identity, 32);
            fill_pool();
            handshake(pats[p], &ini, &res, &si, &sr);
            free_sessions(si, sr);
            min[0] = ini.insns < min[0] ? ini.insns : min[0];
            max[0] = ini.insns > max[0] ? ini.insns : max[0];
            min[1] = res.insns < min[1] ? res.insns : min[1];
            max[1] = res.insns > max[1] ? res.insns : max[1];
        }
        xt_report_spread(p ? "ik_init" : "xx_init", p ? "IK initiator, different identities and ephemerals"
                                                     : "XX initiator, different identities and ephemerals",
                         XT_SPREAD_RUNS, min[0], max[0]);
        xt_report_spread(p ? "ik_resp" : "xx_resp", p ? "IK responder, different identities and ephemerals"
                                                     : "XX responder, different identities and ephemerals",
                         XT_SPREAD_RUNS, min[1], max[1]);
        (void)ids;
    }
}

static void report_entries(void)
{
    for (int k = 0; k < entries; k++) {
        xt_puts("S|");
        xt_puts(entry_name[k]);
        xt_putc('|');
        xt_putu(entry_stack[k]);
        xt_putc('|');
        xt_putu(entry_calls[k]);
        xt_putc('|');
        xt_putu(entry_insns[k]);
        xt_putc('\n');
    }
}

int32_t xt_bench_store(void)
{
    return store;
}

void xt_bench_core(void)
{
    setup();
    bench_handshakes();
    bench_packets();
    bench_media();
    bench_rest();
    bench_spread();
    report_entries();
}
