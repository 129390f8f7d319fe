// SPDX-License-Identifier: MIT
// test_primitives.cpp - every primitive through the backend interface
// (backend.h) and the HMAC/HKDF layer, against the published vectors.
#include <cstring>
#include <iostream>

#include "test_util.hpp"

extern "C" {
#include "backend.h"
#include "hkdf.h"
}

namespace {

Bytes x25519(const Bytes &scalar, const Bytes &u, int *rc = nullptr)
{
    Bytes out(32);
    int r = pci_be_x25519(out.data(), scalar.data(), u.data());
    if (rc)
        *rc = r;
    return out;
}

Bytes blake2b(const Bytes &in, size_t out_len)
{
    pc_blake2b_ctx ctx;
    Bytes out(out_len);
    pci_be_blake2b_init(&ctx, out_len);
    pci_be_blake2b_update(&ctx, in.data(), in.size());
    pci_be_blake2b_final(&ctx, out.data(), out_len);
    return out;
}

// AEAD through one of the two backend AEADs (12- or 24-byte nonce).
struct Aead {
    size_t nonce_len;
    void (*seal)(uint8_t *, uint8_t *, const uint8_t *, const uint8_t *, const uint8_t *, size_t,
                 const uint8_t *, size_t);
    int (*open)(uint8_t *, const uint8_t *, const uint8_t *, const uint8_t *, size_t,
                const uint8_t *, size_t, const uint8_t *);
};

const Aead kChaCha = {PC_AEAD_NONCE_LEN, pci_be_aead_seal, pci_be_aead_open};
const Aead kXChaCha = {PC_XAEAD_NONCE_LEN, pci_be_xaead_seal, pci_be_xaead_open};

struct AeadCounts {
    int valid = 0, invalid = 0, not_applicable = 0;
};

// One Wycheproof AEAD case: valid ones seal to ct||tag and open back;
// invalid ones are refused and leave the output buffer untouched.
void check_aead_case(const Aead &a, const nlohmann::json &t, AeadCounts &counts)
{
    Bytes key = hex(t["key"]), iv = hex(t["iv"]), aad = hex(t["aad"]);
    Bytes msg = hex(t["msg"]), ct = hex(t["ct"]), tag = hex(t["tag"]);
    std::string id = "tcId " + std::to_string(t["tcId"].get<int>());
    if (iv.size() != a.nonce_len) {
        counts.not_applicable++; // our interface has one fixed nonce size
        return;
    }
    Bytes out(ct.size() + 1, 0xA5);
    int rc = a.open(out.data(), key.data(), iv.data(), aad.data(), aad.size(), ct.data(),
                    ct.size(), tag.data());
    if (t["result"] == "invalid") {
        counts.invalid++;
        EXPECT_EQ(rc, PC_E_AUTH) << id;
        EXPECT_EQ(out, Bytes(ct.size() + 1, 0xA5)) << id << ": output touched on failure";
        return;
    }
    counts.valid++;
    EXPECT_EQ(rc, 0) << id;
    EXPECT_EQ(Bytes(out.begin(), out.end() - 1), msg) << id;
    Bytes sealed(msg.size()), sealed_tag(16);
    a.seal(sealed.data(), sealed_tag.data(), key.data(), iv.data(), aad.data(), aad.size(),
           msg.data(), msg.size());
    EXPECT_EQ(sealed, ct) << id;
    EXPECT_EQ(sealed_tag, tag) << id;
}

AeadCounts run_wycheproof_aead(const Aead &a, const char *file)
{
    AeadCounts counts;
    auto doc = load_vectors(file);
    for (auto &group : doc["testGroups"])
        for (auto &t : group["tests"])
            check_aead_case(a, t, counts);
    std::cout << file << ": " << counts.valid << " valid, " << counts.invalid
              << " invalid, " << counts.not_applicable
              << " not applicable (nonce size other than " << a.nonce_len << ")\n";
    EXPECT_EQ(counts.valid + counts.invalid + counts.not_applicable,
              doc["numberOfTests"].get<int>());
    return counts;
}

} // namespace

class Primitives : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ASSERT_EQ(pci_be_init(), 0); }
};

// ---- RFC 7748 ----------------------------------------------------------------

