// SPDX-License-Identifier: MIT
/*
 * handshake.c - Noise HandshakeState for the phone's three patterns.
 *
 *   XX:                 IK:                  IKpsk2:
 *     -> e                <- s                 <- s
 *     <- e, ee, s, es     ...                  ...
 *     -> s, se            -> e, es, s, ss      -> e, es, s, ss
 *                         <- e, ee, se         <- e, ee, se, psk
 *
 * Each message is the table row below, processed token by token; every
 * message ends with EncryptAndHash(payload). Which tokens run MixKey is
 * decided in one place, the token functions (mix_e, mix_dh, mix_psk); each
 * row also states the message's length with an empty payload, which
 * test_handshake checks against the spec's sizes for every message.
 */
#include "handshake.h"

#include <string.h>

#include "backend.h"
#include "hkdf.h"
#include "keypool.h"
#include "keystore.h"
#include "phone_crypto_api.h"
#include "precompute.h"
#include "test_vectors.h"

enum token { TOK_END = 0, TOK_E, TOK_S, TOK_EE, TOK_ES, TOK_SE, TOK_SS, TOK_PSK };

#define MAX_MESSAGES 3
#define MAX_TOKENS 5

#define DH_LEN PC_KEY_LEN                           /* an X25519 public key or shared secret */
#define TAG_LEN PC_CS_TAG_LEN                       /* a keyed EncryptAndHash's tag */
#define ENCRYPTED_S_LEN (PC_KEY_LEN + PC_CS_TAG_LEN) /* s after a key was mixed in */

typedef struct message_def {
    uint8_t tokens[MAX_TOKENS];     /* TOK_END-terminated unless full */
    uint8_t empty_len;              /* the message's length with an empty payload */
} message_def;

typedef struct pc_pattern_def {
    const char *protocol_name;
    uint8_t name_len;               /* without the terminator */
    uint8_t responder_static_known; /* pre-message "<- s" */
    uint8_t psk;                    /* psk modifier: e also mixes the key */
    uint8_t messages;
    message_def message[MAX_MESSAGES];
} pattern_def;

#define NAME_XX "Noise_XX_25519_ChaChaPoly_BLAKE2b"
#define NAME_IK "Noise_IK_25519_ChaChaPoly_BLAKE2b"
#define NAME_IKPSK2 "Noise_IKpsk2_25519_ChaChaPoly_BLAKE2b"

/* Every message but XX's first is keyed by the time its payload is written,
 * so its payload carries a tag. */
static const pattern_def PATTERN_XX = {
    .protocol_name = NAME_XX,
    .name_len = sizeof NAME_XX - 1,
    .responder_static_known = 0,
    .psk = 0,
    .messages = 3,
    .message = {
        {.tokens = {TOK_E}, .empty_len = DH_LEN},
        {.tokens = {TOK_E, TOK_EE, TOK_S, TOK_ES}, .empty_len = DH_LEN + ENCRYPTED_S_LEN + TAG_LEN},
        {.tokens = {TOK_S, TOK_SE}, .empty_len = ENCRYPTED_S_LEN + TAG_LEN},
    },
};
static const pattern_def PATTERN_IK = {
    .protocol_name = NAME_IK,
    .name_len = sizeof NAME_IK - 1,
    .responder_static_known = 1,
    .psk = 0,
    .messages = 2,
    .message = {
        {.tokens = {TOK_E, TOK_ES, TOK_S, TOK_SS}, .empty_len = DH_LEN + ENCRYPTED_S_LEN + TAG_LEN},
        {.tokens = {TOK_E, TOK_EE, TOK_SE}, .empty_len = DH_LEN + TAG_LEN},
    },
};
static const pattern_def PATTERN_IKPSK2 = {
    .protocol_name = NAME_IKPSK2,
    .name_len = sizeof NAME_IKPSK2 - 1,
    .responder_static_known = 1,
    .psk = 1,
    .messages = 2,
    .message = {
        {.tokens = {TOK_E, TOK_ES, TOK_S, TOK_SS}, .empty_len = DH_LEN + ENCRYPTED_S_LEN + TAG_LEN},
        {.tokens = {TOK_E, TOK_EE, TOK_SE, TOK_PSK}, .empty_len = DH_LEN + TAG_LEN},
    },
};

