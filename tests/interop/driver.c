// SPDX-License-Identifier: MIT
/*
 * driver.c - our Noise handshake on stdin/stdout, one command per line,
 * for the live interop scripts (tests/interop/run_all.js). Test build only: it
 * uses the test hook to give the handshake a random static key it chose
 * (ephemerals come from the real key pool path) and the split
 * CipherStates for plain Noise transport messages. Every second IK/IKpsk2
 * handshake runs the precomputed path instead (precompute.h, issue 11): the
 * initiator's ephemeral is bound to rs in advance with es and ss done, the
 * responder's is bound to the caller once message 1 revealed it, with se
 * done; a binding left unused fails the write, so both paths meet the
 * independent implementations.
 *
 *   new <XX|IK|IKpsk2> <init|resp> <prologue|-> <remote static|-> <psk|->
 *                                   -> "ok <our static public key>"
 *   write <payload|->               -> "msg <message>"
 *   read <message>                  -> "payload <payload|->"
 *   hash                            -> "hash <h>"
 *   remote                          -> "remote <peer static>"
 *   split                           -> "ok"
 *   send <payload|->                -> "msg <transport message>"
 *   recv <transport message>        -> "payload <payload|->"
 * The phone's session layer (docs/protocol.md §6, §9), for run_phone_keys.js:
 *   keys                            -> "keys <root || resumption>" (finished handshake)
 *   session                         -> "ok" (pc_hs_split: the handshake becomes a session)
 *   seal <header> <body>            -> "msg <sealed packet>" (phase and counter written)
 *   open <header length> <packet>   -> "payload <body|->"
 *   ratchet                         -> "ok"
 *   offer                           -> "key <own ephemeral public key>"
 *   accept <peer ephemeral>         -> "key <own ephemeral public key>"
 *   complete <peer ephemeral>       -> "ok"
 *   quit
 * Values are hex ("-" = empty). Any failure prints "err <pc_status>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "cipher_state.h"
#include "phone_crypto_api.h"
#include "test_hooks.h"

#define LINE_MAX_LEN 8192
#define BUF_LEN 4096

typedef struct driver {
    int32_t hs;
    int32_t session;
    int role;
    pc_cipher_state tx, rx;
    uint8_t buf[BUF_LEN], out[BUF_LEN];
    uint8_t s[32];      /* our static secret, for bindings made mid-handshake */
    unsigned runs;      /* handshakes so far: every second IK/IKpsk2 one precomputes */
    int precompute;
} driver;

static int from_hex(const char *s, uint8_t *out, size_t cap)
{
    size_t n = strlen(s);
    if (strcmp(s, "-") == 0)
        return 0;
    if (n % 2 != 0 || n / 2 > cap)
        return -1;
    for (size_t i = 0; i < n / 2; i++) {
        unsigned v;
        if (sscanf(s + 2 * i, "%2x", &v) != 1)
            return -1;
        out[i] = (uint8_t)v;
    }
    return (int)(n / 2);
}

