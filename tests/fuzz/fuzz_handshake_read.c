// SPDX-License-Identifier: MIT
/*
 * fuzz_handshake_read.c - libFuzzer target for pc_hs_read, the parser of
 * every handshake message a peer (or an attacker) sends.
 *
 * Input: byte 0 picks a scenario (pattern and which message is read); the
 * rest is the message. The handshake is brought to that point with fixed
 * keys (test hooks), so runs are reproducible. The reader's state at that
 * point is made once per scenario and kept as a snapshot; every input starts
 * from it restored into the live reader (the same state a fresh setup gives,
 * without a dozen X25519 operations per input). Besides the sanitizers, the
 * target checks the module's promise: a refused message changes nothing,
 * so the genuine message is still accepted afterwards.
 *
 * Built with -DPC_FUZZ_SEEDS instead, main() writes the genuine message of
 * every scenario as a seed file into the directory given as argv[1].
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_table.h"
#include "phone_crypto_api.h"
#include "test_hooks.h"

typedef struct scenario {
    int pattern;
    int message; /* index of the message fed to the reader */
} scenario;

static const scenario SCENARIOS[] = {
    {PC_PATTERN_XX, 0},     {PC_PATTERN_XX, 1},     {PC_PATTERN_XX, 2},
    {PC_PATTERN_IK, 0},     {PC_PATTERN_IK, 1},     {PC_PATTERN_IKPSK2, 0},
    {PC_PATTERN_IKPSK2, 1},
};
#define SCENARIO_COUNT (sizeof SCENARIOS / sizeof SCENARIOS[0])

/* Fixed test keys (public test data, not secrets of anything). */
static uint8_t key_bytes(int which, int i)
{
    return (uint8_t)(which * 37 + i * 11 + 1);
}

typedef struct setup {
    int32_t init, resp, reader;
    uint8_t genuine[PC_MAX_HS_MSG_LEN];
    int32_t genuine_len;
} setup;

static int32_t new_side(int pattern, int role, const uint8_t rs[32])
{
    uint8_t s[32], e[32], psk[32];
    for (int i = 0; i < 32; i++) {
        s[i] = key_bytes(role, i);
        e[i] = key_bytes(role + 2, i);
        psk[i] = key_bytes(5, i);
    }
    return pc_test_hs_new(pattern, role, (const uint8_t *)"fuzz", 4, s, e,
                          role == PC_ROLE_INITIATOR && pattern != PC_PATTERN_XX ? rs : NULL,
                          pattern == PC_PATTERN_IKPSK2 ? psk : NULL);
}

/* The responder's static public key, for IK initiators. */
static void responder_public(uint8_t pub[32])
{
    int32_t r = new_side(PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL);
    int32_t i = new_side(PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL);
    uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
    int32_t n = pc_hs_write(i, NULL, 0, msg, sizeof msg, 0);
    pc_hs_read(r, msg, n, 0, n, payload, sizeof payload);
    n = pc_hs_write(r, NULL, 0, msg, sizeof msg, 0);
    pc_hs_read(i, msg, n, 0, n, payload, sizeof payload);
    pc_hs_remote_static(i, pub, 32);
    pc_hs_free(i);
    pc_hs_free(r);
}

/* Plays the genuine messages before sc->message; the next one is kept. */
static int prepare(const scenario *sc, setup *st)
{
    uint8_t rs[32], payload[PC_MAX_HS_MSG_LEN];
    responder_public(rs);
    st->init = new_side(sc->pattern, PC_ROLE_INITIATOR, rs);
    st->resp = new_side(sc->pattern, PC_ROLE_RESPONDER, NULL);
    for (int m = 0; m <= sc->message; m++) {
        int32_t tx = m % 2 == 0 ? st->init : st->resp;
        st->reader = m % 2 == 0 ? st->resp : st->init;
        st->genuine_len = pc_hs_write(tx, (const uint8_t *)"payload", 7, st->genuine,
                                      sizeof st->genuine, 0);
        if (st->genuine_len < 0)
            return -1;
        if (m < sc->message && pc_hs_read(st->reader, st->genuine, st->genuine_len, 0,
                                          st->genuine_len, payload, sizeof payload) < 0)
            return -1;
    }
    return 0;
}

#ifndef PC_FUZZ_SEEDS

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (pc_selftest() != PC_OK)
        abort();
    return 0;
}

static void public_view(int32_t hs, uint8_t view[65])
{
    view[0] = (uint8_t)pc_hs_status(hs);
    pc_hs_hash(hs, view + 1, 64);
}

/* Each scenario's reader (kept live) and its state before the read. */
typedef struct snapshot {
    int ready;
    setup st;
    pc_handshake reader;
} snapshot;

static snapshot s_snapshots[SCENARIO_COUNT];

static const snapshot *snapshot_for(size_t index)
{
    snapshot *snap = &s_snapshots[index];
    if (!snap->ready) {
        if (prepare(&SCENARIOS[index], &snap->st) != 0)
            abort();
        pc_hs_free(snap->st.reader == snap->st.init ? snap->st.resp : snap->st.init);
        snap->reader = *pci_hs_table_get(snap->st.reader);
        snap->ready = 1;
    }
    return snap;
}

static void restore(const snapshot *snap)
{
    pc_handshake *live = pci_hs_table_get(snap->st.reader);
    if (live == NULL)
        abort();
    *live = snap->reader;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t payload[PC_MAX_HS_MSG_LEN + 64];
    uint8_t before[65], after[65];

    if (size < 1 || size > 4096)
        return 0;
    const snapshot *snap = snapshot_for(data[0] % SCENARIO_COUNT);
    const setup *st = &snap->st;
    restore(snap);
    public_view(st->reader, before);
    int32_t rc = pc_hs_read(st->reader, data + 1, (int32_t)(size - 1), 0, (int32_t)(size - 1),
                            payload, sizeof payload);
    if (rc < 0) {
        public_view(st->reader, after);
        if (memcmp(before, after, sizeof before) != 0)
            abort(); /* a refused message changed the handshake */
        if (pc_hs_read(st->reader, st->genuine, st->genuine_len, 0, st->genuine_len, payload,
                       sizeof payload) != 7)
            abort(); /* ... or broke the genuine one */
    }
    return 0;
}

#else

static void finish(setup *st)
{
    pc_hs_free(st->init);
    pc_hs_free(st->resp);
}

int main(int argc, char **argv)
{
    if (argc != 2 || pc_selftest() != PC_OK)
        return 2;
    for (size_t i = 0; i < SCENARIO_COUNT; i++) {
        setup st;
        char path[512];
        if (prepare(&SCENARIOS[i], &st) != 0)
            return 1;
        snprintf(path, sizeof path, "%s/seed-%zu", argv[1], i);
        FILE *f = fopen(path, "wb");
        uint8_t selector = (uint8_t)i;
        if (f == NULL || fwrite(&selector, 1, 1, f) != 1
            || fwrite(st.genuine, 1, (size_t)st.genuine_len, f) != (size_t)st.genuine_len)
            return 1;
        fclose(f);
        finish(&st);
    }
    return 0;
}

#endif