static const pattern_def *pattern_of(int pattern)
{
    switch (pattern) {
    case PC_PATTERN_XX: return &PATTERN_XX;
    case PC_PATTERN_IK: return &PATTERN_IK;
    case PC_PATTERN_IKPSK2: return &PATTERN_IKPSK2;
    default: return NULL;
    }
}

/* ---- pattern bookkeeping ------------------------------------------------- */

static int is_initiator(const pc_handshake *hs)
{
    return hs->role == PC_ROLE_INITIATOR;
}

/* Message i is the initiator's when i is even. */
static int writes_message(const pc_handshake *hs, int index)
{
    return (index % 2 == 0) == is_initiator(hs);
}

/* Does this DH token use our ephemeral secret? es is DH(e, rs) for the
 * initiator, se is DH(e, rs) for the responder. */
static int token_uses_local_e(const pc_handshake *hs, int token)
{
    return token == TOK_EE || (token == TOK_ES && is_initiator(hs))
           || (token == TOK_SE && !is_initiator(hs));
}

static int local_e_needed_from(const pc_handshake *hs, int index)
{
    const pattern_def *p = hs->def;
    for (int m = index; m < p->messages; m++)
        for (int t = 0; t < MAX_TOKENS; t++)
            if (token_uses_local_e(hs, p->message[m].tokens[t]))
                return 1;
    return 0;
}

/* State for message `index`: done, read, write, or need-psk first. */
static uint8_t state_for(const pc_handshake *hs, int index)
{
    const pattern_def *p = hs->def;
    if (index >= p->messages)
        return PC_HSS_DONE;
    if (!writes_message(hs, index))
        return PC_HSS_READ;
    return (p->psk && !hs->psk_set) ? PC_HSS_NEED_PSK : PC_HSS_WRITE;
}

/* After a message: next state; the ephemeral secret is wiped as soon as no
 * remaining token uses it. */
static void advance(pc_handshake *hs)
{
    hs->msg_index++;
    hs->state = state_for(hs, hs->msg_index);
    if (hs->has_e && !local_e_needed_from(hs, hs->msg_index)) {
        pci_be_wipe(hs->e, sizeof hs->e);
        pci_be_wipe(hs->e_rs, sizeof hs->e_rs);
        hs->has_e = 0;
        hs->has_e_rs = 0;
    }
}

/* The current message's row of the table. */
static const message_def *current_message(const pc_handshake *hs)
{
    return &hs->def->message[hs->msg_index];
}

size_t pci_handshake_message_len(const pc_handshake *hs, size_t payload_len)
{
    if (hs->state != PC_HSS_WRITE)
        return 0;
    return current_message(hs)->empty_len + payload_len;
}

/* ---- setup --------------------------------------------------------------- */

int pci_handshake_init(pc_handshake *hs, int pattern, int role, const uint8_t *prologue,
                      size_t prologue_len, const pc_local_static *s, const uint8_t *rs)
{
    const pattern_def *p = pattern_of(pattern);
    if (p == NULL || (role != PC_ROLE_INITIATOR && role != PC_ROLE_RESPONDER))
        return PC_E_ARG;
    int needs_rs = p->responder_static_known && role == PC_ROLE_INITIATOR;
    if ((rs != NULL) != needs_rs)
        return PC_E_ARG;

    memset(hs, 0, sizeof *hs);
    hs->def = p;
    hs->pattern = (uint8_t)pattern;
    hs->role = (uint8_t)role;
    hs->s = *s;
    pci_ss_init(&hs->ss, p->protocol_name, p->name_len);
    pci_ss_mix_hash(&hs->ss, prologue, prologue_len);
    PCI_TRACE("prologue", role, (uint32_t)pattern, prologue, prologue_len);
    if (needs_rs) {
        memcpy(hs->rs, rs, PC_KEY_LEN);
        hs->has_rs = 1;
    }
    if (p->responder_static_known) /* pre-message <- s */
        pci_ss_mix_hash(&hs->ss, needs_rs ? hs->rs : hs->s.pub, PC_KEY_LEN);
    hs->state = state_for(hs, 0);
    return PC_OK;
}

