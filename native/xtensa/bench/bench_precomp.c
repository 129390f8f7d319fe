// SPDX-License-Identifier: MIT
/*
 * bench_precomp.c - precomputed key exchange for frequent contacts (issue 11)
 * on the emulated lx106: one IKpsk2 call's critical path per role, today's
 * path ("cold": precomputation off, ephemerals from the refilled pool) and
 * the precomputed one ("hot": the contact was called before, so idle time
 * cached ss and bound an ephemeral with es / se done), side by side on the
 * same store, production build, device limits. Runs last: xt_bench_core
 * switched precomputation off for its own figures; this turns it back on.
 *
 * The phone calls itself (the device has one store). With two phones the
 * callee's binding for the caller comes from the callee's own idle time;
 * here pc_pool_refill runs between message 1 and the callee's turn, outside
 * every measurement, to play that part.
 *
 * Output, one line per segment: "C|path|segment|x25519|instructions|muldi3|stack"
 * (stack: the deepest of the segment's calls, bytes)
 *   caller_before  pc_hs_new, pc_hs_use_resumption, pc_hs_write (message 1)
 *   callee         pc_hs_new, pc_hs_read (message 1), pc_hs_use_resumption,
 *                  pc_hs_write (message 2)
 *   caller_after   pc_hs_read (message 2)
 * and "C|idle|refill|..." for the idle-time work one hot call leaves behind.
 * X25519 operations come from the backend's counter (backend.h).
 */
#include <stddef.h>

#include "backend.h"
#include "bench_ops.h"
#include "pc_limits.h"
#include "phone_crypto_api.h"
#include "precompute.h"
#include "semihost.h"

#define PAYLOAD 32

static uint8_t msg[PC_MAX_HS_MSG_LEN];
static uint8_t payload[PC_MAX_HS_MSG_LEN];
static const uint8_t call_payload[PAYLOAD] = { 'c', 'a', 'l', 'l' };
static uint8_t identity[32];
static int32_t store = -1;
static int32_t contact = -1;

typedef struct segment {
    xt_acc acc;
    uint32_t x25519;
} segment;

static void expect(int ok, const char *what, int32_t rc)
{
    if (!ok) {
        xt_bench_fail(what, rc);
    }
}

/* Runs `stmt` measured into seg, counting its X25519 operations. */
#define SEGMENT_STEP(seg, stmt)                                 \
    do {                                                        \
        uint32_t x0_ = pci_be_x25519_count();                   \
        XT_MEASURE(&(seg)->acc, stmt);                          \
        (seg)->x25519 += pci_be_x25519_count() - x0_;           \
        (seg)->acc.calls++;                                     \
    } while (0)

static void report(const char *path, const char *name, const segment *seg)
{
    xt_puts("C|");
    xt_puts(path);
    xt_putc('|');
    xt_puts(name);
    xt_putc('|');
    xt_putu(seg->x25519);
    xt_putc('|');
    xt_putu(seg->acc.insns);
    xt_putc('|');
    xt_putu(seg->acc.muls);
    xt_putc('|');
    xt_putu(seg->acc.stack);
    xt_putc('\n');
}

/* XX with itself, then the peer pinned: IKpsk2 has generation 1. */
static void pin_self(void)
{
    int32_t i, r, n, p, si, sr;

    i = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_INITIATOR, NULL, 0, NULL, 0);
    r = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_RESPONDER, NULL, 0, NULL, 0);
    expect(i >= 0 && r >= 0, "pc_hs_new (XX)", i < 0 ? i : r);
    for (int turn = 0; turn < 3; turn++) {
        int32_t from = turn % 2 ? r : i, to = turn % 2 ? i : r;
        n = pc_hs_write(from, NULL, 0, msg, (int32_t)sizeof msg, 0);
        expect(n > 0, "pc_hs_write (XX)", n);
        p = pc_hs_read(to, msg, (int32_t)sizeof msg, 0, n, payload, (int32_t)sizeof payload);
        expect(p == 0, "pc_hs_read (XX)", p);
    }
    si = pc_hs_split(i);
    sr = pc_hs_split(r);
    expect(si >= 0 && sr >= 0, "pc_hs_split (XX)", si < 0 ? si : sr);
    contact = pc_contact_pin(store, si, (const uint8_t *)"me", 2, 0);
    expect(contact >= 0, "pc_contact_pin", contact);
    pc_session_free(si);
    pc_session_free(sr);
}

