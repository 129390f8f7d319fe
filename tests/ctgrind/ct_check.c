// SPDX-License-Identifier: MIT
/*
 * ct_check.c - the constant-time check of the core's secret-dependent code
 * (stage 25-ctgrind), in the manner of ctgrind: run under valgrind memcheck
 * with every secret marked undefined (ct_mark.h), so that a branch or a
 * memory index that depends on a secret is reported as a use of an
 * uninitialised value, and the stage fails.
 *
 * It drives the core through its public API (phone_crypto_api.h) the way a
 * phone does: two stores are created and reopened (key store unseal), the
 * phones pair over XX (handshake steps), pin each other, reopen the stores,
 * look each other up by key (contact lookup, with the queried key secret),
 * call over IKpsk2 with the resumption secret, and exchange packets with a
 * forged one, a replay, a ratchet and a DH re-key (packet open). Where the
 * secrets come from and what is declassified: ct_backend_wrap.c.
 *
 * Usage: ct_check [none|plant-branch|plant-index] DIR
 * The plant-* modes add a deliberate secret-dependent branch or index
 * (ct_backend_wrap.c); the stage requires memcheck to report them.
 * Exit status: 0 when every step behaved, 1 otherwise (memcheck's own
 * verdict comes on top via --error-exitcode).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ct_mark.h"
#include "phone_crypto_api.h"

#define OFF 3 /* messages and packets start inside the buffer, as in the firmware */
#define HDR PC_PKT_MIN_HDR_LEN
#define BODY 160

static int s_failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "ct_check: FAILED %s\n", what);
        s_failures++;
    }
}

typedef struct phone {
    char dir[256];
    int32_t store;
    uint8_t pub[PC_KEY_LEN];
} phone;

/* A fixed device key written beforehand, so the storage layer does not draw one. */
static int make_phone(phone *p, const char *base, const char *name)
{
    static const uint8_t device_key[32] = {7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4, 5, 2,
                                           3, 5, 3, 6, 0, 2, 8, 7, 4, 7, 1, 3, 5, 2, 6, 6};
    char path[300];
    snprintf(p->dir, sizeof p->dir, "%s/%s", base, name);
    snprintf(path, sizeof path, "%s/efuse.key", p->dir);
    if (mkdir(p->dir, 0700) != 0)
        return -1;
    FILE *f = fopen(path, "wb");
    int ok = f != NULL && fwrite(device_key, 1, sizeof device_key, f) == sizeof device_key;
    if (f != NULL)
        fclose(f);
    return ok ? 0 : -1;
}

static void open_store(phone *p, const char *step)
{
    p->store = pc_store_open((const uint8_t *)p->dir, (int32_t)strlen(p->dir));
    check(p->store >= 0, step);
    check(pc_store_identity(p->store, p->pub, sizeof p->pub) == PC_KEY_LEN, step);
}

/* Plays a handshake to its end; the responder of IKpsk2 takes the PSK of
 * `contact` once it has read message 1 (contact < 0: an XX pairing).
 * Returns 0 when both sides are done. */
static int handshake(int32_t i, int32_t r, phone *responder, int32_t contact)
{
    static uint8_t msg[PC_MAX_HS_MSG_LEN + OFF], payload[PC_MAX_HS_MSG_LEN];
    for (int step = 0; step < 3; step++) {
        if (pc_hs_status(i) == PC_HS_DONE && pc_hs_status(r) == PC_HS_DONE)
            return 0;
        int32_t from = pc_hs_status(i) == PC_HS_WRITE ? i : r;
        int32_t to = from == i ? r : i;
        int32_t n = pc_hs_write(from, (const uint8_t *)"payload", 7, msg, sizeof msg, OFF);
        if (n <= 0)
            return -1;
        /* A forged copy first (XX message 1 carries no tag): refused, and
         * the genuine one still reads. */
        if (contact >= 0 || step > 0) {
            msg[OFF + n - 1] ^= 0x20;
            check(pc_hs_read(to, msg, sizeof msg, OFF, n, payload, sizeof payload) == PC_E_AUTH,
                  "forged handshake message refused");
            msg[OFF + n - 1] ^= 0x20;
        }
        if (pc_hs_read(to, msg, sizeof msg, OFF, n, payload, sizeof payload) != 7)
            return -1;
        if (contact >= 0 && to == r && pc_hs_status(r) == PC_HS_WRITE)
            check(pc_hs_use_resumption(r, responder->store, contact, 1) == PC_OK,
                  "responder takes the resumption secret");
    }
    return pc_hs_status(i) == PC_HS_DONE && pc_hs_status(r) == PC_HS_DONE ? 0 : -1;
}