int pci_handshake_set_psk(pc_handshake *hs, const uint8_t psk[PC_KEY_LEN], uint32_t generation)
{
    const pattern_def *p = hs->def;
    if (p == NULL || !p->psk || hs->psk_set || hs->state == PC_HSS_DONE
        || hs->state == PC_HSS_UNUSED)
        return PC_E_STATE;
    memcpy(hs->psk, psk, PC_KEY_LEN);
    hs->psk_set = 1;
    hs->psk_generation = generation;
    PCI_TRACE("psk", hs->role, generation, psk, PC_KEY_LEN);
    if (hs->state == PC_HSS_NEED_PSK)
        hs->state = PC_HSS_WRITE;
    return PC_OK;
}

/* ---- tokens -------------------------------------------------------------- */

static int local_static_dh(const pc_handshake *hs, uint8_t out[DH_LEN], const uint8_t peer[DH_LEN])
{
    if (hs->s.store == PC_STORE_NONE)
        return pci_be_x25519(out, hs->s.secret, peer);
    return pci_keystore_dh(hs->s.store, out, peer); /* identity stays in the store */
}

/* ss: DH(s, rs), from the contact's cache when held (precompute.h); a
 * value computed here is offered to the cache (pinned contacts only). */
static int static_static_dh(const pc_handshake *hs, uint8_t out[DH_LEN])
{
    if (pci_precomp_ss(hs->s.store, hs->rs, out))
        return 0;
    int rc = local_static_dh(hs, out, hs->rs);
    if (rc == 0)
        pci_precomp_ss_learned(hs->s.store, hs->rs, out);
    return rc;
}

/* DH(e, rs): done in idle time when e is a bound ephemeral (used once). */
static int ephemeral_static_dh(pc_handshake *w, uint8_t out[DH_LEN])
{
    if (!w->has_e_rs)
        return pci_be_x25519(out, w->e, w->rs);
    memcpy(out, w->e_rs, DH_LEN);
    pci_be_wipe(w->e_rs, sizeof w->e_rs);
    w->has_e_rs = 0;
    return 0;
}

/* ee, es, se, ss: MixKey(DH(...)). */
static int mix_dh(pc_handshake *w, int token)
{
    uint8_t dh[DH_LEN];
    int rc, init = is_initiator(w);

    if (token == TOK_EE)                          /* ee: DH(e, re) */
        rc = pci_be_x25519(dh, w->e, w->re);
    else if (token == TOK_SS)                     /* ss: DH(s, rs) */
        rc = static_static_dh(w, dh);
    else if ((token == TOK_ES) == init)           /* es (initiator), se (responder) */
        rc = ephemeral_static_dh(w, dh);          /*   DH(e, rs) */
    else                                          /* es (responder), se (initiator) */
        rc = local_static_dh(w, dh, w->re);       /*   DH(s, re) */
    if (rc == 0)
        pci_ss_mix_key(&w->ss, dh, sizeof dh);
    pci_be_wipe(dh, sizeof dh);
    return rc;
}

/* psk: MixKeyAndHash(psk); its only use, so the psk is wiped right after. */
static void mix_psk(pc_handshake *w)
{
    pci_ss_mix_key_and_hash(&w->ss, w->psk, sizeof w->psk);
    pci_be_wipe(w->psk, sizeof w->psk);
}

/* The ephemeral: bound in advance to the peer when it is a hot contact
 * (IK/IKpsk2: rs is known whenever this side writes e), else from the pool. */
static int new_ephemeral(pc_handshake *w)
{
#ifdef PC_TEST_HOOKS
    if (w->has_fixed_e) {
        memcpy(w->e, w->fixed_e, sizeof w->e);
        pci_be_x25519_public(w->e_pub, w->e);
        return 0;
    }
#endif
    int rc;
    if (w->has_rs && pci_precomp_take(w->s.store, w->rs, w->e, w->e_pub, w->e_rs)) {
        w->has_e_rs = 1;
        rc = 0;
    } else {
        rc = pci_keypool_take(w->e, w->e_pub);
    }
    if (rc == 0)
        PCI_TRACE("e", w->role, w->msg_index + 1u, w->e, sizeof w->e);
    return rc;
}

