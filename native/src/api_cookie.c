// SPDX-License-Identifier: MIT
/*
 * api_cookie.c - the exported pc_cookie_* functions: WireGuard-style mac1/mac2
 * on first messages and the sealed cookie reply under load
 * (phone_crypto_api.h, docs/protocol.md §11). Every argument is checked before
 * anything is written; cookies and MACs computed here are wiped on every exit.
 */
#include <string.h>

#include "api_guard.h"
#include "backend.h"
#include "cookie_secret.h"
#include "phone_crypto_api.h"

static int key_ok(const uint8_t *key, int32_t key_len)
{
    return key != NULL && key_len == PC_COOKIE_KEY_LEN;
}

static int source_ok(const uint8_t *source, int32_t source_len)
{
    return source != NULL && source_len >= 1 && source_len <= PC_COOKIE_SOURCE_MAX;
}

/* A first message: at least one byte before the two MACs. */
static int dgram_ok(const uint8_t *dgram, int32_t dgram_len, int32_t off, int32_t count)
{
    return count > PC_MACS_LEN && pci_arg_region(dgram, dgram_len, off, count);
}

static int32_t stamp(const uint8_t *mac1_key, int32_t key_len, const uint8_t *cookie,
                     int32_t cookie_len, uint8_t *dgram, int32_t dgram_len, int32_t off,
                     int32_t count)
{
    if (!key_ok(mac1_key, key_len) || !dgram_ok(dgram, dgram_len, off, count)
        || !(cookie_len == 0 || (cookie != NULL && cookie_len == PC_MAC_LEN)))
        return PC_E_ARG;
    uint8_t *d = dgram + off;
    size_t mac1_at = (size_t)count - PC_MACS_LEN;
    pci_mac16(d + mac1_at, mac1_key, PC_COOKIE_KEY_LEN, d, mac1_at);
    if (cookie_len == 0)
        memset(d + mac1_at + PC_MAC_LEN, 0, PC_MAC_LEN);
    else
        pci_mac16(d + mac1_at + PC_MAC_LEN, cookie, PC_MAC_LEN, d, mac1_at + PC_MAC_LEN);
    return count;
}

/* 1 if mac2 of d (n bytes) is the MAC under the cookie of R[which] for source. */
static int mac2_matches(int which, const uint8_t *source, int32_t source_len, const uint8_t *d,
                        size_t n)
{
    uint8_t cookie[PC_MAC_LEN], mac[PC_MAC_LEN];
    pci_cookie_of(cookie, which, source, (size_t)source_len);
    pci_mac16(mac, cookie, PC_MAC_LEN, d, n - PC_MAC_LEN);
    int ok = pci_be_equal(mac, d + n - PC_MAC_LEN, PC_MAC_LEN);
    pci_be_wipe(cookie, sizeof cookie);
    pci_be_wipe(mac, sizeof mac);
    return ok;
}

static int32_t check(const uint8_t *mac1_key, int32_t key_len, const uint8_t *source,
                     int32_t source_len, int32_t epoch, const uint8_t *dgram, int32_t dgram_len,
                     int32_t off, int32_t count)
{
    if (!key_ok(mac1_key, key_len) || !source_ok(source, source_len)
        || !dgram_ok(dgram, dgram_len, off, count))
        return PC_E_ARG;
    int32_t rc = pci_cookie_advance(epoch);
    if (rc != PC_OK)
        return rc;
    const uint8_t *d = dgram + off;
    size_t n = (size_t)count;
    uint8_t mac1[PC_MAC_LEN];
    pci_mac16(mac1, mac1_key, PC_COOKIE_KEY_LEN, d, n - PC_MACS_LEN);
    int flags = pci_be_equal(mac1, d + n - PC_MACS_LEN, PC_MAC_LEN) ? PC_COOKIE_MAC1_OK : 0;
    pci_be_wipe(mac1, sizeof mac1);
    /* A flood is mostly mac2-less or mac1-less: those cost one MAC, not five. What is skipped
     * depends on public bytes only (mac1 anyone can compute, a zero mac2 field). */
    if (flags == 0 || pci_be_is_zero(d + n - PC_MAC_LEN, PC_MAC_LEN))
        return flags;
    if (mac2_matches(0, source, source_len, d, n) || mac2_matches(1, source, source_len, d, n))
        flags |= PC_COOKIE_MAC2_OK;
    return flags;
}

