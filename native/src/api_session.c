// SPDX-License-Identifier: MIT
/*
 * api_session.c - the exported pc_session_* functions: guard, look up the
 * session, check every (buffer, length, offset) the caller passed, then
 * hand over to session_*.c. Every check comes before the first change.
 */
#include "api_guard.h"
#include "phone_crypto_api.h"
#include "transport_state.h"

static int32_t seal_checked(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                            int32_t hdr_len, int32_t body_len)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    if (hdr_len < PC_PKT_MIN_HDR_LEN || body_len < 0
        || hdr_len > PC_MAX_PACKET_LEN - PC_TAG_LEN
        || body_len > PC_MAX_PACKET_LEN - PC_TAG_LEN - hdr_len)
        return PC_E_ARG; /* the packet would not fit one datagram */
    if (!pci_arg_region(buf, buf_len, off, hdr_len + body_len))
        return PC_E_ARG;
    if (!pci_arg_region(buf, buf_len, off, hdr_len + body_len + PC_TAG_LEN))
        return PC_E_SPACE; /* no room for the tag */
    return pci_transport_seal_packet(s, buf + off, (size_t)hdr_len, (size_t)body_len);
}

int32_t pc_session_seal(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                        int32_t hdr_len, int32_t body_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = seal_checked(session, buf, buf_len, off, hdr_len, body_len);
    return pci_api_leave(rc);
}

/* hdr_len is the caller's own constant (a mistake is PC_E_ARG); pkt_len
 * came from the network (a bad one is PC_E_MALFORMED). */
static int32_t open_checked(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                            int32_t hdr_len, int32_t pkt_len)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    if (!pci_arg_region(buf, buf_len, off, pkt_len) || hdr_len < PC_PKT_MIN_HDR_LEN
        || hdr_len > PC_MAX_PACKET_LEN - PC_TAG_LEN)
        return PC_E_ARG;
    if (pkt_len > PC_MAX_PACKET_LEN || pkt_len < hdr_len + PC_TAG_LEN)
        return PC_E_MALFORMED;
    return pci_transport_open_packet(s, buf + off, (size_t)hdr_len, (size_t)pkt_len);
}

int32_t pc_session_open(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                        int32_t hdr_len, int32_t pkt_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = open_checked(session, buf, buf_len, off, hdr_len, pkt_len);
    return pci_api_leave(rc);
}

static int32_t ratchet_checked(int32_t session)
{
    pc_transport_state *s = pci_transport_lookup(session);
    return s == NULL ? PC_E_HANDLE : pci_transport_ratchet_send(s);
}

int32_t pc_session_ratchet(int32_t session)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = ratchet_checked(session);
    return pci_api_leave(rc);
}

/* A peer's public key from the control channel: exactly PC_KEY_LEN bytes. */
static int32_t key_in_check(const uint8_t *in, int32_t in_len)
{
    if (!pci_arg_buffer(in, in_len))
        return PC_E_ARG;
    return in_len != PC_KEY_LEN ? PC_E_MALFORMED : PC_OK;
}

static int32_t offer_checked(int32_t session, uint8_t *e_pub, int32_t e_len)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    int32_t rc = pci_arg_out(e_pub, e_len, PC_KEY_LEN);
    return rc != PC_OK ? rc : pci_transport_offer(s, e_pub);
}

int32_t pc_session_rekey_offer(int32_t session, uint8_t *e_pub, int32_t e_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = offer_checked(session, e_pub, e_len);
    return pci_api_leave(rc);
}

static int32_t accept_checked(int32_t session, const uint8_t *peer_e, int32_t peer_len,
                              uint8_t *e_pub, int32_t e_len)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    int32_t rc = pci_arg_out(e_pub, e_len, PC_KEY_LEN);
    if (rc == PC_OK)
        rc = key_in_check(peer_e, peer_len);
    return rc != PC_OK ? rc : pci_transport_accept(s, peer_e, e_pub);
}

int32_t pc_session_rekey_accept(int32_t session, const uint8_t *peer_e, int32_t peer_len,
                                uint8_t *e_pub, int32_t e_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = accept_checked(session, peer_e, peer_len, e_pub, e_len);
    return pci_api_leave(rc);
}

static int32_t complete_checked(int32_t session, const uint8_t *peer_e, int32_t peer_len)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    int32_t rc = key_in_check(peer_e, peer_len);
    return rc != PC_OK ? rc : pci_transport_complete(s, peer_e);
}

int32_t pc_session_rekey_complete(int32_t session, const uint8_t *peer_e, int32_t peer_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = complete_checked(session, peer_e, peer_len);
    return pci_api_leave(rc);
}

static int32_t forget_previous_checked(int32_t session)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    pci_transport_forget_prev(s);
    return PC_OK;
}

int32_t pc_session_forget_previous(int32_t session)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = forget_previous_checked(session);
    return pci_api_leave(rc);
}

#define SESSION_INFO_LEN 4

static int32_t info_checked(int32_t session, uint8_t *out, int32_t out_len)
{
    uint8_t info[SESSION_INFO_LEN];
    const pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    pci_transport_info_bytes(s, info);
    return pci_api_copy_out(out, out_len, info, SESSION_INFO_LEN);
}

int32_t pc_session_info(int32_t session, uint8_t *out, int32_t out_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = info_checked(session, out, out_len);
    return pci_api_leave(rc);
}

static int32_t free_checked(int32_t session)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    pci_transport_release(s);
    return PC_OK;
}

int32_t pc_session_free(int32_t session)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = free_checked(session);
    return pci_api_leave(rc);
}