/* e, either side: MixHash(e.public_key), and MixKey(e.public_key) under the
 * psk modifier (spec §9.2). */
static void mix_e(pc_handshake *w, const uint8_t pub[DH_LEN])
{
    pci_ss_mix_hash(&w->ss, pub, DH_LEN);
    if (w->def->psk)
        pci_ss_mix_key(&w->ss, pub, DH_LEN);
}

/* e (write): fresh key pair, send e.pub. */
static int write_e(pc_handshake *w, uint8_t *msg, size_t *pos)
{
    int rc = new_ephemeral(w);
    if (rc != 0)
        return rc;
    w->has_e = 1;
    memcpy(msg + *pos, w->e_pub, DH_LEN);
    *pos += DH_LEN;
    mix_e(w, w->e_pub);
    return 0;
}

/* s (write): EncryptAndHash(s.pub). */
static int write_s(pc_handshake *w, uint8_t *msg, size_t *pos)
{
    size_t len = DH_LEN + pci_cs_overhead(&w->ss.cs);
    int rc = pci_ss_encrypt_and_hash(&w->ss, w->s.pub, DH_LEN, msg + *pos);
    if (rc == 0)
        *pos += len;
    return rc;
}

/* e (read): re = the next DH_LEN bytes. */
static void read_e(pc_handshake *w, const uint8_t *msg, size_t *pos)
{
    memcpy(w->re, msg + *pos, DH_LEN);
    w->has_re = 1;
    *pos += DH_LEN;
    mix_e(w, w->re);
}

/* s (read): rs = DecryptAndHash(next DH_LEN (+ tag) bytes). */
static int read_s(pc_handshake *w, const uint8_t *msg, size_t *pos)
{
    size_t len = DH_LEN + pci_cs_overhead(&w->ss.cs);
    int rc = pci_ss_decrypt_and_hash(&w->ss, msg + *pos, len, w->rs);
    if (rc == 0) {
        w->has_rs = 1;
        *pos += len;
    }
    return rc;
}

static int write_token(pc_handshake *w, int token, uint8_t *msg, size_t *pos)
{
    switch (token) {
    case TOK_E: return write_e(w, msg, pos);   /* e */
    case TOK_S: return write_s(w, msg, pos);   /* s */
    case TOK_PSK: mix_psk(w); return 0;        /* psk */
    default: return mix_dh(w, token);          /* ee es se ss */
    }
}

static int read_token(pc_handshake *w, int token, const uint8_t *msg, size_t *pos)
{
    switch (token) {
    case TOK_E: read_e(w, msg, pos); return 0; /* e */
    case TOK_S: return read_s(w, msg, pos);    /* s */
    case TOK_PSK: mix_psk(w); return 0;        /* psk */
    default: return mix_dh(w, token);          /* ee es se ss */
    }
}

/* ---- messages ------------------------------------------------------------ */

/* A message is built on a working copy of the handshake (committed only on
 * success) and, when written, in a message buffer (copied out only on
 * success). Both are static rather than on the stack (docs/performance.md:
 * peak stack): pci_handshake_write/read are not reentrant, and every caller
 * holds the platform lock (api_handshake.c; selftest.c under pc_selftest's
 * lock). Wiped after every message, on every path. */
static struct {
    pc_handshake work;
    uint8_t msg[PC_MAX_HS_MSG_LEN];
} s_scratch;

/* Tokens then EncryptAndHash(payload) into msg, all on the working copy. */
static int write_body(pc_handshake *w, const uint8_t *payload, size_t payload_len,
                      uint8_t *msg, size_t *pos)
{
    const uint8_t *tokens = current_message(w)->tokens;
    for (int t = 0; t < MAX_TOKENS && tokens[t] != TOK_END; t++) {
        int rc = write_token(w, tokens[t], msg, pos);
        if (rc != 0)
            return rc;
    }
    size_t len = payload_len + pci_cs_overhead(&w->ss.cs);
    int rc = pci_ss_encrypt_and_hash(&w->ss, payload, payload_len, msg + *pos);
    if (rc == 0)
        *pos += len;
    return rc;
}

