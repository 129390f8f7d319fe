// SPDX-License-Identifier: MIT
/*
 * api_kem.c - the pc_hs_kem_* entry points: ML-KEM-768 mixed into an XX
 * handshake's symmetric state between message 1 and message 2 (Noise HFS
 * construction; phone_crypto_api.h and docs/protocol.md, "Hybrid pairing").
 *
 *   both sides:  MixHash(kem public key) ... MixHash(ciphertext), MixKey(kem secret)
 *
 * Every step works on a copy of the symmetric state and commits it only
 * when the whole step succeeded; the KEM shared secret and the copies are
 * wiped on every exit path. Each step runs on the platform's deep stack
 * (pci_platform_run_deep: ML-KEM needs about 15 KB, more than the device's
 * interpreter task has).
 */
#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "hs_table.h"
#include "kem_table.h"
#include "mlkem.h"
#include "pc_platform.h"
#include "phone_crypto_api.h"
#include "test_vectors.h"

/* The one point of an XX handshake where the KEM runs: message 1 done,
 * message 2 not yet (the state this role is in then). */
static int32_t kem_point(const pc_handshake *hs, int role, int kem_state)
{
    int want = role == PC_ROLE_INITIATOR ? PC_HSS_READ : PC_HSS_WRITE;
    if (hs->pattern != PC_PATTERN_XX || hs->role != role || hs->msg_index != 1
        || hs->state != want || hs->kem_state != kem_state)
        return PC_E_STATE;
    return PC_OK;
}

/* ---- initiator: offer ------------------------------------------------------ */

static int32_t kem_offer(int32_t handle, uint8_t *pk_out, int32_t pk_len)
{
    uint8_t *sk = NULL;
    pc_handshake *hs = pci_hs_table_get(handle);

    if (!pci_arg_buffer(pk_out, pk_len))
        return PC_E_ARG;
    if (hs == NULL)
        return PC_E_HANDLE;
    int32_t rc = kem_point(hs, PC_ROLE_INITIATOR, PC_HS_KEM_NONE);
    if (rc == PC_OK)
        rc = pci_arg_out(pk_out, pk_len, PC_KEM_PUBLIC_LEN);
    if (rc != PC_OK)
        return rc;
    int32_t key = pci_kem_table_alloc(&sk);
    if (key < 0)
        return key;
    /* Straight into the caller's buffer (checked above): ML-KEM's own stack
     * is deep enough (docs/performance.md) without a 1,184-byte copy here. */
    rc = pci_mlkem_keypair(pk_out, sk);
    if (rc != PC_OK) {
        pci_kem_table_free(key);
        return rc;
    }
    pci_ss_mix_hash(&hs->ss, pk_out, PC_KEM_PUBLIC_LEN);
    hs->kem_key = key;
    hs->kem_state = PC_HS_KEM_OFFERED;
    return PC_KEM_PUBLIC_LEN;
}

/* The arguments of one step, for pci_platform_run_deep. */
typedef struct kem_call {
    int32_t hs;
    const uint8_t *in;
    int32_t in_len;
    uint8_t *out;
    int32_t out_len;
} kem_call;

static int32_t offer_deep(void *arg)
{
    kem_call *c = arg;
    return kem_offer(c->hs, c->out, c->out_len);
}

int32_t pc_hs_kem_offer(int32_t hs, uint8_t *pk, int32_t pk_len)
{
    kem_call c = { hs, NULL, 0, pk, pk_len };
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_platform_run_deep(offer_deep, &c);
    return pci_api_leave(rc);
}

/* ---- responder: accept ----------------------------------------------------- */

