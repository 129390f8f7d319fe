// SPDX-License-Identifier: MIT
// test_cert.cpp - the phone certificate parser and verifier (native/src/cert.c):
// a genuine certificate is accepted with its fields; every refusal has its
// own status and leaves the output exactly as it was.
#include <iostream>

#include "cert_fixture.hpp"

extern "C" {
#include "backend.h"
}

namespace {

const uint64_t kNow = 1500;

// Verifies into an output pre-filled with 0xA5; on a refusal the output
// must still be all 0xA5 (no state change).
int verify_cert(const Bytes &cert, const pc_org_anchor &anchor, uint64_t now = kNow,
                pc_cert *fields = nullptr)
{
    pc_cert out;
    std::memset(&out, 0xA5, sizeof out);
    int rc = pci_cert_verify(&out, cert.data(), cert.size(), &anchor, now);
    if (rc != PC_CERT_OK) {
        pc_cert untouched;
        std::memset(&untouched, 0xA5, sizeof untouched);
        EXPECT_EQ(std::memcmp(&out, &untouched, sizeof out), 0) << "output written on refusal " << rc;
    } else if (fields != nullptr) {
        *fields = out;
    }
    return rc;
}

// Re-signs a body changed by edit, so the test reaches the check after the signature.
template <typename Edit> Bytes resigned(const TestOrg &org, Edit edit)
{
    Bytes body = encode_body(sample_fields(org));
    edit(body);
    return sign_body(org, body);
}

} // namespace

class Cert : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ASSERT_EQ(pci_be_init(), 0); }
    TestOrg org{0x42};
};

TEST_F(Cert, GenuineAcceptedWithItsFields)
{
    pc_cert f = sample_fields(org), got;
    Bytes cert = issue(org, f);
    EXPECT_EQ(cert.size(), static_cast<size_t>(PC_CERT_HEADER_LEN + 7 + PC_CERT_SIG_LEN));
    ASSERT_EQ(verify_cert(cert, org.anchor, kNow, &got), PC_CERT_OK);
    EXPECT_EQ(std::memcmp(got.org_id, f.org_id, PC_CERT_ORG_ID_LEN), 0);
    EXPECT_EQ(got.serial, f.serial);
    EXPECT_EQ(got.not_before, 1000u);
    EXPECT_EQ(got.not_after, 2000u);
    EXPECT_EQ(std::memcmp(got.identity, f.identity, 32), 0);
    EXPECT_EQ(std::string(reinterpret_cast<char *>(got.name), got.name_len), "Desk 42");
}

// The layout of docs/protocol.md, byte for byte (little-endian integers).
TEST_F(Cert, LayoutAsSpecified)
{
    Bytes body = encode_body(sample_fields(org, "A"));
    ASSERT_EQ(body.size(), 75u);
    EXPECT_EQ(to_hex(body),
              "01" "01" "11111111111111111111111111111111" "0807060504030201"
              "e803000000000000" "d007000000000000"
              "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f" "41");
    Bytes msg = signed_message(body);
    EXPECT_EQ(std::string(msg.begin(), msg.begin() + 18), std::string("phone/v1/org-cert\0", 18));
    EXPECT_EQ(Bytes(msg.begin() + 18, msg.end()), body);
}

TEST_F(Cert, BoundsOfTheName)
{
    EXPECT_EQ(verify_cert(issue(org, sample_fields(org, "x")), org.anchor), PC_CERT_OK);
    Bytes longest = issue(org, sample_fields(org, std::string(PC_CERT_NAME_MAX, 'n')));
    EXPECT_EQ(longest.size(), static_cast<size_t>(PC_CERT_MAX_LEN));
    EXPECT_EQ(verify_cert(longest, org.anchor), PC_CERT_OK);
}

TEST_F(Cert, TruncatedRefused)
{
    Bytes cert = issue(org, sample_fields(org));
    pc_cert out{};
    EXPECT_EQ(pci_cert_verify(&out, cert.data(), 0, &org.anchor, kNow), PC_CERT_E_TRUNCATED);
    for (size_t len = 1; len < cert.size(); len++) {
        Bytes part(cert.begin(), cert.begin() + static_cast<long>(len));
        // below the minimum every length is truncated; above it the name
        // length byte says more bytes should follow
        EXPECT_EQ(verify_cert(part, org.anchor), PC_CERT_E_TRUNCATED) << len;
    }
}

TEST_F(Cert, OversizedRefused)
{
    Bytes cert = issue(org, sample_fields(org));
    Bytes longer = cert;
    longer.push_back(0);
    EXPECT_EQ(verify_cert(longer, org.anchor), PC_CERT_E_OVERSIZED);
    Bytes huge(PC_CERT_MAX_LEN + 1, 0);
    huge[0] = PC_CERT_VERSION;
    huge[1] = PC_CERT_NAME_MAX;
    EXPECT_EQ(verify_cert(huge, org.anchor), PC_CERT_E_OVERSIZED);
    Bytes big(100000, 1);
    EXPECT_EQ(verify_cert(big, org.anchor), PC_CERT_E_OVERSIZED);
}

