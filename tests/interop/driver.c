// SPDX-License-Identifier: MIT
/*
 * driver.c - our Noise handshake on stdin/stdout, one command per line,
 * for the live interop scripts (tests/interop/run_all.js). Test build only: it
 * uses the test hook to give the handshake a random static key it chose
 * (ephemerals come from the real key pool path) and the split
 * CipherStates for plain Noise transport messages.
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
    int role;
    pc_cipher_state tx, rx;
    uint8_t buf[BUF_LEN], out[BUF_LEN];
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

/* "new": random static key, printed as its public key. */
static int cmd_new(driver *d, char *args[5])
{
    uint8_t prologue[256], rs[32], psk[32], s[32], pub[32];
    int plen = from_hex(args[2], prologue, sizeof prologue);
    int rs_len = from_hex(args[3], rs, sizeof rs);
    int psk_len = from_hex(args[4], psk, sizeof psk);
    if (plen < 0 || rs_len < 0 || psk_len < 0)
        return PC_E_ARG;
    pc_hs_free(d->hs); /* the previous run's handshake, if any */
    d->role = strcmp(args[1], "init") == 0 ? PC_ROLE_INITIATOR : PC_ROLE_RESPONDER;
    if (pc_random(s, sizeof s) != (int32_t)sizeof s)
        return PC_E_RNG;
    d->hs = pc_test_hs_new(pattern_named(args[0]), d->role, prologue, (size_t)plen, s, NULL,
                           rs_len ? rs : NULL, psk_len ? psk : NULL);
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
    int32_t len = pc_hs_write(d->hs, d->buf, n, d->out, (int32_t)sizeof d->out, 0);
    if (len < 0)
        return len;
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
    return PC_E_ARG;
}

int main(void)
{
    static char line[LINE_MAX_LEN];
    static driver d;
    char *words[6];

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
