// SPDX-License-Identifier: MIT
/*
 * precompute.c - the ss cache and the bound ephemerals of precompute.h.
 *
 * Hot contacts (s_hot, the first s_limit slots) hold ss and one binding each;
 * which contacts are hot is decided by their calls: a contact called for the
 * first time always enters (it is the most recent), replacing the hot
 * contact with the fewest calls (ties: the longest ago), so frequent
 * contacts stay and the newest is always there. Counts are halved when one
 * saturates, so old habits fade. A contact leaving the hot table keeps its
 * ss in the small LRU table (s_lru), so calling it again skips ss.
 */
#include "precompute.h"

#include <string.h>

#include "backend.h"
#include "keypool.h"
#include "keystore.h"
#include "pc_limits.h"
#include "phone_crypto_api.h"

#define CALLS_MAX 0xFFFFu /* a count about to pass this halves every count */

typedef struct hot_contact {
    int32_t store;
    uint8_t pub[PC_KEY_LEN];    /* the contact's static key */
    uint8_t ss[PC_KEY_LEN];     /* DH(s_local, pub), when has_ss */
    uint8_t e[PC_KEY_LEN];      /* the bound ephemeral, when bound */
    uint8_t e_pub[PC_KEY_LEN];
    uint8_t e_rs[PC_KEY_LEN];   /* DH(e, pub): es as caller, se as callee */
    uint32_t last;              /* s_tick of the latest call */
    uint16_t calls;
    uint8_t used, has_ss, bound;
} hot_contact;

typedef struct ss_entry {
    int32_t store;
    uint8_t pub[PC_KEY_LEN];
    uint8_t ss[PC_KEY_LEN];
    uint32_t last;              /* s_tick of the latest use */
    uint8_t used;
} ss_entry;

typedef char precomp_tables_not_empty[(PC_PRECOMP_CONTACTS >= 1 && PC_PRECOMP_SS_LRU >= 1) ? 1 : -1];

static hot_contact s_hot[PC_PRECOMP_CONTACTS];
static ss_entry s_lru[PC_PRECOMP_SS_LRU];
static uint32_t s_tick;
static int s_limit = PC_PRECOMP_CONTACTS;

/* ---- look-ups ------------------------------------------------------------- */

static int same_key(int32_t a_store, const uint8_t *a_pub, int32_t b_store, const uint8_t *b_pub)
{
    return a_store == b_store && pci_be_equal(a_pub, b_pub, PC_KEY_LEN);
}

static hot_contact *hot_find(int32_t store, const uint8_t pub[32])
{
    for (int i = 0; i < s_limit; i++)
        if (s_hot[i].used && same_key(s_hot[i].store, s_hot[i].pub, store, pub))
            return &s_hot[i];
    return NULL;
}

static ss_entry *lru_find(int32_t store, const uint8_t pub[32])
{
    for (int i = 0; i < PC_PRECOMP_SS_LRU; i++)
        if (s_lru[i].used && same_key(s_lru[i].store, s_lru[i].pub, store, pub))
            return &s_lru[i];
    return NULL;
}

static int is_contact(int32_t store, const uint8_t pub[32])
{
    return pci_keystore_contact_find(store, pub) >= 0;
}

/* ---- the LRU ss table ----------------------------------------------------- */

/* The entry for pub, else a free one, else the least recently used. */
static ss_entry *lru_slot(int32_t store, const uint8_t pub[32])
{
    ss_entry *slot = lru_find(store, pub);
    if (slot != NULL)
        return slot;
    slot = &s_lru[0];
    for (int i = 0; i < PC_PRECOMP_SS_LRU; i++) {
        if (!s_lru[i].used)
            return &s_lru[i];
        if (s_lru[i].last < slot->last)
            slot = &s_lru[i];
    }
    return slot;
}

static void lru_put(int32_t store, const uint8_t pub[32], const uint8_t ss[32])
{
    ss_entry *slot = lru_slot(store, pub);
    pci_be_wipe(slot, sizeof *slot);
    slot->used = 1;
    slot->store = store;
    memcpy(slot->pub, pub, PC_KEY_LEN);
    memcpy(slot->ss, ss, PC_KEY_LEN);
    slot->last = ++s_tick;
}

/* ---- hot contacts --------------------------------------------------------- */

static void hot_release(hot_contact *h)
{
    pci_be_wipe(h, sizeof *h);
}