static int32_t seal(int32_t session, uint8_t *buf, uint8_t fill)
{
    memset(buf, 0, OFF + HDR);
    buf[OFF] = 1;
    memset(buf + OFF + HDR, fill, BODY);
    return pc_session_seal(session, buf, PC_MAX_PACKET_LEN + OFF, OFF, HDR, BODY);
}

/* Packets both ways, a forgery, a replay, a ratchet and a DH re-key. */
static void packets(int32_t a, int32_t b)
{
    static uint8_t pkt[PC_MAX_PACKET_LEN + OFF], copy[PC_MAX_PACKET_LEN + OFF];
    uint8_t e1[PC_KEY_LEN], e2[PC_KEY_LEN];
    for (int round = 0; round < 4; round++) {
        int32_t tx = round % 2 ? b : a, rx = round % 2 ? a : b;
        int32_t n = seal(tx, pkt, (uint8_t)round);
        check(n == HDR + BODY + PC_TAG_LEN, "seal");
        memcpy(copy, pkt, sizeof copy);
        copy[OFF + HDR + 5] ^= 1;
        check(pc_session_open(rx, copy, sizeof copy, OFF, HDR, n) == PC_E_AUTH, "forgery refused");
        memcpy(copy, pkt, sizeof copy);
        check(pc_session_open(rx, pkt, sizeof pkt, OFF, HDR, n) == BODY, "packet opens");
        check(pkt[OFF + HDR] == (uint8_t)round, "packet body");
        check(pc_session_open(rx, copy, sizeof copy, OFF, HDR, n) == PC_E_REPLAY, "replay refused");
        if (round == 1)
            check(pc_session_ratchet(a) == PC_OK, "ratchet");
        if (round == 2) {
            check(pc_session_rekey_offer(a, e1, sizeof e1) == PC_KEY_LEN, "re-key offer");
            check(pc_session_rekey_accept(b, e1, sizeof e1, e2, sizeof e2) == PC_KEY_LEN,
                  "re-key accept");
            check(pc_session_rekey_complete(a, e2, sizeof e2) == PC_OK, "re-key complete");
        }
    }
}

/* Contact lookup with the queried key secret: only the found index, the
 * call's result, is public. */
static int32_t find_secretly(int32_t store, const uint8_t key[PC_KEY_LEN])
{
    uint8_t query[PC_KEY_LEN];
    memcpy(query, key, sizeof query);
    CT_SECRET(query, sizeof query);
    int32_t index = pc_contact_find(store, query, sizeof query);
    CT_PUBLIC(&index, sizeof index);
    return index;
}