static int32_t kem_accept(int32_t handle, const uint8_t *pk, int32_t pk_len, uint8_t *ct_out,
                          int32_t ct_len)
{
    uint8_t ss[PCQ_MLKEM_SHARED_LEN];
    pc_symmetric_state next;
    pc_handshake *hs = pci_hs_table_get(handle);

    if (!pci_arg_buffer(pk, pk_len) || !pci_arg_buffer(ct_out, ct_len))
        return PC_E_ARG;
    if (hs == NULL)
        return PC_E_HANDLE;
    int32_t rc = kem_point(hs, PC_ROLE_RESPONDER, PC_HS_KEM_NONE);
    if (rc == PC_OK)
        rc = pci_arg_out(ct_out, ct_len, PC_KEM_CIPHERTEXT_LEN);
    /* The ciphertext goes straight into the caller's buffer (checked above; a
     * malformed key is refused before anything is written). */
    if (rc == PC_OK)
        rc = pci_mlkem_encaps(ct_out, ss, pk, (size_t)pk_len);
    if (rc != PC_OK)
        return rc;
    next = hs->ss;
    pci_ss_mix_hash(&next, pk, PC_KEM_PUBLIC_LEN);
    pci_ss_mix_hash(&next, ct_out, PC_KEM_CIPHERTEXT_LEN);
    pci_ss_mix_key(&next, ss, sizeof ss);
    PCI_TRACE("kem_public", hs->role, 0, pk, PC_KEM_PUBLIC_LEN);
    PCI_TRACE("kem_ciphertext", hs->role, 0, ct_out, PC_KEM_CIPHERTEXT_LEN);
    PCI_TRACE("kem_secret", hs->role, 0, ss, sizeof ss);
    hs->ss = next;
    hs->kem_state = PC_HS_KEM_MIXED;
    pci_be_wipe(ss, sizeof ss);
    pci_ss_wipe(&next);
    return PC_KEM_CIPHERTEXT_LEN;
}

static int32_t accept_deep(void *arg)
{
    kem_call *c = arg;
    return kem_accept(c->hs, c->in, c->in_len, c->out, c->out_len);
}

int32_t pc_hs_kem_accept(int32_t hs, const uint8_t *pk, int32_t pk_len, uint8_t *ct,
                         int32_t ct_len)
{
    kem_call c = { hs, pk, pk_len, ct, ct_len };
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_platform_run_deep(accept_deep, &c);
    return pci_api_leave(rc);
}

/* ---- initiator: finish ----------------------------------------------------- */

static int32_t kem_finish(int32_t handle, const uint8_t *ct, int32_t ct_len)
{
    uint8_t ss[PCQ_MLKEM_SHARED_LEN];
    pc_symmetric_state next;
    pc_handshake *hs = pci_hs_table_get(handle);

    if (!pci_arg_buffer(ct, ct_len))
        return PC_E_ARG;
    if (hs == NULL)
        return PC_E_HANDLE;
    int32_t rc = kem_point(hs, PC_ROLE_INITIATOR, PC_HS_KEM_OFFERED);
    const uint8_t *sk = rc == PC_OK ? pci_kem_table_get(hs->kem_key) : NULL;
    if (rc == PC_OK && sk == NULL)
        rc = PC_E_INTERNAL;
    if (rc == PC_OK)
        rc = pci_mlkem_decaps(ss, ct, (size_t)ct_len, sk);
    if (rc != PC_OK)
        return rc;
    next = hs->ss;
    pci_ss_mix_hash(&next, ct, PC_KEM_CIPHERTEXT_LEN);
    pci_ss_mix_key(&next, ss, sizeof ss);
    PCI_TRACE("kem_secret", hs->role, 0, ss, sizeof ss);
    hs->ss = next;
    pci_kem_table_free(hs->kem_key); /* the decapsulation key is used once */
    hs->kem_key = 0;
    hs->kem_state = PC_HS_KEM_MIXED;
    pci_be_wipe(ss, sizeof ss);
    pci_ss_wipe(&next);
    return PC_OK;
}

static int32_t finish_deep(void *arg)
{
    kem_call *c = arg;
    return kem_finish(c->hs, c->in, c->in_len);
}

int32_t pc_hs_kem_finish(int32_t hs, const uint8_t *ct, int32_t ct_len)
{
    kem_call c = { hs, ct, ct_len, NULL, 0 };
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_platform_run_deep(finish_deep, &c);
    return pci_api_leave(rc);
}

static int32_t kem_mixed(int32_t handle)
{
    const pc_handshake *hs = pci_hs_table_get(handle);
    if (hs == NULL)
        return PC_E_HANDLE;
    return hs->kem_state == PC_HS_KEM_MIXED ? 1 : 0;
}

int32_t pc_hs_kem_mixed(int32_t hs)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = kem_mixed(hs);
    return pci_api_leave(rc);
}
