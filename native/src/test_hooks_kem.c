// SPDX-License-Identifier: MIT
/* test_hooks_kem.c - ML-KEM known-answer access (PC_TEST_HOOKS only). */
#include "test_hooks_kem.h"

#ifdef PC_TEST_HOOKS

#include "mlkem.h"
#include "pc_platform.h"
#include "phone_crypto_api.h"

int32_t pc_test_mlkem_keypair(const uint8_t *seed, size_t seed_len, uint8_t *pk, uint8_t *sk)
{
    if ((seed == NULL ? seed_len != 0 : seed_len != PCQ_MLKEM_KEYGEN_COINS) || pk == NULL
        || sk == NULL)
        return PC_E_ARG;
    pci_platform_lock();
    pci_mlkem_test_replay_coins(seed, seed_len);
    int32_t rc = pci_mlkem_keypair(pk, sk);
    pci_mlkem_test_replay_coins(NULL, 0);
    pci_platform_unlock();
    return rc;
}

int32_t pc_test_mlkem_encaps(const uint8_t *m, size_t m_len, const uint8_t *pk, size_t pk_len,
                             uint8_t *ct, uint8_t *ss)
{
    if ((m == NULL ? m_len != 0 : m_len != PCQ_MLKEM_ENCAPS_COINS) || ct == NULL || ss == NULL)
        return PC_E_ARG;
    pci_platform_lock();
    pci_mlkem_test_replay_coins(m, m_len);
    int32_t rc = pci_mlkem_encaps(ct, ss, pk, pk_len);
    pci_mlkem_test_replay_coins(NULL, 0);
    pci_platform_unlock();
    return rc;
}

int32_t pc_test_mlkem_decaps(const uint8_t *ct, size_t ct_len, const uint8_t *sk, uint8_t *ss)
{
    if (sk == NULL || ss == NULL)
        return PC_E_ARG;
    pci_platform_lock();
    int32_t rc = pci_mlkem_decaps(ss, ct, ct_len, sk);
    pci_platform_unlock();
    return rc;
}

int32_t pc_test_mlkem_ctx_peak(void)
{
    pci_platform_lock();
    int32_t peak = pcq_ctx_peak();
    pci_platform_unlock();
    return peak;
}

#else
typedef int pc_test_hooks_kem_not_built; /* ISO C: a translation unit is never empty */
#endif /* PC_TEST_HOOKS */