static void run(const char *base)
{
    phone alice, bob;
    check(make_phone(&alice, base, "alice") == 0 && make_phone(&bob, base, "bob") == 0,
          "flash folders");
    /* Key store: created, then reopened (unseal of the identity secret). */
    open_store(&alice, "alice: first open");
    open_store(&bob, "bob: first open");
    pc_store_close(alice.store);
    pc_store_close(bob.store);
    open_store(&alice, "alice: reopen");
    open_store(&bob, "bob: reopen");
    check(pc_pool_refill() > 0, "ephemeral pool");

    /* Pairing over XX with the stores' identities. */
    int32_t i = pc_hs_new(alice.store, PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, 0);
    int32_t r = pc_hs_new(bob.store, PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, 0);
    check(handshake(i, r, &bob, -1) == 0, "XX pairing");
    int32_t sa = pc_hs_split(i), sb = pc_hs_split(r);
    check(sa >= 0 && sb >= 0, "XX split");
    packets(sa, sb);
    check(pc_contact_pin(alice.store, sa, (const uint8_t *)"bob", 3, PC_CONTACT_VERIFIED) >= 0,
          "alice pins bob");
    check(pc_contact_pin(bob.store, sb, (const uint8_t *)"alice", 5, PC_CONTACT_VERIFIED) >= 0,
          "bob pins alice");
    pc_session_free(sa);
    pc_session_free(sb);

    /* Reopen: unseal with contacts and resumption secrets. */
    pc_store_close(alice.store);
    pc_store_close(bob.store);
    open_store(&alice, "alice: reopen with a contact");
    open_store(&bob, "bob: reopen with a contact");
    int32_t bob_at_alice = find_secretly(alice.store, bob.pub);
    int32_t alice_at_bob = find_secretly(bob.store, alice.pub);
    uint8_t stranger[PC_KEY_LEN];
    memset(stranger, 0x5A, sizeof stranger);
    check(bob_at_alice >= 0 && alice_at_bob >= 0, "contact lookup finds");
    check(find_secretly(alice.store, stranger) == PC_E_NOT_FOUND, "contact lookup misses");

    /* A call over IKpsk2 with the resumption secret of generation 1. */
    i = pc_hs_new(alice.store, PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, NULL, 0, bob.pub,
                  PC_KEY_LEN);
    r = pc_hs_new(bob.store, PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, NULL, 0, NULL, 0);
    check(pc_hs_use_resumption(i, alice.store, bob_at_alice, 1) == PC_OK,
          "initiator takes the resumption secret");
    check(handshake(i, r, &bob, alice_at_bob) == 0, "IKpsk2 call");
    sa = pc_hs_split(i);
    sb = pc_hs_split(r);
    check(sa >= 0 && sb >= 0, "IKpsk2 split");
    packets(sa, sb);
    check(pc_contact_remember(alice.store, bob_at_alice, sa) == PC_OK, "alice remembers");
    check(pc_contact_remember(bob.store, alice_at_bob, sb) == PC_OK, "bob remembers");
    pc_session_free(sa);
    pc_session_free(sb);

    /* Idle time: each is now the other's hot contact, so ss is cached and an
     * ephemeral bound with its DH done (precompute.c); then a call on that
     * path (generation 1 is still held as the previous one). */
    check(pc_pool_refill() > 0, "idle time: bindings and pool");
    i = pc_hs_new(alice.store, PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, NULL, 0, bob.pub,
                  PC_KEY_LEN);
    r = pc_hs_new(bob.store, PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, NULL, 0, NULL, 0);
    check(pc_hs_use_resumption(i, alice.store, bob_at_alice, 1) == PC_OK,
          "initiator takes the previous resumption secret");
    check(handshake(i, r, &bob, alice_at_bob) == 0, "IKpsk2 call, precomputed");
    sa = pc_hs_split(i);
    sb = pc_hs_split(r);
    check(sa >= 0 && sb >= 0, "precomputed IKpsk2 split");
    packets(sa, sb);
    pc_session_free(sa);
    pc_session_free(sb);
    pc_store_close(alice.store);
    pc_store_close(bob.store);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: ct_check none|plant-branch|plant-index DIR\n");
        return 2;
    }
    if (strcmp(argv[1], "plant-branch") == 0)
        ct_planted = CT_PLANT_BRANCH;
    else if (strcmp(argv[1], "plant-index") == 0)
        ct_planted = CT_PLANT_INDEX;
    else if (strcmp(argv[1], "none") != 0) {
        fprintf(stderr, "ct_check: unknown mode %s\n", argv[1]);
        return 2;
    }
    if (pc_selftest() != PC_OK) {
        fprintf(stderr, "ct_check: self-test failed\n");
        return 1;
    }
    ct_contact_slots = pc_contact_capacity();
    ct_armed = 1;
    run(argv[2]);
    /* Two identities, the pool's keys and the re-keys: without them the
     * wrapping (and so the whole check) would not be in effect. */
    check(ct_secret_draws >= 4, "secret keys were born marked");
    printf("ct_check (%s): %s\n", argv[1], s_failures ? "steps FAILED" : "every step behaved");
    return s_failures ? 1 : 0;
}
