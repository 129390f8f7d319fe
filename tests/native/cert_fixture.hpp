// SPDX-License-Identifier: MIT
// cert_fixture.hpp - an organisation and its certificates for the tests:
// the organisation key from a fixed seed, signing with libsodium (test
// build only; the phone never holds an organisation key).
#pragma once

#include <cstring>
#include <string>

#include <sodium.h>

#include "test_util.hpp"

extern "C" {
#include "cert.h"
}

struct TestOrg {
    Bytes seed, secret = Bytes(64), anchor_key = Bytes(32), org_id;
    pc_org_anchor anchor{};

    explicit TestOrg(uint8_t seed_byte, uint8_t id_byte = 0x11)
        : seed(32, seed_byte), org_id(PC_CERT_ORG_ID_LEN, id_byte)
    {
        crypto_sign_seed_keypair(anchor_key.data(), secret.data(), seed.data());
        std::memcpy(anchor.org_id, org_id.data(), PC_CERT_ORG_ID_LEN);
        std::memcpy(anchor.public_key, anchor_key.data(), 32);
    }
};

// Fields of a typical certificate of org (valid from 1000 to 2000).
inline pc_cert sample_fields(const TestOrg &org, const std::string &name = "Desk 42")
{
    pc_cert f{};
    std::memcpy(f.org_id, org.org_id.data(), PC_CERT_ORG_ID_LEN);
    f.serial = 0x0102030405060708ull;
    f.not_before = 1000;
    f.not_after = 2000;
    for (int i = 0; i < 32; i++)
        f.identity[i] = static_cast<uint8_t>(0x60 + i);
    f.name_len = static_cast<uint8_t>(name.size());
    std::memcpy(f.name, name.data(), name.size() > PC_CERT_NAME_MAX ? PC_CERT_NAME_MAX : name.size());
    return f;
}

// The body's signed message (label + body).
inline Bytes signed_message(const Bytes &body)
{
    Bytes msg(PC_CERT_MESSAGE_MAX);
    size_t n = pci_cert_signed_message(msg.data(), body.data(), body.size());
    msg.resize(n);
    return msg;
}

// body || Ed25519 signature of the signed message under org.
inline Bytes sign_body(const TestOrg &org, const Bytes &body)
{
    Bytes msg = signed_message(body), sig(64);
    crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), org.secret.data());
    Bytes cert = body;
    cert.insert(cert.end(), sig.begin(), sig.end());
    return cert;
}

inline Bytes encode_body(const pc_cert &f)
{
    Bytes body(PC_CERT_MAX_LEN);
    size_t n = pci_cert_encode_body(body.data(), body.size(), &f);
    body.resize(n);
    return body;
}

inline Bytes issue(const TestOrg &org, const pc_cert &f)
{
    return sign_body(org, encode_body(f));
}
