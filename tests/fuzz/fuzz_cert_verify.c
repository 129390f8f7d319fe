// SPDX-License-Identifier: MIT
/*
 * fuzz_cert_verify.c - libFuzzer target for pci_cert_verify, the parser of
 * a phone certificate a peer hands over.
 *
 * Input: byte 0 is the mode, the rest the certificate bytes. Mode bit 0:
 *   0  the rest is the certificate, as is (signature included);
 *   1  the rest is a certificate *body*, signed here with the fixed test
 *      organisation key, so the checks after the signature (name, time)
 *      are reached too.
 * Bits 1-7 pick the time it is checked against (a step of 256 s).
 * Checks beyond the sanitizers: the result is one of the documented
 * statuses; a refusal leaves the output untouched; an accepted certificate
 * is one whose fields re-encode to exactly the input's body, under the
 * trusted org id, with a valid name and the time inside its validity.
 *
 * Built with -DPC_FUZZ_SEEDS, main() writes seeds into the directory argv[1].
 */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "cert.h"
#include "fuzz_org_sign.h"

_Static_assert(PC_CERT_SIG_LEN == FUZZ_SIG_LEN, "Ed25519 signatures are 64 bytes");

static pc_org_anchor s_org;
static uint8_t s_org_secret[64];

static void setup(void)
{
    uint8_t seed[32];
    if (pci_be_init() != 0 || sodium_init() < 0)
        abort();
    memset(seed, 0x42, sizeof seed); /* public test key */
    crypto_sign_seed_keypair(s_org.public_key, s_org_secret, seed);
    memset(s_org.org_id, 0x11, sizeof s_org.org_id);
}

/* pci_cert_signed_message in the helper's shape. */
static size_t cert_message(uint8_t *msg, const uint8_t *body, size_t len)
{
    return pci_cert_signed_message(msg, body, len);
}

/* body || signature into cert; returns the length (cap PC_CERT_MAX_LEN + 1). */
static size_t sign_body(uint8_t *cert, const uint8_t *body, size_t len)
{
    static uint8_t msg[PC_CERT_MESSAGE_MAX];
    return fuzz_sign_body(cert, PC_CERT_MAX_LEN + 1, body, len, cert_message, msg, s_org_secret);
}

#ifndef PC_FUZZ_SEEDS

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setup();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t signed_cert[PC_CERT_MAX_LEN + 1];
    pc_cert out, untouched;
    uint8_t body[PC_CERT_MAX_LEN];
    if (size < 1)
        return 0;
    const uint8_t *cert = data + 1;
    size_t len = size - 1;
    if (data[0] & 1) {
        len = sign_body(signed_cert, data + 1, size - 1);
        cert = signed_cert;
    }
    uint64_t now = (uint64_t)(data[0] >> 1) * 256u;
    memset(&out, 0xA5, sizeof out);
    memset(&untouched, 0xA5, sizeof untouched);
    int rc = pci_cert_verify(&out, cert, len, &s_org, now);
    if (rc < PC_CERT_E_EXPIRED || rc > PC_CERT_OK)
        abort(); /* not a documented status (PC_CERT_E_ARG is never due here) */
    if (rc != PC_CERT_OK) {
        if (memcmp(&out, &untouched, sizeof out) != 0)
            abort(); /* a refusal wrote the output */
        return 0;
    }
    size_t body_len = pci_cert_encode_body(body, sizeof body, &out);
    if (body_len == 0 || body_len + PC_CERT_SIG_LEN != len || memcmp(body, cert, body_len) != 0
        || memcmp(out.org_id, s_org.org_id, PC_CERT_ORG_ID_LEN) != 0
        || !pci_cert_name_valid(out.name, out.name_len) || now < out.not_before
        || now > out.not_after)
        abort(); /* accepted something that is not exactly a valid certificate */
    return 0;
}

#else

static int write_seed(const char *dir, const char *name, uint8_t mode, const uint8_t *b, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    int ok = f != NULL && fwrite(&mode, 1, 1, f) == 1 && fwrite(b, 1, n, f) == n;
    if (f != NULL)
        fclose(f);
    return ok ? 0 : -1;
}

static size_t sample_body(uint8_t *body, const char *name)
{
    pc_cert f;
    memset(&f, 0, sizeof f);
    memcpy(f.org_id, s_org.org_id, PC_CERT_ORG_ID_LEN);
    f.serial = 42;
    f.not_before = 0x1000;
    f.not_after = 0x6000;
    for (int i = 0; i < 32; i++)
        f.identity[i] = (uint8_t)(0x60 + i);
    f.name_len = (uint8_t)strlen(name);
    memcpy(f.name, name, f.name_len);
    return pci_cert_encode_body(body, PC_CERT_MAX_LEN, &f);
}

int main(int argc, char **argv)
{
    uint8_t body[PC_CERT_MAX_LEN], cert[PC_CERT_MAX_LEN + 1];
    if (argc != 2)
        return 2;
    setup();
    const uint8_t at_valid_time = (uint8_t)(0x20 << 1); /* now = 0x2000 */
    int rc = 0;
    size_t n = sample_body(body, "Desk 42");
    size_t c = sign_body(cert, body, n);
    rc |= write_seed(argv[1], "cert-genuine", at_valid_time, cert, c);
    rc |= write_seed(argv[1], "cert-expired", (uint8_t)(0x7F << 1), cert, c);
    rc |= write_seed(argv[1], "cert-truncated", at_valid_time, cert, c - 1);
    cert[c] = 0x58; /* one trailing byte: refused, never ignored */
    rc |= write_seed(argv[1], "cert-trailing-byte", at_valid_time, cert, c + 1);
    rc |= write_seed(argv[1], "body-genuine", at_valid_time | 1, body, n);
    n = sample_body(body, "Zo\xc3\xab \xe9\x9b\xbb\xe8\xa9\xb1 \xf0\x9f\x93\x9e");
    rc |= write_seed(argv[1], "body-utf8-name", at_valid_time | 1, body, n);
    n = sample_body(body, "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn");
    c = sign_body(cert, body, n);
    rc |= write_seed(argv[1], "cert-longest", at_valid_time, cert, c);
    return rc == 0 ? 0 : 1;
}

#endif