TEST_F(Cert, BadVersionRefused)
{
    for (uint8_t v : {0, 2, 0xFF}) {
        Bytes cert = resigned(org, [v](Bytes &b) { b[0] = v; });
        EXPECT_EQ(verify_cert(cert, org.anchor), PC_CERT_E_BAD_VERSION) << int(v);
    }
}

TEST_F(Cert, BadSignatureRefused)
{
    Bytes cert = issue(org, sample_fields(org));
    // every byte after version, name length and org id (checked before the signature)
    for (size_t i = 2 + PC_CERT_ORG_ID_LEN; i < cert.size(); i++) {
        Bytes bad = cert;
        bad[i] ^= 0x01;
        EXPECT_EQ(verify_cert(bad, org.anchor), PC_CERT_E_BAD_SIGNATURE) << "byte " << i;
    }
    TestOrg impostor(0x43); // same org id, another key
    EXPECT_EQ(verify_cert(issue(impostor, sample_fields(impostor)), org.anchor),
              PC_CERT_E_BAD_SIGNATURE);
}

TEST_F(Cert, WrongOrgRefused)
{
    TestOrg other(0x42, 0x22); // even the same key under another org id
    EXPECT_EQ(verify_cert(issue(other, sample_fields(other)), org.anchor), PC_CERT_E_WRONG_ORG);
    Bytes cert = issue(org, sample_fields(org));
    cert[2 + PC_CERT_ORG_ID_LEN - 1] ^= 0x80;
    EXPECT_EQ(verify_cert(cert, org.anchor), PC_CERT_E_WRONG_ORG);
}

TEST_F(Cert, ValidityAgainstTheGivenTime)
{
    Bytes cert = issue(org, sample_fields(org));
    EXPECT_EQ(verify_cert(cert, org.anchor, 999), PC_CERT_E_NOT_YET_VALID);
    EXPECT_EQ(verify_cert(cert, org.anchor, 1000), PC_CERT_OK);
    EXPECT_EQ(verify_cert(cert, org.anchor, 2000), PC_CERT_OK);
    EXPECT_EQ(verify_cert(cert, org.anchor, 2001), PC_CERT_E_EXPIRED);
    EXPECT_EQ(verify_cert(cert, org.anchor, UINT64_MAX), PC_CERT_E_EXPIRED);
    pc_cert f = sample_fields(org);
    f.not_before = 3000;
    EXPECT_EQ(verify_cert(issue(org, f), org.anchor, 2500), PC_CERT_E_BAD_VALIDITY);
    // a forged time is a forged signature, never "expired"
    Bytes forged = cert;
    forged[PC_CERT_HEADER_LEN - 32 - 1] ^= 0x40; // top byte of not-after
    EXPECT_EQ(verify_cert(forged, org.anchor, 2001), PC_CERT_E_BAD_SIGNATURE);
}

TEST_F(Cert, NameInvalidRefused)
{
    const std::string bad_names[] = {
        "bell\a",      "esc\x1b[2J",   "del\x7f",      "\xc2\x85nel",       // C0, DEL, C1 (U+0085)
        "\xc0\xaf",    "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", // overlong, surrogate, > U+10FFFF
        "cut\xe2\x82", "\x80lead",      "\xff",         std::string("nul\0x", 5),
    };
    int n = 0;
    for (const std::string &s : bad_names) {
        pc_cert f = sample_fields(org, s);
        EXPECT_EQ(encode_body(f).size(), 0u) << n; // the issuer refuses it too
        Bytes cert = resigned(org, [&s](Bytes &b) {
            b.resize(PC_CERT_HEADER_LEN);
            b[1] = static_cast<uint8_t>(s.size());
            b.insert(b.end(), s.begin(), s.end());
        });
        EXPECT_EQ(verify_cert(cert, org.anchor), PC_CERT_E_NAME_INVALID) << n;
        n++;
    }
    EXPECT_EQ(n, 12);
    for (uint8_t len : {0, PC_CERT_NAME_MAX + 1, 0xFF}) {
        Bytes cert = issue(org, sample_fields(org));
        cert[1] = len;
        EXPECT_EQ(verify_cert(cert, org.anchor), PC_CERT_E_NAME_INVALID) << int(len);
    }
    // well-formed non-ASCII names are fine: "Zoë", "電話", an emoji
    for (const char *good : {"Zo\xc3\xab", "\xe9\x9b\xbb\xe8\xa9\xb1", "\xf0\x9f\x93\x9e"})
        EXPECT_EQ(verify_cert(issue(org, sample_fields(org, good)), org.anchor), PC_CERT_OK) << good;
}

TEST_F(Cert, NullArgumentsRefused)
{
    Bytes cert = issue(org, sample_fields(org));
    pc_cert out{};
    EXPECT_EQ(pci_cert_verify(nullptr, cert.data(), cert.size(), &org.anchor, kNow), PC_CERT_E_ARG);
    EXPECT_EQ(pci_cert_verify(&out, nullptr, cert.size(), &org.anchor, kNow), PC_CERT_E_ARG);
    EXPECT_EQ(pci_cert_verify(&out, cert.data(), cert.size(), nullptr, kNow), PC_CERT_E_ARG);
}
