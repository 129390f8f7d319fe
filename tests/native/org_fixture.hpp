// SPDX-License-Identifier: MIT
// org_fixture.hpp - an organisation's certificates and revocation lists
// issued for a store's identity (test build signs with libsodium), and a
// handshake handle holding a chosen remote static key.
#pragma once

#include <vector>

#include "cert_fixture.hpp"
#include "store_fixture.hpp"

extern "C" {
#include "org_crl.h"
#include "org_record.h"
#include "test_hooks.h"
}

// A certificate of org for the 32-byte key, valid [not_before, not_after].
inline Bytes cert_for(const TestOrg &org, const Bytes &key, uint64_t serial,
                      uint64_t not_before = 1000, uint64_t not_after = 1u << 30,
                      const std::string &name = "Desk 7")
{
    pc_cert f = sample_fields(org, name);
    std::memcpy(f.identity, key.data(), 32);
    f.serial = serial;
    f.not_before = not_before;
    f.not_after = not_after;
    return issue(org, f);
}

inline Bytes crl_for(const TestOrg &org, uint32_t version, uint64_t issued_at,
                     const std::vector<uint64_t> &serials)
{
    Bytes body(PC_ORG_CRL_MAX);
    size_t n = pci_crl_encode_body(body.data(), body.size(), org.org_id.data(), version, issued_at,
                                   serials.data(), serials.size());
    body.resize(n);
    Bytes msg(PC_CRL_SIGN_LABEL_LEN + PC_ORG_CRL_MAX);
    msg.resize(pci_crl_signed_message(msg.data(), body.data(), body.size()));
    Bytes sig(64);
    crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), org.secret.data());
    body.insert(body.end(), sig.begin(), sig.end());
    return body;
}

inline int32_t install(int32_t store, const TestOrg &org, const Bytes &cert,
                       const std::string &name = "Acme")
{
    return pc_org_install(store, org.anchor_key.data(), 32,
                          reinterpret_cast<const uint8_t *>(name.data()), (int32_t)name.size(),
                          cert.data(), (int32_t)cert.size());
}

// An IK initiator handshake whose remote static is peer (the key a peer's
// certificate must name).
inline int32_t handshake_with(const Bytes &peer)
{
    Bytes s = random_bytes(32);
    return pc_test_hs_new(PC_PATTERN_IK, PC_ROLE_INITIATOR, nullptr, 0, s.data(), nullptr,
                          peer.data(), nullptr);
}

inline int32_t verify_peer(int32_t store, int32_t hs, const Bytes &cert, Bytes *view = nullptr)
{
    Bytes out(PC_ORG_PEER_LEN, 0xEE);
    int32_t rc = pc_org_verify_peer(store, hs, cert.data(), (int32_t)cert.size(), out.data(),
                                    (int32_t)out.size());
    if (view != nullptr)
        *view = out;
    return rc;
}

inline Bytes org_part(int32_t store, int32_t part, int32_t *rc_out = nullptr)
{
    Bytes out(PC_ORG_CRL_MAX + PC_ORG_INFO_LEN, 0);
    int32_t rc = pc_org_read(store, part, out.data(), (int32_t)out.size());
    if (rc_out != nullptr)
        *rc_out = rc;
    out.resize(rc > 0 ? (size_t)rc : 0);
    return out;
}

inline uint64_t le64_at(const Bytes &b, size_t at)
{
    return (uint64_t)le32_at(b, at) | (uint64_t)le32_at(b, at + 4) << 32;
}
