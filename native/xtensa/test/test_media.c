// SPDX-License-Identifier: MIT
/*
 * test_media.c - the G.711 µ-law codec and the one-call-per-frame media
 * entry points on the emulated lx106: ITU-T G.711 Table 2a's outputs and
 * intervals (the same segment rows as tests/native/test_g711.cpp), and a
 * frame sealed from PCM and opened to PCM through a session pair, with the
 * PCM and the packet at odd offsets.
 */
#include <string.h>

#include "g711_mulaw.h"
#include "phone_crypto_api.h"
#include "test_groups.h"
#include "test_hooks.h"
#include "xt_test.h"

#define OFF 3
#define HDR 28
#define FRAME PC_MEDIA_FRAME_SAMPLES

/* G.711 Table 2a, per segment: first decision value, interval width, first output. */
static const int16_t table2a[8][3] = {
    { 0, 2, 0 },       { 31, 4, 33 },     { 95, 8, 99 },       { 223, 16, 231 },
    { 479, 32, 495 },  { 991, 64, 1023 }, { 2015, 128, 2079 }, { 4063, 256, 4191 },
};

static uint8_t msg[PC_MAX_HS_MSG_LEN];
static uint8_t payload[PC_MAX_HS_MSG_LEN];
static uint8_t pkt[OFF + HDR + FRAME + PC_TAG_LEN + 8];
static uint8_t pcm[OFF + 2 * FRAME];
static uint8_t out[OFF + 2 * FRAME];

static void table(const char *group)
{
    int bad_out = 0, bad_in = 0;

    for (int n = 0; n < 128; n++) {
        const int16_t *row = table2a[n / 16];
        int step = n % 16, output = row[2] + row[1] * step;
        int lo = n == 0 ? 0 : n < 16 ? 2 * step - 1 : row[0] + row[1] * step;
        int hi = n == 0 ? 1 : lo + (n < 16 ? 2 : row[1]);
        uint8_t pos = (uint8_t)(0xFF - n), neg = (uint8_t)(0x7F - n);
        bad_out += pci_mulaw_decode(pos) != 4 * output || pci_mulaw_decode(neg) != -4 * output;
        for (int x = lo + 1; x < hi; x++) {
            bad_in += pci_mulaw_encode((int16_t)(4 * x)) != pos
                      || pci_mulaw_encode((int16_t)(-4 * x)) != neg;
        }
    }
    xt_check(bad_out == 0, group, "Table 2a decoder outputs", "an output differs");
    xt_check(bad_in == 0, group, "Table 2a intervals", "an input coded outside its interval");
}

static int pair(const char *group, int32_t *si, int32_t *sr)
{
    int32_t i = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, NULL, NULL, NULL);
    int32_t r = pc_test_hs_new(PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, NULL, NULL, NULL);
    if (!xt_check(i >= 0 && r >= 0, group, "session pair", "pc_test_hs_new")) {
        return 0;
    }
    for (int turn = 0; turn < 3; turn++) {
        int32_t from = turn % 2 == 0 ? i : r, to = from == i ? r : i;
        int32_t n = pc_hs_write(from, NULL, 0, msg, (int32_t)sizeof msg, 0);
        if (!xt_check(n > 0 && pc_hs_read(to, msg, n, 0, n, payload, (int32_t)sizeof payload) == 0,
                      group, "session pair", "handshake message")) {
            return 0;
        }
    }
    *si = pc_hs_split(i);
    *sr = pc_hs_split(r);
    return xt_check(*si >= 0 && *sr >= 0, group, "session pair", "pc_hs_split");
}

static void frames(const char *group)
{
    int32_t si, sr, len, got;
    int bad = 0;

    if (!pair(group, &si, &sr)) {
        return;
    }
    for (int k = 0; k < FRAME; k++) {
        int16_t s = (int16_t)(k * 409 - 32768);
        pcm[OFF + 2 * k] = (uint8_t)((uint16_t)s & 0xFF);
        pcm[OFF + 2 * k + 1] = (uint8_t)((uint16_t)s >> 8);
    }
    memset(pkt, 0, sizeof pkt);
    pkt[OFF] = 1;
    memset(pkt + OFF + 16, 0x80, 12);
    len = pc_media_seal(si, pcm, (int32_t)sizeof pcm, OFF, PC_SAMPLE_PCM16, FRAME, pkt,
                        (int32_t)sizeof pkt, OFF, HDR);
    xt_check_rc(len, HDR + FRAME + PC_TAG_LEN, group, "pc_media_seal", "packet length");
    pkt[OFF + HDR + 7] ^= 1;
    memset(out, 0xEE, sizeof out);
    xt_check_rc(pc_media_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len, out, (int32_t)sizeof out,
                              OFF, FRAME),
                PC_E_AUTH, group, "forged frame", "accepted");
    xt_check(out[OFF] == 0xEE && out[OFF + 2 * FRAME - 1] == 0xEE, group, "forged frame",
             "PCM written");
    pkt[OFF + HDR + 7] ^= 1;
    got = pc_media_open(sr, pkt, (int32_t)sizeof pkt, OFF, HDR, len, out, (int32_t)sizeof out, OFF,
                        FRAME);
    xt_check_rc(got, FRAME, group, "pc_media_open", "samples");
    for (int k = 0; k < FRAME; k++) {
        int16_t s = (int16_t)(k * 409 - 32768);
        int16_t want = pci_mulaw_decode(pci_mulaw_encode(s));
        int16_t have = (int16_t)(uint16_t)(out[OFF + 2 * k] | out[OFF + 2 * k + 1] << 8);
        bad += have != want;
    }
    xt_check(bad == 0, group, "frame round trip", "a sample differs from decode(encode(x))");
    xt_check_rc(pc_session_free(si), PC_OK, group, "free", "pc_session_free");
    xt_check_rc(pc_session_free(sr), PC_OK, group, "free", "pc_session_free");
}

void xt_test_media(void)
{
    xt_run_group("media G.711 Table 2a", table);
    xt_run_group("media frame seal/open (PCM at odd offsets)", frames);
}
