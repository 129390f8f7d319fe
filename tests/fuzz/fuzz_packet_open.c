// SPDX-License-Identifier: MIT
/*
 * fuzz_packet_open.c - libFuzzer target for pc_session_open, the parser of
 * every media and control packet a peer (or an attacker) sends.
 *
 * Input: byte 0 picks the receiver's situation (see setup_for), the rest is
 * the packet. For each situation a session pair with fixed keys is made
 * once, the sender seals a few genuine packets and the receiver is brought
 * to the chosen state; that receiver state is kept as a snapshot, and every
 * input starts from it restored into one live session (as if set up afresh,
 * without the re-key's X25519 work per input: the campaign needs the
 * speed). Then the input is opened. Beyond the sanitizers it checks:
 *   - an accepted packet is byte for byte one the sender sealed and not yet
 *     delivered, and opens to that packet's body (no forgery, no replay);
 *   - a refused packet leaves the buffer and the session as they were: the
 *     genuine packets still open afterwards.
 *
 * Built with -DPC_FUZZ_SEEDS, main() writes each situation's genuine
 * packets as seeds into the directory argv[1].
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phone_crypto_api.h"
#include "transport.h"
#include "transport_state.h"

#define GENUINE 4
#define BODY_LEN 24
#define MAX_PKT (PC_MAX_PACKET_LEN + 64)

typedef struct packet {
    uint8_t bytes[MAX_PKT];
    int32_t len;
    int delivered;
} packet;

typedef struct setup {
    int32_t tx, rx;
    int32_t hdr_len;
    packet genuine[GENUINE];
} setup;

/* Fixed keys (public test data, so a crash reproduces), different for
 * every situation: a packet sealed in one situation must not count as a
 * forgery accepted in another. */
static void fixed_split(pc_split_result *s, int role, uint8_t situation)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < 32; i++) {
        s->k_i2r[i] = (uint8_t)(i * 7 + 1 + situation);
        s->k_r2i[i] = (uint8_t)(i * 13 + 5 + situation);
        s->root[i] = (uint8_t)(i * 3 + 9 + situation);
    }
    s->role = (uint8_t)role;
}

static int seal_genuine(setup *st, int k)
{
    packet *p = &st->genuine[k];
    memset(p->bytes, 0, sizeof p->bytes);
    p->bytes[0] = 1;
    p->bytes[1] = (uint8_t)(0x40 + k);
    for (int i = 0; i < BODY_LEN; i++)
        p->bytes[st->hdr_len + i] = (uint8_t)(k * 31 + i);
    p->len = pc_session_seal(st->tx, p->bytes, MAX_PKT, 0, st->hdr_len, BODY_LEN);
    p->delivered = 0;
    return p->len > 0 ? 0 : -1;
}

static int32_t open_copy(const setup *st, const packet *p, uint8_t *out)
{
    memcpy(out, p->bytes, (size_t)p->len);
    return pc_session_open(st->rx, out, p->len, 0, st->hdr_len, p->len);
}

/* The sender seals two packets, changes key as the situation says, seals
 * two more. situation: bit 0 ratchet, bit 1 DH re-key, bit 2 genuine[0]
 * already delivered, bits 3-4 header length 16 + 4n. */
static int setup_for(uint8_t situation, setup *st)
{
    pc_split_result a, b;
    uint8_t e1[32], e2[32], scratch[MAX_PKT];
    fixed_split(&a, PC_ROLE_INITIATOR, situation);
    fixed_split(&b, PC_ROLE_RESPONDER, situation);
    st->tx = pci_transport_create(&a);
    st->rx = pci_transport_create(&b);
    st->hdr_len = PC_PKT_MIN_HDR_LEN + 4 * ((situation >> 3) & 3);
    int ok = st->tx >= 0 && st->rx >= 0 && seal_genuine(st, 0) == 0 && seal_genuine(st, 1) == 0;
    if (ok && (situation & 1))
        ok = pc_session_ratchet(st->tx) == PC_OK;
    if (ok && (situation & 2))
        ok = pc_session_rekey_offer(st->tx, e1, 32) == 32
             && pc_session_rekey_accept(st->rx, e1, 32, e2, 32) == 32
             && pc_session_rekey_complete(st->tx, e2, 32) == PC_OK;
    ok = ok && seal_genuine(st, 2) == 0 && seal_genuine(st, 3) == 0;
    if (ok && (situation & 4)) {
        ok = open_copy(st, &st->genuine[0], scratch) == BODY_LEN;
        st->genuine[0].delivered = 1;
    }
    return ok ? 0 : -1;
}

