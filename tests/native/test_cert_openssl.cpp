// SPDX-License-Identifier: MIT
// test_cert_openssl.cpp - the independent check: OpenSSL (Debian's openssl
// command) and our side agree on certificate signatures both ways.
//   1. openssl genpkey makes an organisation key (the PEM an IT person keeps);
//      openssl pkeyutl -sign -rawin signs a certificate's message; our
//      verifier accepts the certificate under the public key read from
//      openssl's DER output.
//   2. libsodium (test build only) signs a certificate; openssl pkeyutl
//      -verify -rawin accepts it, and refuses it with one bit flipped.
// A missing or failing openssl fails the test (never skipped).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "cert_fixture.hpp"

extern "C" {
#include "backend.h"
}

namespace {

// DER prefixes of the Ed25519 key encodings (RFC 8410): SubjectPublicKeyInfo
// and PKCS#8 PrivateKeyInfo, each followed by the raw 32 bytes.
const Bytes kSpkiPrefix = hex("302a300506032b6570032100");
const Bytes kPkcs8Prefix = hex("302e020100300506032b657004220420");

Bytes read_file(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

void write_file(const std::string &path, const Bytes &b)
{
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char *>(b.data()), static_cast<std::streamsize>(b.size()));
}

// The raw 32 bytes after a DER prefix, or empty if the encoding is not that.
Bytes raw_key(const Bytes &der, const Bytes &prefix)
{
    if (der.size() != prefix.size() + 32 || !std::equal(prefix.begin(), prefix.end(), der.begin()))
        return {};
    return Bytes(der.begin() + static_cast<long>(prefix.size()), der.end());
}

int run(const std::string &cmd)
{
    return std::system((cmd + " 2>/dev/null").c_str());
}

class OpenSslCrossCheck : public ::testing::Test {
protected:
    std::string dir;
    void SetUp() override
    {
        ASSERT_EQ(pci_be_init(), 0);
        char tmpl[] = "/tmp/pc-cert-openssl-XXXXXX";
        ASSERT_NE(mkdtemp(tmpl), nullptr);
        dir = tmpl;
        ASSERT_EQ(run("openssl version >/dev/null"), 0) << "openssl (Debian package) is required";
    }
    void TearDown() override { run("rm -rf '" + dir + "'"); }
    std::string at(const char *name) const { return dir + "/" + name; }
};

} // namespace

TEST_F(OpenSslCrossCheck, OpenSslOrgKeySignsWeVerify)
{
    ASSERT_EQ(run("openssl genpkey -algorithm ed25519 -out " + at("org.pem")), 0);
    ASSERT_EQ(run("openssl pkey -in " + at("org.pem") + " -pubout -outform DER -out " + at("pub.der")), 0);
    ASSERT_EQ(run("openssl pkey -in " + at("org.pem") + " -outform DER -out " + at("key.der")), 0);
    Bytes pub = raw_key(read_file(at("pub.der")), kSpkiPrefix);
    Bytes seed = raw_key(read_file(at("key.der")), kPkcs8Prefix);
    ASSERT_EQ(pub.size(), 32u);
    ASSERT_EQ(seed.size(), 32u);
    // libsodium derives the same public key from openssl's secret key
    Bytes derived(32), sk(64);
    crypto_sign_seed_keypair(derived.data(), sk.data(), seed.data());
    EXPECT_EQ(derived, pub);

    TestOrg layout(0x01); // only its org id is used: the key is openssl's
    pc_org_anchor anchor{};
    std::memcpy(anchor.org_id, layout.org_id.data(), PC_CERT_ORG_ID_LEN);
    std::memcpy(anchor.public_key, pub.data(), 32);
    Bytes body = encode_body(sample_fields(layout, "Reception"));
    ASSERT_FALSE(body.empty());
    write_file(at("msg"), signed_message(body));
    ASSERT_EQ(run("openssl pkeyutl -sign -rawin -inkey " + at("org.pem") + " -in " + at("msg") +
                  " -out " + at("sig")),
              0);
    Bytes sig = read_file(at("sig"));
    ASSERT_EQ(sig.size(), 64u);
    Bytes cert = body;
    cert.insert(cert.end(), sig.begin(), sig.end());

    pc_cert out{};
    EXPECT_EQ(pci_cert_verify(&out, cert.data(), cert.size(), &anchor, 1500), PC_CERT_OK);
    EXPECT_EQ(std::string(reinterpret_cast<char *>(out.name), out.name_len), "Reception");
    cert[PC_CERT_HEADER_LEN] ^= 0x20; // "reception": a changed name is a forgery
    EXPECT_EQ(pci_cert_verify(&out, cert.data(), cert.size(), &anchor, 1500), PC_CERT_E_BAD_SIGNATURE);
}

TEST_F(OpenSslCrossCheck, WeSignOpenSslVerifies)
{
    TestOrg org(0x5A);
    Bytes body = encode_body(sample_fields(org));
    Bytes cert = sign_body(org, body);
    Bytes spki = kSpkiPrefix;
    spki.insert(spki.end(), org.anchor_key.begin(), org.anchor_key.end());
    write_file(at("pub.der"), spki);
    write_file(at("msg"), signed_message(body));
    write_file(at("sig"), Bytes(cert.end() - 64, cert.end()));
    std::string verify = "openssl pkeyutl -verify -rawin -pubin -keyform DER -inkey " + at("pub.der") +
                         " -in " + at("msg") + " -sigfile " + at("sig") + " >/dev/null";
    EXPECT_EQ(run(verify), 0) << "openssl refused our signature";
    Bytes bad = Bytes(cert.end() - 64, cert.end());
    bad[10] ^= 1;
    write_file(at("sig"), bad);
    EXPECT_NE(run(verify), 0) << "openssl accepted a flipped signature: the check proves nothing";
}