static void print_hex(const char *tag, const uint8_t *p, size_t n)
{
    printf("%s ", tag);
    if (n == 0)
        printf("-");
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

static int pattern_named(const char *name)
{
    if (strcmp(name, "XX") == 0)
        return PC_PATTERN_XX;
    if (strcmp(name, "IK") == 0)
        return PC_PATTERN_IK;
    if (strcmp(name, "IKpsk2") == 0)
        return PC_PATTERN_IKPSK2;
    return 0;
}

/* A fresh ephemeral bound to rs, ss = DH(s, rs) cached (test hook). */
static int bind_ephemeral(const uint8_t s[32], const uint8_t rs[32])
{
    uint8_t e[32];
    if (pc_random(e, sizeof e) != (int32_t)sizeof e)
        return PC_E_RNG;
    int rc = pc_test_precomp_install(s, rs, e);
    pci_be_wipe(e, sizeof e);
    return rc;
}

/* The precomputed path was taken: no binding for the peer is left. */
static int binding_used(driver *d)
{
    uint8_t rs[32];
    if (pc_hs_remote_static(d->hs, rs, sizeof rs) != (int32_t)sizeof rs)
        return PC_E_STATE;
    return pc_test_precomp_bound(-1, rs, NULL) == 0 ? PC_OK : PC_E_INTERNAL;
}

/* Responder after message 1: the caller is known, bind an ephemeral to it. */
static int bind_for_caller(driver *d)
{
    uint8_t rs[32];
    if (pc_hs_remote_static(d->hs, rs, sizeof rs) != (int32_t)sizeof rs)
        return PC_E_STATE;
    return bind_ephemeral(d->s, rs);
}

/* "new": random static key, printed as its public key. */
static int cmd_new(driver *d, char *args[5])
{
    uint8_t prologue[256], rs[32], psk[32], s[32], pub[32];
    int plen = from_hex(args[2], prologue, sizeof prologue);
    int rs_len = from_hex(args[3], rs, sizeof rs);
    int psk_len = from_hex(args[4], psk, sizeof psk);
    if (plen < 0 || rs_len < 0 || psk_len < 0)
        return PC_E_ARG;
    pc_hs_free(d->hs); /* the previous run's handshake and session, if any */
    pc_session_free(d->session);
    d->session = -1;
    d->role = strcmp(args[1], "init") == 0 ? PC_ROLE_INITIATOR : PC_ROLE_RESPONDER;
    if (pc_random(s, sizeof s) != (int32_t)sizeof s)
        return PC_E_RNG;
    d->precompute = ++d->runs % 2 == 0 && pattern_named(args[0]) != PC_PATTERN_XX;
    memcpy(d->s, s, sizeof s);
    int rc = PC_OK;
    if (d->precompute && d->role == PC_ROLE_INITIATOR && rs_len == 32)
        rc = bind_ephemeral(s, rs); /* idle time before dialling */
    d->hs = rc != PC_OK ? rc
                        : pc_test_hs_new(pattern_named(args[0]), d->role, prologue, (size_t)plen,
                                         s, NULL, rs_len ? rs : NULL, psk_len ? psk : NULL);
    pci_be_x25519_public(pub, s);
    pci_be_wipe(s, sizeof s);
    pci_be_wipe(psk, sizeof psk);
    if (d->hs < 0)
        return d->hs;
    print_hex("ok", pub, sizeof pub);
    return PC_OK;
}

static int cmd_write(driver *d, const char *arg)
{
    int n = from_hex(arg, d->buf, sizeof d->buf);
    if (n < 0)
        return PC_E_ARG;
    if (d->precompute && d->role == PC_ROLE_RESPONDER) {
        int rc = bind_for_caller(d);
        if (rc != PC_OK)
            return rc;
    }
    int32_t len = pc_hs_write(d->hs, d->buf, n, d->out, (int32_t)sizeof d->out, 0);
    if (len < 0)
        return len;
    if (d->precompute) {
        int rc = binding_used(d);
        if (rc != PC_OK)
            return rc;
        d->precompute = 0; /* one e per side */
    }
    print_hex("msg", d->out, (size_t)len);
    return PC_OK;
}

static int cmd_read(driver *d, const char *arg)
{
    int n = from_hex(arg, d->buf, sizeof d->buf);
    if (n < 0)
        return PC_E_ARG;
    int32_t len = pc_hs_read(d->hs, d->buf, n, 0, n, d->out, (int32_t)sizeof d->out);
    if (len < 0)
        return len;
    print_hex("payload", d->out, (size_t)len);
    return PC_OK;
}

static int cmd_split(driver *d)
{
    pc_split_result split;
    int rc = pc_test_hs_split(d->hs, &split);
    if (rc != PC_OK)
        return rc;
    int init = d->role == PC_ROLE_INITIATOR;
    pci_cs_init(&d->tx, init ? split.k_i2r : split.k_r2i);
    pci_cs_init(&d->rx, init ? split.k_r2i : split.k_i2r);
    pci_be_wipe(&split, sizeof split);
    printf("ok\n");
    return PC_OK;
}

static int cmd_send(driver *d, const char *arg)
{
    int n = from_hex(arg, d->buf, sizeof d->buf - PC_TAG_LEN);
    if (n < 0)
        return PC_E_ARG;
    int rc = pci_cs_encrypt(&d->tx, NULL, 0, d->buf, (size_t)n, d->out);
    if (rc != 0)
        return rc;
    print_hex("msg", d->out, (size_t)n + PC_TAG_LEN);
    return PC_OK;
}

static int cmd_recv(driver *d, const char *arg)
{
    int n = from_hex(arg, d->buf, sizeof d->buf);
    if (n < 0)
        return PC_E_ARG;
    int rc = pci_cs_decrypt(&d->rx, NULL, 0, d->buf, (size_t)n, d->out);
    if (rc != 0)
        return rc;
    print_hex("payload", d->out, (size_t)n - PC_TAG_LEN);
    return PC_OK;
}

static int cmd_public(driver *d, const char *what)
{
    uint8_t v[64];
    int32_t n = strcmp(what, "hash") == 0 ? pc_hs_hash(d->hs, v, 64)
                                          : pc_hs_remote_static(d->hs, v, 32);
    if (n < 0)
        return n;
    print_hex(what, v, (size_t)n);
    return PC_OK;
}

/* The phone keys of the finished handshake (test hook): root then resumption. */
static int cmd_keys(driver *d)
{
    pc_split_result split;
    int rc = pc_test_hs_split(d->hs, &split);
    if (rc != PC_OK)
        return rc;
    memcpy(d->out, split.root, 32);
    memcpy(d->out + 32, split.resumption, 32);
    pci_be_wipe(&split, sizeof split);
    print_hex("keys", d->out, 64);
    pci_be_wipe(d->out, 64);
    return PC_OK;
}

static int cmd_session(driver *d)
{
    int32_t s = pc_hs_split(d->hs);
    if (s < 0)
        return s;
    d->hs = -1;
    d->session = s;
    printf("ok\n");
    return PC_OK;
}

static int cmd_seal(driver *d, const char *hdr, const char *body)
{
    int h = from_hex(hdr, d->buf, sizeof d->buf);
    if (h < 0)
        return PC_E_ARG;
    int b = from_hex(body, d->buf + h, sizeof d->buf - (size_t)h - PC_TAG_LEN);
    if (b < 0)
        return PC_E_ARG;
    int32_t len = pc_session_seal(d->session, d->buf, (int32_t)sizeof d->buf, 0, h, b);
    if (len < 0)
        return len;
    print_hex("msg", d->buf, (size_t)len);
    return PC_OK;
}

static int cmd_open(driver *d, const char *hdr_len, const char *pkt)
{
    int h = atoi(hdr_len);
    int n = from_hex(pkt, d->buf, sizeof d->buf);
    if (n < 0 || h <= 0)
        return PC_E_ARG;
    int32_t len = pc_session_open(d->session, d->buf, (int32_t)sizeof d->buf, 0, h, n);
    if (len < 0)
        return len;
    print_hex("payload", d->buf + h, (size_t)len);
    return PC_OK;
}

/* offer / accept <peer key> / complete <peer key> */
static int cmd_rekey(driver *d, const char *what, const char *arg)
{
    uint8_t peer[32], own[32];
    int n = strcmp(what, "offer") == 0 ? 32 : from_hex(arg, peer, sizeof peer);
    if (n != 32)
        return PC_E_ARG;
    int32_t rc;
    if (strcmp(what, "offer") == 0)
        rc = pc_session_rekey_offer(d->session, own, 32);
    else if (strcmp(what, "accept") == 0)
        rc = pc_session_rekey_accept(d->session, peer, 32, own, 32);
    else
        rc = pc_session_rekey_complete(d->session, peer, 32);
    if (rc < 0)
        return rc;
    if (rc == 32)
        print_hex("key", own, 32);
    else
        printf("ok\n");
    return PC_OK;
}

/* Splits "cmd a b c" in place; returns the number of words. */
static int split_words(char *line, char *words[6])
{
    int n = 0;
    for (char *tok = strtok(line, " \r\n"); tok != NULL && n < 6; tok = strtok(NULL, " \r\n"))
        words[n++] = tok;
    return n;
}

static int dispatch(driver *d, char *words[6], int n)
{
    const char *cmd = words[0];
    const char *arg = n > 1 ? words[1] : "-";
    if (strcmp(cmd, "new") == 0)
        return n == 6 ? cmd_new(d, words + 1) : PC_E_ARG;
    if (strcmp(cmd, "write") == 0)
        return cmd_write(d, arg);
    if (strcmp(cmd, "read") == 0)
        return cmd_read(d, arg);
    if (strcmp(cmd, "hash") == 0 || strcmp(cmd, "remote") == 0)
        return cmd_public(d, cmd);
    if (strcmp(cmd, "split") == 0)
        return cmd_split(d);
    if (strcmp(cmd, "send") == 0)
        return cmd_send(d, arg);
    if (strcmp(cmd, "recv") == 0)
        return cmd_recv(d, arg);
    if (strcmp(cmd, "keys") == 0)
        return cmd_keys(d);
    if (strcmp(cmd, "session") == 0)
        return cmd_session(d);
    if (strcmp(cmd, "seal") == 0 || strcmp(cmd, "open") == 0) {
        if (n != 3)
            return PC_E_ARG;
        return cmd[0] == 's' ? cmd_seal(d, words[1], words[2]) : cmd_open(d, words[1], words[2]);
    }
    if (strcmp(cmd, "ratchet") == 0) {
        int32_t rc = pc_session_ratchet(d->session);
        if (rc == PC_OK)
            printf("ok\n");
        return rc;
    }
    if (strcmp(cmd, "offer") == 0 || strcmp(cmd, "accept") == 0 || strcmp(cmd, "complete") == 0)
        return cmd_rekey(d, cmd, arg);
    return PC_E_ARG;
}

int main(void)
{
    static char line[LINE_MAX_LEN];
    static driver d;
    char *words[6];

    d.hs = -1;
    d.session = -1;
    if (pc_selftest() != PC_OK) {
        printf("err %d\n", PC_E_SELFTEST);
        return 1;
    }
    while (fgets(line, sizeof line, stdin) != NULL) {
        int n = split_words(line, words);
        if (n == 0)
            continue;
        if (strcmp(words[0], "quit") == 0)
            break;
        int rc = dispatch(&d, words, n);
        if (rc != PC_OK)
            printf("err %d\n", rc);
        fflush(stdout);
    }
    pci_be_wipe(&d, sizeof d);
    return 0;
}
