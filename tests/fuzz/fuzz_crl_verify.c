// SPDX-License-Identifier: MIT
/*
 * fuzz_crl_verify.c - libFuzzer target for pci_crl_verify, the parser of a
 * revocation list a peer hands over inside a handshake (org_crl.h).
 *
 * Input: byte 0 is the mode, the rest the list bytes. Mode bit 0:
 *   0  the rest is the list, as is (signature included);
 *   1  the rest is a list *body*, signed here with the fixed test
 *      organisation key, so what follows the signature check is reached.
 * Checks beyond the sanitizers: the result is a documented status; a refusal
 * leaves the output untouched; an accepted list is exactly a signed body of
 * the trusted organisation: version >= 1, count <= 32, every serial it
 * reports inside the input, and pci_crl_contains finds each of them.
 *
 * Built with -DPC_FUZZ_SEEDS, main() writes seeds into the directory argv[1].
 */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "bytes_le.h"
#include "org_crl.h"
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

/* body || signature into list (cap PC_ORG_CRL_MAX + 1); returns the length. */
static size_t sign_body(uint8_t *list, const uint8_t *body, size_t len)
{
    static uint8_t msg[PC_CRL_SIGN_LABEL_LEN + PC_ORG_CRL_MAX];
    return fuzz_sign_body(list, PC_ORG_CRL_MAX + 1, body, len, pci_crl_signed_message, msg, s_org_secret);
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
    static uint8_t signed_list[PC_ORG_CRL_MAX + 1];
    pc_crl_view out, untouched;
    if (size < 1)
        return 0;
    const uint8_t *list = data + 1;
    size_t len = size - 1;
    if (data[0] & 1) {
        len = sign_body(signed_list, data + 1, size - 1);
        list = signed_list;
    }
    memset(&out, 0xA5, sizeof out);
    memset(&untouched, 0xA5, sizeof untouched);
    int rc = pci_crl_verify(&out, list, len, &s_org);
    if (rc != PC_OK && rc != PC_E_CERT_TRUNCATED && rc != PC_E_CERT_OVERSIZED
        && rc != PC_E_CERT_VERSION && rc != PC_E_CERT_WRONG_ORG && rc != PC_E_CERT_SIGNATURE)
        abort(); /* not a documented status */
    if (rc != PC_OK) {
        if (memcmp(&out, &untouched, sizeof out) != 0)
            abort(); /* a refusal wrote the output */
        return 0;
    }
    if (out.list_version == 0 || out.count > PC_ORG_CRL_MAX_SERIALS
        || len != PC_CRL_HEADER_LEN + 8u * out.count + PC_CERT_SIG_LEN
        || out.serials != list + PC_CRL_HEADER_LEN || memcmp(list + 2, s_org.org_id, 16) != 0)
        abort(); /* accepted something that is not exactly a valid list */
    for (size_t i = 0; i < out.count; i++) {
        if (!pci_crl_contains(&out, pci_load_le64(out.serials + 8 * i)))
            abort();
    }
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

int main(int argc, char **argv)
{
    uint8_t body[PC_ORG_CRL_MAX], list[PC_ORG_CRL_MAX + 1];
    uint64_t serials[PC_ORG_CRL_MAX_SERIALS];
    if (argc != 2)
        return 2;
    setup();
    for (size_t i = 0; i < PC_ORG_CRL_MAX_SERIALS; i++)
        serials[i] = 1000 + i;
    int rc = 0;
    size_t n = pci_crl_encode_body(body, sizeof body, s_org.org_id, 3, 0x5000, serials, 2);
    size_t c = sign_body(list, body, n);
    rc |= write_seed(argv[1], "list-genuine", 0, list, c);
    rc |= write_seed(argv[1], "list-truncated", 0, list, c - 1);
    rc |= write_seed(argv[1], "body-two-serials", 1, body, n);
    n = pci_crl_encode_body(body, sizeof body, s_org.org_id, 1, 0x5000, serials, 0);
    rc |= write_seed(argv[1], "body-empty", 1, body, n);
    n = pci_crl_encode_body(body, sizeof body, s_org.org_id, 9, 0x5000, serials, PC_ORG_CRL_MAX_SERIALS);
    c = sign_body(list, body, n);
    rc |= write_seed(argv[1], "list-longest", 0, list, c);
    return rc == 0 ? 0 : 1;
}

#endif