/* A free hot slot, else the one with the fewest calls (ties: longest ago). */
static hot_contact *hot_victim(void)
{
    hot_contact *v = &s_hot[0];
    for (int i = 0; i < s_limit; i++) {
        hot_contact *h = &s_hot[i];
        if (!h->used)
            return h;
        if (h->calls < v->calls || (h->calls == v->calls && h->last < v->last))
            v = h;
    }
    return v;
}

static void age_all(void)
{
    for (int i = 0; i < s_limit; i++)
        s_hot[i].calls = (uint16_t)((s_hot[i].calls + 1u) / 2u);
}

/* A new hot contact in the coldest slot. The newcomer takes its ss from the
 * LRU table if it was kept there (taken first, so the evicted contact's ss,
 * which moves to the LRU table, cannot push it out). */
static void hot_admit(int32_t store, const uint8_t pub[32])
{
    uint8_t kept_ss[PC_KEY_LEN];
    ss_entry *kept = lru_find(store, pub);
    int has_kept = kept != NULL;
    if (has_kept) {
        memcpy(kept_ss, kept->ss, PC_KEY_LEN);
        pci_be_wipe(kept, sizeof *kept);
    }
    hot_contact *v = hot_victim();
    if (v->used && v->has_ss)
        lru_put(v->store, v->pub, v->ss);
    hot_release(v);
    v->used = 1;
    v->store = store;
    memcpy(v->pub, pub, PC_KEY_LEN);
    v->calls = 1;
    v->last = s_tick;
    if (has_kept) {
        memcpy(v->ss, kept_ss, PC_KEY_LEN);
        v->has_ss = 1;
    }
    pci_be_wipe(kept_ss, sizeof kept_ss);
}

void pci_precomp_note_call(int32_t store, const uint8_t rs[32])
{
    if (s_limit == 0 || !is_contact(store, rs))
        return;
    s_tick++;
    hot_contact *h = hot_find(store, rs);
    if (h == NULL) {
        hot_admit(store, rs);
        return;
    }
    if (h->calls >= CALLS_MAX)
        age_all();
    h->calls++;
    h->last = s_tick;
}

/* ---- the handshake's side ------------------------------------------------- */

int pci_precomp_ss(int32_t store, const uint8_t rs[32], uint8_t out[32])
{
    if (s_limit == 0)
        return 0;
    const hot_contact *h = hot_find(store, rs);
    if (h != NULL && h->has_ss) {
        memcpy(out, h->ss, PC_KEY_LEN);
        return 1;
    }
    ss_entry *e = lru_find(store, rs);
    if (e == NULL)
        return 0;
    memcpy(out, e->ss, PC_KEY_LEN);
    e->last = ++s_tick;
    return 1;
}

void pci_precomp_ss_learned(int32_t store, const uint8_t rs[32], const uint8_t ss[32])
{
    if (s_limit == 0 || !is_contact(store, rs))
        return; /* only pinned contacts: a stranger's key never fills the table */
    hot_contact *h = hot_find(store, rs);
    if (h == NULL) {
        lru_put(store, rs, ss);
    } else if (!h->has_ss) {
        memcpy(h->ss, ss, PC_KEY_LEN);
        h->has_ss = 1;
    }
}

int pci_precomp_take(int32_t store, const uint8_t rs[32], uint8_t e[32], uint8_t e_pub[32],
                     uint8_t e_rs[32])
{
    if (s_limit == 0)
        return 0;
    hot_contact *h = hot_find(store, rs);
    if (h == NULL || !h->bound)
        return 0;
    memcpy(e, h->e, PC_KEY_LEN);
    memcpy(e_pub, h->e_pub, PC_KEY_LEN);
    memcpy(e_rs, h->e_rs, PC_KEY_LEN);
    pci_be_wipe(h->e, PC_KEY_LEN); /* used once: the table forgets it now */
    pci_be_wipe(h->e_pub, PC_KEY_LEN);
    pci_be_wipe(h->e_rs, PC_KEY_LEN);
    h->bound = 0;
    return 1;
}

/* ---- idle time ------------------------------------------------------------ */

/* ss (identity DH through the store) and a binding (a pool key, DH with the
 * contact) for one hot contact. A store that is gone drops the entry. */
