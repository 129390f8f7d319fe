// SPDX-License-Identifier: MIT
/*
 * mlkem_driver.c - the core's ML-KEM-768 (PQClean through mlkem.c, the
 * production random source) on stdin/stdout, one command per line, for
 * tests/interop/mlkem_noble.js. Test build only: it prints shared secrets,
 * which the API never lets out; the decapsulation key stays in this process.
 *
 *   keygen            -> "pk <public key>"       (key pair from the random source)
 *   encaps <pk>       -> "ct <ciphertext> <shared secret>"
 *   decaps <ct>       -> "ss <shared secret>"    (with the last keygen's secret key)
 *   quit
 * Values are hex. Any failure prints "err <pc_status>".
 */
#include <stdio.h>
#include <string.h>

#include "phone_crypto_api.h"
#include "test_hooks_kem.h"

#define LINE_MAX_LEN 4096

static uint8_t s_pk[PC_KEM_PUBLIC_LEN], s_sk[PC_TEST_MLKEM_SECRET_LEN];
static uint8_t s_in[PC_KEM_PUBLIC_LEN + 64];
static uint8_t s_ct[PC_KEM_CIPHERTEXT_LEN], s_ss[PC_TEST_MLKEM_SHARED_LEN];
static char s_line[LINE_MAX_LEN];

static int from_hex(const char *s, uint8_t *out, size_t cap)
{
    size_t n = strcspn(s, " \n");
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

static void put_hex(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
}

static int32_t command(const char *line)
{
    if (strncmp(line, "keygen", 6) == 0) {
        int32_t rc = pc_test_mlkem_keypair(NULL, 0, s_pk, s_sk);
        if (rc != PC_OK)
            return rc;
        printf("pk ");
        put_hex(s_pk, sizeof s_pk);
        printf(" ");
        put_hex(s_sk, sizeof s_sk);
        printf("\n");
        return PC_OK;
    }
    if (strncmp(line, "encaps ", 7) == 0) {
        int n = from_hex(line + 7, s_in, sizeof s_in);
        if (n < 0)
            return PC_E_ARG;
        int32_t rc = pc_test_mlkem_encaps(NULL, 0, s_in, (size_t)n, s_ct, s_ss);
        if (rc != PC_OK)
            return rc;
        printf("ct ");
        put_hex(s_ct, sizeof s_ct);
        printf(" ");
        put_hex(s_ss, sizeof s_ss);
        printf("\n");
        return PC_OK;
    }
    if (strncmp(line, "decaps ", 7) == 0) {
        int n = from_hex(line + 7, s_in, sizeof s_in);
        if (n < 0)
            return PC_E_ARG;
        int32_t rc = pc_test_mlkem_decaps(s_in, (size_t)n, s_sk, s_ss);
        if (rc != PC_OK)
            return rc;
        printf("ss ");
        put_hex(s_ss, sizeof s_ss);
        printf("\n");
        return PC_OK;
    }
    return PC_E_ARG;
}

int main(void)
{
    if (pc_selftest() != PC_OK) {
        printf("err %d\n", PC_E_SELFTEST);
        return 1;
    }
    while (fgets(s_line, sizeof s_line, stdin) != NULL) {
        if (strncmp(s_line, "quit", 4) == 0)
            break;
        int32_t rc = command(s_line);
        if (rc != PC_OK)
            printf("err %d\n", rc);
        fflush(stdout);
    }
    return 0;
}