int pci_handshake_write(pc_handshake *hs, const uint8_t *payload, size_t payload_len,
                       uint8_t *out, size_t out_cap, size_t *out_len)
{
    pc_handshake *work = &s_scratch.work;
    size_t pos = 0;

    if (hs->state != PC_HSS_WRITE)
        return PC_E_STATE;
    size_t need = pci_handshake_message_len(hs, payload_len);
    if (payload_len > PC_MAX_HS_MSG_LEN || need > PC_MAX_HS_MSG_LEN)
        return PC_E_ARG;
    if (need > out_cap)
        return PC_E_SPACE;

    *work = *hs;
    int rc = write_body(work, payload, payload_len, s_scratch.msg, &pos);
    if (rc == 0 && pos != need)
        rc = PC_E_INTERNAL; /* the table's length disagrees with the tokens */
    if (rc == 0) {
        advance(work);
        *hs = *work; /* commit */
        memcpy(out, s_scratch.msg, pos);
        *out_len = pos;
        PCI_TRACE("payload", hs->role, hs->msg_index, payload, payload_len);
        PCI_TRACE("h", hs->role, hs->msg_index, hs->ss.h, PC_HASH_OUT_LEN);
    }
    /* the message held the plaintext payload of unkeyed messages */
    pci_be_wipe(&s_scratch, sizeof s_scratch);
    return rc;
}

static int read_body(pc_handshake *w, const uint8_t *msg, size_t len, uint8_t *payload)
{
    const uint8_t *tokens = current_message(w)->tokens;
    size_t pos = 0;
    for (int t = 0; t < MAX_TOKENS && tokens[t] != TOK_END; t++) {
        int rc = read_token(w, tokens[t], msg, &pos);
        if (rc != 0)
            return rc;
    }
    return pci_ss_decrypt_and_hash(&w->ss, msg + pos, len - pos, payload);
}

int pci_handshake_read(pc_handshake *hs, const uint8_t *msg, size_t len, uint8_t *payload,
                      size_t payload_cap, size_t *payload_len)
{
    pc_handshake *work = &s_scratch.work;

    if (hs->state != PC_HSS_READ)
        return PC_E_STATE;
    size_t empty_len = current_message(hs)->empty_len;
    if (len > PC_MAX_HS_MSG_LEN || len < empty_len)
        return PC_E_MALFORMED;
    if (len - empty_len > payload_cap)
        return PC_E_SPACE;

    *work = *hs;
    int rc = read_body(work, msg, len, payload);
    if (rc == 0) {
        advance(work);
        *hs = *work; /* commit */
        *payload_len = len - empty_len;
        PCI_TRACE("payload", hs->role, hs->msg_index, payload, *payload_len);
        PCI_TRACE("h", hs->role, hs->msg_index, hs->ss.h, PC_HASH_OUT_LEN);
    }
    pci_be_wipe(work, sizeof *work);
    return rc;
}

/* ---- split --------------------------------------------------------------- */

int pci_handshake_split(const pc_handshake *hs, pc_split_result *out)
{
    static const char label[] = PC_SPLIT_LABEL;

    if (hs->state != PC_HSS_DONE)
        return PC_E_STATE;
    memset(out, 0, sizeof *out);
    PCI_TRACE("ck", hs->role, hs->msg_index, hs->ss.ck, PC_HASH_OUT_LEN);
    pci_ss_split(&hs->ss, out->k_i2r, out->k_r2i);
    pci_hkdf_keys(hs->ss.ck, (const uint8_t *)label, sizeof label - 1, out->root,
                 out->resumption, NULL);
    memcpy(out->remote_static, hs->rs, PC_KEY_LEN);
    memcpy(out->handshake_hash, hs->ss.h, PC_HASH_OUT_LEN);
    out->role = hs->role;
    out->has_remote_static = hs->has_rs;
    out->psk_generation = hs->psk_generation;
    out->hybrid = hs->kem_state == PC_HS_KEM_MIXED ? 1 : 0;
    return PC_OK;
}

void pci_handshake_wipe(pc_handshake *hs)
{
    pci_be_wipe(hs, sizeof *hs);
}