static int prepare(hot_contact *h)
{
    if (!h->has_ss) {
        if (pci_keystore_dh(h->store, h->ss, h->pub) != 0) {
            hot_release(h);
            return 0;
        }
        h->has_ss = 1;
    }
    if (h->bound)
        return 0;
    int rc = pci_keypool_take(h->e, h->e_pub);
    if (rc != 0)
        return rc;
    if (pci_be_x25519(h->e_rs, h->e, h->pub) != 0) {
        hot_release(h); /* cannot happen for a key a handshake accepted */
        return 0;
    }
    h->bound = 1;
    return 0;
}

/* One hot contact per store per call, so one idle step costs a phone at
 * most 2 DH and a key generation (a call changes at most one contact's
 * entry, so this keeps up; docs/performance.md "Device timing" charges
 * pc_pool_refill that much). Stores are counted separately because the
 * host runs several phones in one process. */
int pci_precomp_idle(void)
{
    int32_t served[PC_MAX_STORES + 1]; /* + the test hooks' PC_STORE_NONE entries */
    int n_served = 0;
    for (int i = 0; i < s_limit; i++) {
        hot_contact *h = &s_hot[i];
        if (!h->used || (h->has_ss && h->bound))
            continue;
        int done = 0;
        for (int k = 0; k < n_served; k++)
            done |= served[k] == h->store;
        if (done || n_served == PC_MAX_STORES + 1)
            continue;
        served[n_served++] = h->store;
        int rc = prepare(h);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* ---- dropping ------------------------------------------------------------- */

void pci_precomp_forget(int32_t store, const uint8_t pub[32])
{
    hot_contact *h = hot_find(store, pub);
    if (h != NULL)
        hot_release(h);
    ss_entry *e = lru_find(store, pub);
    if (e != NULL)
        pci_be_wipe(e, sizeof *e);
}

void pci_precomp_drop_store(int32_t store)
{
    for (int i = 0; i < PC_PRECOMP_CONTACTS; i++)
        if (s_hot[i].used && s_hot[i].store == store)
            hot_release(&s_hot[i]);
    for (int i = 0; i < PC_PRECOMP_SS_LRU; i++)
        if (s_lru[i].used && s_lru[i].store == store)
            pci_be_wipe(&s_lru[i], sizeof s_lru[i]);
}

void pci_precomp_set_limit(int contacts)
{
    if (contacts < 0)
        contacts = 0;
    if (contacts > PC_PRECOMP_CONTACTS)
        contacts = PC_PRECOMP_CONTACTS;
    for (int i = contacts; i < PC_PRECOMP_CONTACTS; i++)
        hot_release(&s_hot[i]);
    if (contacts == 0)
        pci_be_wipe(s_lru, sizeof s_lru);
    s_limit = contacts;
}

void pci_precomp_wipe_all(void)
{
    pci_be_wipe(s_hot, sizeof s_hot);
    pci_be_wipe(s_lru, sizeof s_lru);
    s_tick = 0;
    s_limit = PC_PRECOMP_CONTACTS;
}

#ifdef PC_TEST_HOOKS
int pci_precomp_install(int32_t store, const uint8_t rs[32], const uint8_t ss[32],
                        const uint8_t e[32])
{
    if (s_limit == 0)
        return PC_E_STATE;
    hot_contact *h = hot_find(store, rs);
    if (h == NULL)
        h = hot_victim();
    hot_release(h);
    h->used = 1;
    h->store = store;
    memcpy(h->pub, rs, PC_KEY_LEN);
    memcpy(h->ss, ss, PC_KEY_LEN);
    h->has_ss = 1;
    memcpy(h->e, e, PC_KEY_LEN);
    pci_be_x25519_public(h->e_pub, h->e);
    int rc = pci_be_x25519(h->e_rs, h->e, rs);
    if (rc != 0) {
        hot_release(h);
        return rc;
    }
    h->bound = 1;
    h->calls = 1;
    h->last = ++s_tick;
    return PC_OK;
}

int pci_precomp_bound(int32_t store, const uint8_t rs[32], uint8_t e_pub[32])
{
    const hot_contact *h = hot_find(store, rs);
    if (h == NULL || !h->bound)
        return 0;
    if (e_pub != NULL)
        memcpy(e_pub, h->e_pub, PC_KEY_LEN);
    return 1;
}

int pci_precomp_ss_held(int32_t store, const uint8_t rs[32])
{
    const hot_contact *h = hot_find(store, rs);
    return (h != NULL && h->has_ss) || lru_find(store, rs) != NULL;
}
#endif /* PC_TEST_HOOKS */
