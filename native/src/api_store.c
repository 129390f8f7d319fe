// SPDX-License-Identifier: MIT
/*
 * api_store.c - the exported pc_store_* and pc_contact_* functions: guard,
 * check every buffer the caller passed, then hand over to keystore*.c.
 * Pin and remember take the peer from a session (its copy is wiped here).
 */
#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "keystore.h"
#include "pc_limits.h"
#include "phone_crypto_api.h"
#include "transport.h"

int32_t pc_store_open(const uint8_t *locator, int32_t locator_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_arg_buffer(locator, locator_len) && locator_len > 0
                 ? pci_keystore_open(locator, (size_t)locator_len)
                 : PC_E_ARG;
    return pci_api_leave(rc);
}

int32_t pc_store_close(int32_t store)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_keystore_close(store);
    return pci_api_leave(rc);
}

int32_t pc_store_status(int32_t store)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_keystore_status(store);
    return pci_api_leave(rc);
}

static int32_t reset_checked(int32_t store, const uint8_t *locator, int32_t locator_len)
{
    if (!pci_arg_buffer(locator, locator_len) || (store == -1 && locator_len == 0))
        return PC_E_ARG;
    if (store < -1)
        return PC_E_HANDLE;
    return pci_keystore_factory_reset(store, locator, (size_t)locator_len);
}

int32_t pc_store_factory_reset(int32_t store, const uint8_t *locator, int32_t locator_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = reset_checked(store, locator, locator_len);
    return pci_api_leave(rc);
}

static int32_t identity_checked(int32_t store, uint8_t *pub, int32_t pub_len)
{
    int32_t rc = pci_arg_out(pub, pub_len, PC_KEY_LEN);
    if (rc == PC_OK)
        rc = pci_keystore_identity_public(store, pub);
    return rc == PC_OK ? PC_KEY_LEN : rc;
}

int32_t pc_store_identity(int32_t store, uint8_t *pub, int32_t pub_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = identity_checked(store, pub, pub_len);
    return pci_api_leave(rc);
}

int32_t pc_contact_capacity(void)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = PC_MAX_CONTACTS;
    return pci_api_leave(rc);
}

/* Writes the record into a local first: a failed read leaves rec as it was. */
static int32_t read_checked(int32_t store, int32_t index, uint8_t *rec, int32_t rec_len)
{
    uint8_t local[PC_CONTACT_RECORD_LEN];
    int32_t rc = pci_arg_out(rec, rec_len, PC_CONTACT_RECORD_LEN);
    if (rc == PC_OK)
        rc = pci_keystore_contact_read(store, index, local);
    if (rc == PC_CONTACT_RECORD_LEN)
        memcpy(rec, local, sizeof local);
    return rc;
}

int32_t pc_contact_read(int32_t store, int32_t index, uint8_t *rec, int32_t rec_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = read_checked(store, index, rec, rec_len);
    return pci_api_leave(rc);
}

static int32_t find_checked(int32_t store, const uint8_t *pub, int32_t pub_len)
{
    if (!pci_arg_buffer(pub, pub_len) || pub_len != PC_KEY_LEN)
        return PC_E_ARG;
    return pci_keystore_contact_find(store, pub);
}

int32_t pc_contact_find(int32_t store, const uint8_t *pub, int32_t pub_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = find_checked(store, pub, pub_len);
    return pci_api_leave(rc);
}

static int32_t pin_checked(int32_t store, int32_t session, const uint8_t *name,
                           int32_t name_len, int32_t flags)
{
    pc_transport_peer peer;
    int32_t rc = pci_transport_peer_view(session, &peer);
    if (rc == PC_OK && (!pci_arg_buffer(name, name_len) || name_len > PC_MAX_NAME_LEN))
        rc = PC_E_ARG;
    if (rc == PC_OK && !peer.has_remote_static)
        rc = PC_E_STATE;
    /* "hybrid" is the session's fact, not the caller's claim: a classical
     * session cannot pin it, a hybrid one always does. */
    if (rc == PC_OK && (flags & PC_CONTACT_HYBRID) != 0 && !peer.hybrid)
        rc = PC_E_ARG;
    if (rc == PC_OK && peer.hybrid)
        flags |= PC_CONTACT_HYBRID;
    if (rc == PC_OK)
        rc = pci_keystore_pin(store, peer.remote_static, name, (size_t)name_len, flags,
                             peer.resumption);
    pci_be_wipe(&peer, sizeof peer);
    return rc;
}

int32_t pc_contact_pin(int32_t store, int32_t session, const uint8_t *name, int32_t name_len,
                       int32_t flags)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pin_checked(store, session, name, name_len, flags);
    return pci_api_leave(rc);
}

int32_t pc_contact_set_flags(int32_t store, int32_t index, int32_t flags)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_keystore_set_flags(store, index, flags);
    return pci_api_leave(rc);
}

static int32_t remember_checked(int32_t store, int32_t index, int32_t session, int32_t flags)
{
    pc_transport_peer peer;
    int32_t rc = pci_transport_peer_view(session, &peer);
    if (rc == PC_OK && !peer.has_remote_static)
        rc = PC_E_STATE;
    if (rc == PC_OK)
        rc = pci_keystore_remember(store, index, peer.remote_static, peer.psk_generation,
                                  peer.resumption, flags);
    pci_be_wipe(&peer, sizeof peer);
    return rc;
}

int32_t pc_contact_remember(int32_t store, int32_t index, int32_t session)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = remember_checked(store, index, session, -1);
    return pci_api_leave(rc);
}

int32_t pc_contact_remember_flags(int32_t store, int32_t index, int32_t session, int32_t flags)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = flags < 0 ? PC_E_ARG : remember_checked(store, index, session, flags);
    return pci_api_leave(rc);
}

int32_t pc_contact_forget(int32_t store, int32_t index)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = pci_keystore_forget(store, index);
    return pci_api_leave(rc);
}

static int32_t page_checked(int32_t store, int32_t first, const uint8_t *prefix,
                            int32_t prefix_len, uint8_t *out, int32_t out_len)
{
    if (!pci_arg_buffer(prefix, prefix_len) || prefix_len > PC_MAX_NAME_LEN || first < 0
        || first > PC_MAX_CONTACTS)
        return PC_E_ARG;
    int32_t rc = pci_arg_out(out, out_len, PC_PAGE_HEADER_LEN);
    return rc != PC_OK ? rc : pci_keystore_contact_page(store, first, prefix, (size_t)prefix_len, out,
                                     (size_t)out_len);
}

int32_t pc_contact_page(int32_t store, int32_t first, const uint8_t *prefix, int32_t prefix_len,
                        uint8_t *out, int32_t out_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = page_checked(store, first, prefix, prefix_len, out, out_len);
    return pci_api_leave(rc);
}
