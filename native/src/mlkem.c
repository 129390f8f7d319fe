// SPDX-License-Identifier: MIT
/* mlkem.c - the core's ML-KEM-768 calls (mlkem.h). */
#include "mlkem.h"

#include <string.h>

#include "backend.h"
#include "phone_crypto_api.h"

#ifdef PC_TEST_HOOKS
static uint8_t s_replay[PCQ_MLKEM_KEYGEN_COINS];
static size_t s_replay_len;

void pci_mlkem_test_replay_coins(const uint8_t *coins, size_t len)
{
    pci_be_wipe(s_replay, sizeof s_replay);
    s_replay_len = 0;
    if (coins != NULL && len <= sizeof s_replay) {
        memcpy(s_replay, coins, len);
        s_replay_len = len;
    }
}
#endif

/* Coins for one operation: the platform's random source (test builds: the
 * replayed seed, if one of exactly that length is waiting). */
static int coins_for(uint8_t *out, size_t len)
{
#ifdef PC_TEST_HOOKS
    if (s_replay_len == len) {
        memcpy(out, s_replay, len);
        pci_mlkem_test_replay_coins(NULL, 0);
        return PC_OK;
    }
#endif
    return pci_be_random(out, len) == 0 ? PC_OK : PC_E_RNG;
}

int pci_mlkem_keypair(uint8_t pk[PCQ_MLKEM_PUBLIC_LEN], uint8_t sk[PCQ_MLKEM_SECRET_LEN])
{
    uint8_t coins[PCQ_MLKEM_KEYGEN_COINS];
    int rc = coins_for(coins, sizeof coins);

    if (rc == PC_OK)
        pcq_mlkem_keypair(pk, sk, coins);
    else {
        pci_be_wipe(pk, PCQ_MLKEM_PUBLIC_LEN);
        pci_be_wipe(sk, PCQ_MLKEM_SECRET_LEN);
    }
    pci_be_wipe(coins, sizeof coins);
    return rc;
}

int pci_mlkem_encaps(uint8_t ct[PCQ_MLKEM_CIPHERTEXT_LEN], uint8_t ss[PCQ_MLKEM_SHARED_LEN],
                     const uint8_t *pk, size_t pk_len)
{
    uint8_t coins[PCQ_MLKEM_ENCAPS_COINS];

    if (pk == NULL || pk_len != PCQ_MLKEM_PUBLIC_LEN || !pcq_mlkem_public_key_valid(pk))
        return PC_E_MALFORMED;
    int rc = coins_for(coins, sizeof coins);
    if (rc == PC_OK)
        pcq_mlkem_encaps(ct, ss, pk, coins);
    pci_be_wipe(coins, sizeof coins);
    return rc;
}

int pci_mlkem_decaps(uint8_t ss[PCQ_MLKEM_SHARED_LEN], const uint8_t *ct, size_t ct_len,
                     const uint8_t sk[PCQ_MLKEM_SECRET_LEN])
{
    if (ct == NULL || ct_len != PCQ_MLKEM_CIPHERTEXT_LEN)
        return PC_E_MALFORMED;
    pcq_mlkem_decaps(ss, ct, sk);
    return PC_OK;
}