/* One IKpsk2 call to itself, each role's segments measured. */
static void call(segment seg[3], int callee_idle)
{
    int32_t i = 0, r = 0, n = 0, p = 0, rc = 0;

    SEGMENT_STEP(&seg[0], i = pc_hs_new(store, PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, NULL, 0,
                                        identity, 32));
    expect(i >= 0, "pc_hs_new initiator", i);
    SEGMENT_STEP(&seg[0], rc = pc_hs_use_resumption(i, store, contact, 1));
    expect(rc == PC_OK, "pc_hs_use_resumption initiator", rc);
    SEGMENT_STEP(&seg[0], n = pc_hs_write(i, call_payload, PAYLOAD, msg, (int32_t)sizeof msg, 0));
    expect(n > 0, "pc_hs_write message 1", n);
    if (callee_idle) {
        rc = pc_pool_refill(); /* the callee phone's own idle time (see above) */
        expect(rc >= 1, "pc_pool_refill", rc);
    }
    SEGMENT_STEP(&seg[1], r = pc_hs_new(store, PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, NULL, 0,
                                        NULL, 0));
    expect(r >= 0, "pc_hs_new responder", r);
    SEGMENT_STEP(&seg[1], p = pc_hs_read(r, msg, (int32_t)sizeof msg, 0, n, payload,
                                         (int32_t)sizeof payload));
    expect(p == PAYLOAD, "pc_hs_read message 1", p);
    SEGMENT_STEP(&seg[1], rc = pc_hs_use_resumption(r, store, contact, 1));
    expect(rc == PC_OK, "pc_hs_use_resumption responder", rc);
    SEGMENT_STEP(&seg[1], n = pc_hs_write(r, call_payload, PAYLOAD, msg, (int32_t)sizeof msg, 0));
    expect(n > 0, "pc_hs_write message 2", n);
    SEGMENT_STEP(&seg[2], p = pc_hs_read(i, msg, (int32_t)sizeof msg, 0, n, payload,
                                         (int32_t)sizeof payload));
    expect(p == PAYLOAD, "pc_hs_read message 2", p);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    expect(si >= 0 && sr >= 0, "pc_hs_split", si < 0 ? si : sr);
    pc_session_free(si);
    pc_session_free(sr);
}

static void report_call(const char *path, const segment seg[3])
{
    report(path, "caller_before", &seg[0]);
    report(path, "callee", &seg[1]);
    report(path, "caller_after", &seg[2]);
}

void xt_bench_precomp(void)
{
    segment cold[3] = { 0 }, hot[3] = { 0 }, idle = { 0 }, scratch[3] = { 0 };
    int32_t rc = 0;

    store = xt_bench_store();
    rc = pc_store_identity(store, identity, 32);
    expect(rc == 32, "pc_store_identity", rc);
    pin_self();

    pci_precomp_set_limit(0);                  /* today's path */
    rc = pc_pool_refill();
    expect(rc >= 2, "pc_pool_refill", rc);
    call(cold, 0);

    pci_precomp_set_limit(PC_PRECOMP_CONTACTS); /* the product's setting */
    rc = pc_pool_refill();
    expect(rc >= 2, "pc_pool_refill", rc);
    call(scratch, 1);                          /* the contact becomes hot */
    SEGMENT_STEP(&idle, rc = pc_pool_refill()); /* idle time after that call */
    expect(rc >= 1, "pc_pool_refill", rc);
    call(hot, 1);

    report_call("cold", cold);
    report_call("hot", hot);
    report("idle", "refill", &idle);
}