TEST_F(Primitives, Rfc7748ScalarMult)
{
    auto doc = load_vectors("rfc7748_x25519.json");
    int n = 0;
    for (auto &v : doc["x25519"]) {
        EXPECT_EQ(to_hex(x25519(hex(v["scalar"]), hex(v["u"]))), v["output"]) << v["source"];
        n++;
    }
    EXPECT_EQ(n, 2);
}

TEST_F(Primitives, Rfc7748DiffieHellman)
{
    auto d = load_vectors("rfc7748_x25519.json")["x25519_dh"];
    Bytes pub(32);
    pci_be_x25519_public(pub.data(), hex(d["alice_private"]).data());
    EXPECT_EQ(to_hex(pub), d["alice_public"]);
    pci_be_x25519_public(pub.data(), hex(d["bob_private"]).data());
    EXPECT_EQ(to_hex(pub), d["bob_public"]);
    EXPECT_EQ(to_hex(x25519(hex(d["alice_private"]), hex(d["bob_public"]))), d["shared"]);
    EXPECT_EQ(to_hex(x25519(hex(d["bob_private"]), hex(d["alice_public"]))), d["shared"]);
}

// k = u = 9; repeat r = X25519(k, u); u = k; k = r.
static std::string iterate_x25519(const nlohmann::json &spec, int iterations)
{
    Bytes k = hex(spec["start_k"]), u = hex(spec["start_u"]);
    for (int i = 0; i < iterations; i++) {
        Bytes r = x25519(k, u);
        u = k;
        k = r;
    }
    return to_hex(k);
}

TEST_F(Primitives, Rfc7748Iterated1And1000)
{
    auto it = load_vectors("rfc7748_x25519.json")["x25519_iterated"];
    int n = 0;
    for (auto &r : it["results"]) {
        int iterations = r["iterations"];
        if (iterations > 1000)
            continue; // DISABLED_Rfc7748Iterated1M below
        EXPECT_EQ(iterate_x25519(it, iterations), r["output"]) << iterations;
        n++;
    }
    EXPECT_EQ(n, 2);
}

// About a minute: run with --gtest_also_run_disabled_tests --gtest_filter='*1M*'.
TEST_F(Primitives, DISABLED_Rfc7748Iterated1M)
{
    auto it = load_vectors("rfc7748_x25519.json")["x25519_iterated"];
    for (auto &r : it["results"]) {
        if (r["iterations"] == 1000000) {
            EXPECT_EQ(iterate_x25519(it, 1000000), r["output"]);
        }
    }
}

// ---- Wycheproof X25519 --------------------------------------------------------

TEST_F(Primitives, WycheproofX25519)
{
    auto doc = load_vectors("wycheproof/x25519_test.json");
    int valid = 0, zero_refused = 0, acceptable_matched = 0;
    for (auto &group : doc["testGroups"]) {
        for (auto &t : group["tests"]) {
            std::string id = "tcId " + std::to_string(t["tcId"].get<int>());
            auto flags = t["flags"].get<std::vector<std::string>>();
            bool zero = std::find(flags.begin(), flags.end(), "ZeroSharedSecret") != flags.end();
            int rc = 0;
            Bytes out = x25519(hex(t["private"]), hex(t["public"]), &rc);
            if (zero) {
                EXPECT_EQ(rc, PC_E_BAD_KEY) << id;
                EXPECT_EQ(out, Bytes(32, 0)) << id << ": result must be wiped";
                zero_refused++;
                continue;
            }
            EXPECT_EQ(rc, 0) << id;
            EXPECT_EQ(to_hex(out), t["shared"]) << id << " " << t["comment"];
            (t["result"] == "valid" ? valid : acceptable_matched)++;
        }
    }
    std::cout << "wycheproof x25519: " << valid << " valid matched, " << acceptable_matched
              << " acceptable (twist, non-canonical) matched, " << zero_refused
              << " all-zero shared secrets refused with PC_E_BAD_KEY\n";
    EXPECT_EQ(valid + zero_refused + acceptable_matched, doc["numberOfTests"].get<int>());
    EXPECT_EQ(valid, 265);
    EXPECT_GT(zero_refused, 0);
}