static void finish(setup *st)
{
    pc_session_free(st->tx);
    pc_session_free(st->rx);
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

/* The genuine, undelivered packet equal to the input, or NULL. */
static packet *genuine_match(setup *st, const uint8_t *pkt, size_t len)
{
    for (int k = 0; k < GENUINE; k++) {
        packet *p = &st->genuine[k];
        if (!p->delivered && (size_t)p->len == len && memcmp(p->bytes, pkt, len) == 0)
            return p;
    }
    return NULL;
}

static void check_accepted(setup *st, const uint8_t *input, const uint8_t *opened, size_t len,
                           int32_t rc)
{
    packet *p = genuine_match(st, input, len);
    if (p == NULL || rc != BODY_LEN)
        abort(); /* accepted a packet the sender never sealed, or twice */
    for (int i = 0; i < BODY_LEN; i++) {
        if (opened[st->hdr_len + i] != (uint8_t)((p - st->genuine) * 31 + i))
            abort(); /* opened to the wrong plaintext */
    }
    p->delivered = 1;
}

/* After a refusal every undelivered genuine packet must still open. */
static void check_unchanged(setup *st)
{
    static uint8_t scratch[MAX_PKT];
    for (int k = 0; k < GENUINE; k++) {
        if (!st->genuine[k].delivered && open_copy(st, &st->genuine[k], scratch) != BODY_LEN)
            abort();
    }
}

/* Each situation's receiver state and genuine packets, made on first use. */
typedef struct snapshot {
    int ready;
    pc_transport_state rx;
    setup st;
} snapshot;

static snapshot s_snapshots[256];
static int32_t s_live_rx = -1;

static const snapshot *snapshot_for(uint8_t situation)
{
    snapshot *snap = &s_snapshots[situation];
    if (!snap->ready) {
        if (setup_for(situation, &snap->st) != 0)
            abort();
        snap->rx = *pci_transport_lookup(snap->st.rx);
        finish(&snap->st);
        snap->ready = 1;
    }
    return snap;
}

/* The live receiver, set to the snapshot's state (its own slot header kept). */
static void restore(const snapshot *snap, setup *st)
{
    if (s_live_rx < 0) {
        pc_split_result any;
        fixed_split(&any, PC_ROLE_RESPONDER, 0);
        s_live_rx = pci_transport_create(&any);
    }
    pc_transport_state *live = pci_transport_lookup(s_live_rx);
    if (live == NULL)
        abort();
    pc_slot header = live->slot;
    *live = snap->rx;
    live->slot = header;
    *st = snap->st;
    st->rx = s_live_rx;
    st->tx = -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t buf[4096];
    static setup st;
    if (size < 1 || size - 1 > sizeof buf)
        return 0;
    restore(snapshot_for(data[0]), &st);
    size_t len = size - 1;
    memcpy(buf, data + 1, len);
    int32_t rc = pc_session_open(st.rx, buf, (int32_t)len, 0, st.hdr_len, (int32_t)len);
    if (rc >= 0) {
        check_accepted(&st, data + 1, buf, len, rc);
    } else if (memcmp(buf, data + 1, len) != 0) {
        abort(); /* a refused packet's bytes were changed */
    }
    if (rc < 0)
        check_unchanged(&st);
    return 0;
}

#else

static int write_seed(const char *dir, uint8_t situation, const packet *p, int k)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seed-%02x-%d", dir, situation, k);
    FILE *f = fopen(path, "wb");
    int ok = f != NULL && fwrite(&situation, 1, 1, f) == 1
             && fwrite(p->bytes, 1, (size_t)p->len, f) == (size_t)p->len;
    if (f != NULL)
        fclose(f);
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 2 || pc_selftest() != PC_OK)
        return 2;
    for (unsigned situation = 0; situation < 16; situation++) {
        setup st;
        if (setup_for((uint8_t)situation, &st) != 0)
            return 1;
        for (int k = 0; k < GENUINE; k++) {
            if (write_seed(argv[1], (uint8_t)situation, &st.genuine[k], k) != 0)
                return 1;
        }
        finish(&st);
    }
    return 0;
}

#endif
