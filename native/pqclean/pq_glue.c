// SPDX-License-Identifier: MIT
/*
 * pq_glue.c - binds PQClean's ML-KEM-768 (fetched at build time, see
 * fetch-pqclean.sh) to the core's port (native/src/mlkem_port.h).
 *
 * - The four pcq_mlkem_* functions call PQClean's derand entry points and its
 *   own polynomial codec; nothing of ML-KEM is written here.
 * - PQClean's fips202.c keeps each Keccak context on the heap (malloc/free,
 *   exit(111) when malloc fails). pq_fips202.c compiles that file unchanged
 *   with malloc/free/exit pointed at the fixed pool below, so the core keeps
 *   its no-heap rule on every target. The pool is wiped on every release
 *   (the contexts hold secret-derived Keccak state; free() would not wipe).
 * - PQCLEAN_randombytes (referenced by PQClean's randomized wrappers, which
 *   the core never calls) is mapped onto the backend's random source.
 *
 * Callers hold the core's table lock (every pc_* entry point takes it), so
 * the pool is never entered concurrently.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kem.h"
#include "params.h"
#include "poly.h"
#include "randombytes.h"
#include "fips202.h"

#include "backend.h"
#include "mlkem_port.h"
#include "pq_glue.h"

/* The port's sizes must be PQClean's (compile-time check, C99). */
typedef char pcq_check_pk[PCQ_MLKEM_PUBLIC_LEN == PQCLEAN_MLKEM768_CLEAN_CRYPTO_PUBLICKEYBYTES ? 1 : -1];
typedef char pcq_check_sk[PCQ_MLKEM_SECRET_LEN == PQCLEAN_MLKEM768_CLEAN_CRYPTO_SECRETKEYBYTES ? 1 : -1];
typedef char pcq_check_ct[PCQ_MLKEM_CIPHERTEXT_LEN == PQCLEAN_MLKEM768_CLEAN_CRYPTO_CIPHERTEXTBYTES ? 1 : -1];
typedef char pcq_check_ss[PCQ_MLKEM_SHARED_LEN == PQCLEAN_MLKEM768_CLEAN_CRYPTO_BYTES ? 1 : -1];
typedef char pcq_check_coins[PCQ_MLKEM_KEYGEN_COINS == 2 * KYBER_SYMBYTES
                             && PCQ_MLKEM_ENCAPS_COINS == KYBER_SYMBYTES ? 1 : -1];
typedef char pcq_check_ek[KYBER_POLYVECBYTES == KYBER_K * KYBER_POLYBYTES ? 1 : -1];

void pcq_mlkem_keypair(uint8_t pk[PCQ_MLKEM_PUBLIC_LEN], uint8_t sk[PCQ_MLKEM_SECRET_LEN],
                       const uint8_t coins[PCQ_MLKEM_KEYGEN_COINS])
{
    (void)PQCLEAN_MLKEM768_CLEAN_crypto_kem_keypair_derand(pk, sk, coins);
}

void pcq_mlkem_encaps(uint8_t ct[PCQ_MLKEM_CIPHERTEXT_LEN], uint8_t ss[PCQ_MLKEM_SHARED_LEN],
                      const uint8_t pk[PCQ_MLKEM_PUBLIC_LEN],
                      const uint8_t coins[PCQ_MLKEM_ENCAPS_COINS])
{
    (void)PQCLEAN_MLKEM768_CLEAN_crypto_kem_enc_derand(ct, ss, pk, coins);
}

void pcq_mlkem_decaps(uint8_t ss[PCQ_MLKEM_SHARED_LEN], const uint8_t ct[PCQ_MLKEM_CIPHERTEXT_LEN],
                      const uint8_t sk[PCQ_MLKEM_SECRET_LEN])
{
    (void)PQCLEAN_MLKEM768_CLEAN_crypto_kem_dec(ss, ct, sk);
}

/* FIPS 203 §7.2: ek[0:384k] must equal ByteEncode12(ByteDecode12(ek)) with
 * the decoded coefficients taken mod q. PQClean's poly_frombytes keeps the raw
 * 12-bit values, poly_reduce brings them to a representative mod q and
 * poly_tobytes writes the canonical encoding: any coefficient >= q changes. */
int pcq_mlkem_public_key_valid(const uint8_t pk[PCQ_MLKEM_PUBLIC_LEN])
{
    poly p;
    uint8_t canonical[KYBER_POLYBYTES];
    int valid = 1;

    for (size_t i = 0; i < KYBER_K; i++) {
        PQCLEAN_MLKEM768_CLEAN_poly_frombytes(&p, pk + i * KYBER_POLYBYTES);
        PQCLEAN_MLKEM768_CLEAN_poly_reduce(&p);
        PQCLEAN_MLKEM768_CLEAN_poly_tobytes(canonical, &p);
        valid &= pci_be_equal(canonical, pk + i * KYBER_POLYBYTES, KYBER_POLYBYTES);
    }
    return valid;
}

/* ---- PQClean's randombytes(): the backend's random source ------------------ */

int randombytes(uint8_t *output, size_t n)
{
    return pci_be_random(output, n) == 0 ? 0 : -1;
}

/* ---- Keccak context pool (fips202.c's malloc/free) -------------------------- */

/* ML-KEM holds one context at a time (matrix expansion, PRF, rejection
 * PRF); two slots leave a margin. The test build records the peak. */
#define PCQ_CTX_SLOTS 2
#define PCQ_CTX_BYTES PQC_SHAKEINCCTX_BYTES /* the larger of the two context sizes */

static uint64_t s_ctx[PCQ_CTX_SLOTS][PCQ_CTX_BYTES / sizeof(uint64_t)];
static uint8_t s_ctx_used[PCQ_CTX_SLOTS];
#ifdef PC_TEST_HOOKS
static int s_ctx_peak;
int pcq_ctx_peak(void)
{
    return s_ctx_peak;
}
#endif

void *pcq_ctx_alloc(size_t size)
{
    if (size > sizeof s_ctx[0])
        return NULL;
    for (int i = 0; i < PCQ_CTX_SLOTS; i++) {
        if (!s_ctx_used[i]) {
            s_ctx_used[i] = 1;
#ifdef PC_TEST_HOOKS
            int in_use = 0;
            for (int j = 0; j < PCQ_CTX_SLOTS; j++)
                in_use += s_ctx_used[j];
            if (in_use > s_ctx_peak)
                s_ctx_peak = in_use;
#endif
            return s_ctx[i];
        }
    }
    return NULL; /* fips202.c then calls exit(): pcq_fatal */
}

void pcq_ctx_free(void *ctx)
{
    for (int i = 0; i < PCQ_CTX_SLOTS; i++) {
        if (ctx == (void *)s_ctx[i]) {
            pci_be_wipe(s_ctx[i], sizeof s_ctx[i]);
            s_ctx_used[i] = 0;
        }
    }
}

/* Pool exhausted: a programming error (the pool is sized for ML-KEM's use),
 * never a runtime condition; stop rather than run on without a context. */
void pcq_fatal(int code)
{
    (void)code;
    __builtin_trap();
}