// ---- ChaCha20-Poly1305 / XChaCha20-Poly1305 ----------------------------------

TEST_F(Primitives, Rfc8439Aead)
{
    auto doc = load_vectors("rfc8439_chacha20_poly1305.json");
    int n = 0;
    for (auto &v : doc["aead_chacha20_poly1305"]) {
        nlohmann::json t = {{"tcId", n}, {"key", v["key"]}, {"iv", v["nonce"]},
                            {"aad", v["aad"]}, {"msg", v["plaintext"]},
                            {"ct", v["ciphertext"]}, {"tag", v["tag"]}, {"result", "valid"}};
        AeadCounts counts;
        check_aead_case(kChaCha, t, counts);
        EXPECT_EQ(counts.valid, 1) << v["source"];
        Bytes bad_tag = hex(v["tag"]);
        bad_tag[0] ^= 1;
        t["tag"] = to_hex(bad_tag);
        t["result"] = "invalid";
        check_aead_case(kChaCha, t, counts);
        n++;
    }
    EXPECT_GE(n, 2);
}

TEST_F(Primitives, WycheproofChaCha20Poly1305)
{
    AeadCounts c = run_wycheproof_aead(kChaCha, "wycheproof/chacha20_poly1305_test.json");
    EXPECT_EQ(c.valid, 256);
    EXPECT_EQ(c.invalid, 60);
    EXPECT_EQ(c.not_applicable, 9);
}

TEST_F(Primitives, WycheproofXChaCha20Poly1305)
{
    AeadCounts c = run_wycheproof_aead(kXChaCha, "wycheproof/xchacha20_poly1305_test.json");
    EXPECT_GT(c.valid, 200);
    EXPECT_GT(c.invalid, 0);
}

// The backend contract: a forged packet opened in place stays as it was.
TEST_F(Primitives, AeadOpenInPlaceLeavesBufferOnBadTag)
{
    Bytes key(32, 7), nonce(12, 1), buf(100, 0x42), tag(16);
    pci_be_aead_seal(buf.data(), tag.data(), key.data(), nonce.data(), nullptr, 0, buf.data(),
                    buf.size());
    Bytes sealed = buf;
    tag[3] ^= 0x10;
    EXPECT_EQ(pci_be_aead_open(buf.data(), key.data(), nonce.data(), nullptr, 0, buf.data(),
                              buf.size(), tag.data()),
              PC_E_AUTH);
    EXPECT_EQ(buf, sealed);
    tag[3] ^= 0x10;
    EXPECT_EQ(pci_be_aead_open(buf.data(), key.data(), nonce.data(), nullptr, 0, buf.data(),
                              buf.size(), tag.data()),
              0);
    EXPECT_EQ(buf, Bytes(100, 0x42));
}

// ---- BLAKE2b -------------------------------------------------------------------

TEST_F(Primitives, Rfc7693Abc)
{
    auto v = load_vectors("rfc7693_blake2b.json")["blake2b_512_abc"];
    EXPECT_EQ(to_hex(blake2b(hex(v["input"]), 64)), v["out"]);
}

// Appendix E's per-case digests; only unkeyed ones (the interface is unkeyed).
TEST_F(Primitives, Rfc7693SelftestCasesUnkeyed)
{
    auto doc = load_vectors("rfc7693_blake2b.json");
    int run = 0, keyed = 0;
    for (auto &c : doc["selftest_cases_derived"]) {
        if (!c["key"].get<std::string>().empty()) {
            keyed++;
            continue;
        }
        EXPECT_EQ(to_hex(blake2b(hex(c["input"]), c["outlen"])), c["out"]) << c["inlen"];
        run++;
    }
    std::cout << "rfc7693 self-test cases: " << run << " unkeyed run, " << keyed
              << " keyed not applicable\n";
    EXPECT_EQ(run, 24);
}

TEST_F(Primitives, Blake2OfficialKatUnkeyed)
{
    auto doc = load_vectors("blake2-official/blake2b-kat.json");
    int run = 0, keyed = 0;
    for (auto &c : doc) {
        if (!c["key"].get<std::string>().empty()) {
            keyed++;
            continue;
        }
        EXPECT_EQ(to_hex(blake2b(hex(c["in"]), 64)), c["out"]);
        run++;
    }
    std::cout << "blake2b-kat: " << run << " unkeyed run, " << keyed << " keyed not applicable\n";
    EXPECT_EQ(run, 256);
}