static int32_t reply(const uint8_t *cookie_key, int32_t key_len, const uint8_t *source,
                     int32_t source_len, int32_t epoch, const uint8_t *request, int32_t request_len,
                     int32_t req_off, int32_t req_count, uint8_t *out, int32_t out_len,
                     int32_t out_off)
{
    if (!key_ok(cookie_key, key_len) || !source_ok(source, source_len)
        || !dgram_ok(request, request_len, req_off, req_count)
        || !pci_arg_region(out, out_len, out_off, PC_COOKIE_SEALED_LEN))
        return PC_E_ARG;
    int32_t rc = pci_cookie_advance(epoch);
    if (rc != PC_OK)
        return rc;
    uint8_t nonce[PC_XAEAD_NONCE_LEN], mac1[PC_MAC_LEN], cookie[PC_MAC_LEN], sealed[PC_MAC_LEN];
    uint8_t tag[PC_TAG_LEN];
    if (pci_be_random(nonce, sizeof nonce) != 0)
        return PC_E_RNG;
    /* Copied first: request and out may be the same buffer. */
    memcpy(mac1, request + req_off + req_count - PC_MACS_LEN, PC_MAC_LEN);
    pci_cookie_of(cookie, 0, source, (size_t)source_len);
    pci_be_xaead_seal(sealed, tag, cookie_key, nonce, mac1, PC_MAC_LEN, cookie, PC_MAC_LEN);
    uint8_t *o = out + out_off;
    memcpy(o, nonce, sizeof nonce);
    memcpy(o + sizeof nonce, sealed, sizeof sealed);
    memcpy(o + sizeof nonce + sizeof sealed, tag, sizeof tag);
    pci_be_wipe(cookie, sizeof cookie);
    return PC_COOKIE_SEALED_LEN;
}

static int32_t open_reply(const uint8_t *cookie_key, int32_t key_len, const uint8_t *mac1,
                          int32_t mac1_len, const uint8_t *reply_buf, int32_t reply_len,
                          int32_t off, uint8_t *cookie, int32_t cookie_len)
{
    if (!key_ok(cookie_key, key_len) || mac1 == NULL || mac1_len != PC_MAC_LEN
        || !pci_arg_region(reply_buf, reply_len, off, PC_COOKIE_SEALED_LEN) || cookie == NULL
        || cookie_len != PC_MAC_LEN)
        return PC_E_ARG;
    const uint8_t *r = reply_buf + off;
    uint8_t plain[PC_MAC_LEN];
    if (pci_be_xaead_open(plain, cookie_key, r, mac1, PC_MAC_LEN, r + PC_XAEAD_NONCE_LEN,
                          PC_MAC_LEN, r + PC_XAEAD_NONCE_LEN + PC_MAC_LEN) != 0) {
        pci_be_wipe(plain, sizeof plain);
        return PC_E_AUTH;
    }
    memcpy(cookie, plain, PC_MAC_LEN);
    pci_be_wipe(plain, sizeof plain);
    return PC_MAC_LEN;
}

int32_t pc_cookie_stamp(const uint8_t *mac1_key, int32_t key_len, const uint8_t *cookie,
                        int32_t cookie_len, uint8_t *dgram, int32_t dgram_len, int32_t off,
                        int32_t count)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = stamp(mac1_key, key_len, cookie, cookie_len, dgram, dgram_len, off, count);
    return pci_api_leave(rc);
}

int32_t pc_cookie_check(const uint8_t *mac1_key, int32_t key_len, const uint8_t *source,
                        int32_t source_len, int32_t epoch, const uint8_t *dgram, int32_t dgram_len,
                        int32_t off, int32_t count)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = check(mac1_key, key_len, source, source_len, epoch, dgram, dgram_len, off, count);
    return pci_api_leave(rc);
}

int32_t pc_cookie_reply(const uint8_t *cookie_key, int32_t key_len, const uint8_t *source,
                        int32_t source_len, int32_t epoch, const uint8_t *request,
                        int32_t request_len, int32_t req_off, int32_t req_count, uint8_t *out,
                        int32_t out_len, int32_t out_off)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = reply(cookie_key, key_len, source, source_len, epoch, request, request_len, req_off,
                   req_count, out, out_len, out_off);
    return pci_api_leave(rc);
}

int32_t pc_cookie_open(const uint8_t *cookie_key, int32_t key_len, const uint8_t *mac1,
                       int32_t mac1_len, const uint8_t *reply_buf, int32_t reply_len, int32_t off,
                       uint8_t *cookie, int32_t cookie_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = open_reply(cookie_key, key_len, mac1, mac1_len, reply_buf, reply_len, off, cookie,
                        cookie_len);
    return pci_api_leave(rc);
}