// Incremental updates in odd pieces equal one update (init/update/final).
TEST_F(Primitives, Blake2bIncremental)
{
    Bytes data(300);
    for (size_t i = 0; i < data.size(); i++)
        data[i] = static_cast<uint8_t>(i * 7);
    pc_blake2b_ctx ctx;
    Bytes out(64);
    pci_be_blake2b_init(&ctx, 64);
    for (size_t pos = 0, step = 1; pos < data.size(); pos += step, step = step * 2 + 1)
        pci_be_blake2b_update(&ctx, data.data() + pos, std::min(step, data.size() - pos));
    pci_be_blake2b_final(&ctx, out.data(), 64);
    EXPECT_EQ(out, blake2b(data, 64));
}

// ---- HMAC-BLAKE2b and Noise HKDF (answers from Python hmac + hashlib) --------

TEST_F(Primitives, HmacBlake2b)
{
    const std::string msg = "The quick brown fox jumps over the lazy dog";
    const auto *m = reinterpret_cast<const uint8_t *>(msg.data());
    Bytes out(64), key(200);
    pci_hmac_blake2b(out.data(), reinterpret_cast<const uint8_t *>("key"), 3, m, msg.size(),
                    nullptr, 0);
    EXPECT_EQ(to_hex(out), "92294f92c0dfb9b00ec9ae8bd94d7e7d8a036b885a499f149dfe2fd2199394aa"
                           "af6b8894a1730cccb2cd050f9bcf5062a38b51b0dab33207f8ef35ae2c9df51b");
    for (size_t i = 0; i < key.size(); i++)
        key[i] = static_cast<uint8_t>(i);
    // A key longer than the 128-byte block is hashed first (RFC 2104).
    pci_hmac_blake2b(out.data(), key.data(), key.size(), m, 10, m + 10, msg.size() - 10);
    EXPECT_EQ(to_hex(out), "7b6d593626fdbf17325c34e2e415d85c4fe0bfa9264d3e6037b146acdd2544b0"
                           "bec787e5a214533833c0e0f8386f6f3a46a1566cac5917652e8a0ad0b1bd8e99");
}

TEST_F(Primitives, NoiseHkdfThreeOutputs)
{
    Bytes ck(64, 0x0b), o1(64), o2(64), o3(64);
    const std::string ikm = "phone/v1/root";
    pci_hkdf(ck.data(), reinterpret_cast<const uint8_t *>(ikm.data()), ikm.size(), o1.data(),
            o2.data(), o3.data());
    EXPECT_EQ(to_hex(o1), "c6394f0e8cbf2de410185bb5cc6b25e5e957f80816f8491e26bf7384ea1cdd0f"
                          "d67f787295356532461016c5e490794b329e661c3b2780ee59e7b7d5e50e0a38");
    EXPECT_EQ(to_hex(o2), "45efe905787693c64653ec5b1e88e7dd702bb39d5f49cd7192bf22c252c8e328"
                          "c3c1b45523840341596e43fb003cd667d4acca670d15e6c43ee5e637da962cf7");
    EXPECT_EQ(to_hex(o3), "c6ddcf126064e188c808e332cc078b39a1286f7551240938cee454edff081b3f"
                          "f72e17d29a396b2d50cba6bdc6fbb7af6d7ff9948fd1f19f193e5151b5305ac3");
}

// ---- constant-time helpers ---------------------------------------------------

TEST_F(Primitives, EqualAndIsZero)
{
    Bytes a(64, 1), b(64, 1);
    EXPECT_EQ(pci_be_equal(a.data(), b.data(), 64), 1);
    b[63] = 2;
    EXPECT_EQ(pci_be_equal(a.data(), b.data(), 64), 0);
    EXPECT_EQ(pci_be_is_zero(Bytes(32, 0).data(), 32), 1);
    Bytes z(32, 0);
    z[31] = 0x80;
    EXPECT_EQ(pci_be_is_zero(z.data(), 32), 0);
}
